import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createQueryClient, GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import { expectFirstMatch, prefetchPageMatch, type FirstMatch } from '@/components/sidebar/page-match';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import { usePageStore } from '@/components/sidebar/page-store';
import { handleHostMessage } from '@/components/sidebar/selection';
import { call, setSession } from '@/lib/messages/client';
import { connectToHost } from '@/lib/sidebar-frame/connect';
import '@/assets/glance.css';
import '@/assets/insights.css';
import '@/assets/sidebar.css';
import '@/assets/found.css';
import '@/assets/sections.css';

const queryClient = createQueryClient();

// Every request waits for the session key that the token from our content script redeems. A copy of
// this page framed by anything else never gets one: it asks nothing and shows nothing.
let settleSession: { resolve(key: string): void; reject(error: Error): void } | undefined;
const session = new Promise<string>((resolve, reject) => (settleSession = { resolve, reject }));
session.catch(() => undefined); // reported by each call that waits for it
// The page in view (the content script sends it before the token) is matched as the token is redeemed.
let settleFirstMatch: (answer: FirstMatch | null) => void = () => undefined;

const link = connectToHost(window, (message) => {
  if (message.type === 'registration') {
    const { context } = usePageStore.getState();
    call('sidebar.redeem', { token: message.token, ...(context ? { context } : {}) }).then(
      ({ session: key, match }) => {
        settleFirstMatch(context && match ? { context, match } : null);
        settleSession?.resolve(key);
      },
      (error: Error) => {
        settleFirstMatch(null);
        settleSession?.reject(error);
      },
    );
    return;
  }
  if (message.type === 'registration-failed') {
    settleFirstMatch(null);
    return settleSession?.reject(new Error(`Glance's background could not be reached (${message.reason}). Reload the page to try again.`));
  }
  if (message.type === 'context') prefetchPageMatch(queryClient, message.context);
  handleHostMessage(message);
});
if (link) {
  setSession(session);
  expectFirstMatch(new Promise((resolve) => (settleFirstMatch = resolve)));
  usePageStore.setState({ postToHost: (message) => link.post(message) });
}

usePageStore.setState({ openOptions: () => void browser.runtime.openOptionsPage() });

// Opened on its own in a tab (the briefing's "Details" links), it shows the account of ?account=.
createRoot(document.getElementById('root')!).render(
  <GlanceQueryProvider client={queryClient}>
    <SidebarApp standalone={link === null} />
  </GlanceQueryProvider>,
);
