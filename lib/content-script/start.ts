/**
 * What the content script does on a Gmail, Salesforce or HubSpot page: reads the page with that
 * host's reader, mounts the sidebar iframe, and tells it what is in view. It never fetches data,
 * holds no CRM credentials (only its tab's one-time sidebar token, passed straight on) and uses no
 * React. Each host gets a script of its own (entrypoints/*-page.ts) with only its reader, and no
 * extension-API wrapper: a few kilobytes on every page load.
 */
import { readSafely, sentAtSafely, type HostAdapter } from '../hosts/adapter';
import { hostTheme } from '../hosts/theme';
import { isToTab, type PromiseDraftSeed, type ToContent, type ToSidebar } from '../messages/frame';
import { sendWithRedelivery } from '../messages/redelivery';
import type { RequestEnvelope, ResponseEnvelope, ResponseOf } from '../messages/protocol';
import { extensionApi as browser } from '../sidebar-frame/extension-api';
import { mountSidebar, type SidebarFrame } from '../sidebar-frame/mount';
import { watchPage } from '../sidebar-frame/watch';

const COLLAPSED_KEY = 'sidebar.collapsed';
const UNREADABLE_GRACE_MS = 1500;

export async function startGlance(adapter: HostAdapter): Promise<void> {
  // The matches are coarse (*.my.salesforce.com): nothing is mounted, and no room taken, where no reader applies.
  if (!adapter.isHost(new URL(location.href))) return;
  // Asked at once, in parallel with the rest: the sidebar cannot load an account before it redeems this.
  const register: RequestEnvelope<'sidebar.register'> = { glance: 'request', type: 'sidebar.register', payload: {} };
  const registration = sendWithRedelivery(() => browser.runtime.sendMessage(register)).then(
    (reply) => {
      const answer = reply as ResponseEnvelope<ResponseOf<'sidebar.register'>> | undefined;
      return answer?.ok
        ? ({ type: 'registration', token: answer.data.token } satisfies ToSidebar)
        : ({ type: 'registration-failed', reason: answer?.error ?? 'no answer' } satisfies ToSidebar);
    },
    (error: unknown) => ({ type: 'registration-failed', reason: String(error) }) satisfies ToSidebar,
  );
  const stored = await browser.storage.local.get(COLLAPSED_KEY);
  const selectionSeed = (): PromiseDraftSeed => {
    const selection = window.getSelection();
    const text = (selection?.toString() ?? '').trim().slice(0, 2000);
    return { text, sentAt: text ? sentAtSafely(adapter, selection?.anchorNode ?? null) : undefined };
  };

  const onMessage = (message: ToContent) => {
    if (message.type === 'get-selection') sidebar.post({ type: 'selection', requestId: message.requestId, seed: selectionSeed() });
    if (message.type === 'set-collapsed') setCollapsed(message.collapsed);
  };

  const sidebar: SidebarFrame = mountSidebar(document, {
    sidebarUrl: browser.runtime.getURL('/sidebar.html'),
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    collapsed: stored[COLLAPSED_KEY] === true,
    onMessage,
  });
  // Only over the private channel to the frame we made: a copy the page frames itself never sees it.
  void registration.then((message) => sidebar.post(message));

  const setCollapsed = (collapsed: boolean) => {
    sidebar.setCollapsed(collapsed);
    sidebar.post({ type: 'collapsed', collapsed });
    void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed });
  };
  sidebar.post({ type: 'collapsed', collapsed: sidebar.isCollapsed() });

  // The host's theme, told again whenever the page changes (Gmail switches theme without a reload).
  let theme: string | null = null;
  const tellTheme = () => {
    const now = hostTheme(document, (el) => getComputedStyle(el).backgroundColor);
    if (now && now !== theme) sidebar.post({ type: 'host-theme', theme: (theme = now) });
  };
  tellTheme();

  const read = () => readSafely(adapter, new URL(location.href), document);
  // Gmail changes the route before it draws the thread: an unreadable page is only reported once
  // it stays unreadable, and meanwhile the sidebar shows it is loading rather than the last account.
  let unreadableTimer: number | undefined;
  const watch = watchPage(window, read, (context) => {
    window.clearTimeout(unreadableTimer);
    // The extension was updated or removed: this script is orphaned, so take the sidebar off the page.
    if (!browser.runtime?.id) return stop();
    tellTheme();
    if (!context) return;
    if (context.kind !== 'unreadable') return sidebar.post({ type: 'context', context });
    sidebar.post({ type: 'navigating' });
    unreadableTimer = window.setTimeout(() => sidebar.post({ type: 'context', context }), UNREADABLE_GRACE_MS);
  });
  watch.check();

  // sendResponse rather than a returned promise: Chrome's own onMessage does not take promises.
  const onTabMessage = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !isToTab(message)) return false;
    if (message.type === 'toggle-sidebar') setCollapsed(!sidebar.isCollapsed());
    else if (message.type === 'log-promise') {
      if (sidebar.isCollapsed()) setCollapsed(false);
      const seed = selectionSeed();
      sidebar.post({ type: 'open-promise-form', seed: message.text ? { ...seed, text: message.text } : seed });
      // The user asked through the browser (shortcut or menu), not the page: the form may take the keyboard.
      sidebar.focus();
    } else if (message.type === 'get-context') {
      sendResponse(read());
    }
    return false;
  };
  browser.runtime.onMessage.addListener(onTabMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

  function stop() {
    watch.stop();
    sidebar.destroy();
  }
}
