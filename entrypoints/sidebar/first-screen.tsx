/** The sidebar's React side, loaded beside the handshake in main.ts: draws the first screen and follows the host page. */
import { useLayoutEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createQueryClient, GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import { expectFirstMatch, prefetchPageMatch, seedFirstMatch, type FirstMatch } from '@/components/sidebar/page-match';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import { usePageStore } from '@/components/sidebar/page-store';
import { handleHostMessage } from '@/components/sidebar/selection';
import { call, setSession } from '@/lib/messages/client';
import type { ToContent, ToSidebar } from '@/lib/messages/frame';
import type { Profile } from '@/lib/settings/profile';
import '@/assets/glance.css';
import '@/assets/insights.css';
import '@/assets/sidebar.css';
import '@/assets/found.css';
import '@/assets/sections.css';

const queryClient = createQueryClient();

export interface HostLinkState {
  post(message: ToContent): void;
  /** What sidebar.redeem answered besides the key (no match: the sidebar asks page.match itself). */
  first: Promise<{ match: FirstMatch | null; profile?: Profile }>;
  /** The key the redeem gives: every request of this sidebar waits for it. */
  session: Promise<string>;
  /** The first screen as the entry drew it without React (./first-draw.ts), if it did. */
  drawn?: DrawnFirst | null;
}

/** What the first screen drawn without React showed: React's first commit shows the same. */
export interface DrawnFirst {
  first: FirstMatch;
  profile?: Profile;
  hostTheme: 'light' | 'dark' | null;
}

const FOCUSABLE = 'a[href], button, [tabindex]';

/** The control that had the focus in the screen drawn without React gets it back in React's (the same controls, in order). */
function KeepFocus({ root, at, children }: { root: HTMLElement; at: number; children: ReactNode }) {
  useLayoutEffect(() => {
    if (at >= 0) root.querySelectorAll<HTMLElement>(FOCUSABLE)[at]?.focus();
  }, [root, at]);
  return children;
}

/** Whether the content script's own word on the page (checked here) has come yet. */
let toldPage = false;

/** A message from the content script, in the order it came. */
export function onHostMessage(message: ToSidebar): void {
  if (message.type === 'context' || message.type === 'navigating') toldPage = true;
  if (message.type === 'context') prefetchPageMatch(queryClient, message.context);
  handleHostMessage(message);
}

/** `host`: the link to the content script, or null when opened on its own in a tab. */
export function drawSidebar(host: HostLinkState | null): void {
  const root = document.getElementById('root')!;
  const drawn = host?.drawn;
  if (host) {
    setSession(host.session);
    if (drawn) {
      seedFirstMatch(queryClient, drawn.first);
      usePageStore.setState({ hostTheme: drawn.hostTheme });
      usePageStore.getState().setContext(drawn.first.context);
      if (drawn.profile) queryClient.setQueryData(['glance', 'profile'], drawn.profile);
    } else {
      expectFirstMatch(host.first.then((answer) => answer.match));
      // The page the redeem matched, as the background checked it: drawn at once, unless the content script's
      // messages (which wait for this frame's own check) have already said where the page is.
      void host.first.then(({ match }) => {
        if (match && !toldPage) usePageStore.getState().setContext(match.context);
      });
    }
    usePageStore.setState({ postToHost: host.post });
    // The theme chosen came with the redeem: the first screen sends no profile.get of its own.
    void queryClient.prefetchQuery({
      queryKey: ['glance', 'profile'],
      queryFn: async () => (await host.first).profile ?? call('profile.get', {}),
    });
  }
  usePageStore.setState({ openOptions: () => void browser.runtime.openOptionsPage() });
  const focused = document.activeElement;
  const at = focused && root.contains(focused) ? [...root.querySelectorAll(FOCUSABLE)].indexOf(focused) : -1;
  createRoot(root).render(
    <KeepFocus root={root} at={at}>
      <GlanceQueryProvider client={queryClient}>
        <SidebarApp standalone={host === null} />
      </GlanceQueryProvider>
    </KeepFocus>,
  );
}
