/**
 * What the content script does on a Gmail, Outlook, Salesforce or HubSpot page: reads the page with
 * that host's reader, mounts the sidebar iframe (or, in side panel mode, mounts nothing and tells the
 * browser's side panel), and tells it what is in view. It never fetches data,
 * holds no CRM credentials (only its tab's one-time sidebar token, passed straight on) and uses no
 * React. Each host gets a script of its own (entrypoints/*-page.ts) with only its reader, and no
 * extension-API wrapper: a few kilobytes on every page load.
 */
import { readSafely, type HostAdapter, type MessageReader } from '../hosts/adapter';
import { displayModeOf, DISPLAY_MODE_KEY } from '../display/mode';
import { createPromiseHandoff } from '../display/promise-handoff';
import type { PageContext, PageMessage } from '../hosts/types';
import { isToTab, type PromiseDraftSeed, type ToContent, type ToPanel, type ToSidebar } from '../messages/frame';
import { sendWithRedelivery } from '../messages/redelivery';
import type { RequestEnvelope, ResponseEnvelope, ResponseOf } from '../messages/protocol';
import { extensionApi as browser } from '../sidebar-frame/extension-api';
import { mountSidebar, type SidebarFrame } from '../sidebar-frame/mount';
import { watchPage } from '../sidebar-frame/watch';

const COLLAPSED_KEY = 'sidebar.collapsed';
const UNREADABLE_GRACE_MS = 1500;
const THEME_SETTLE_MS = 500;

export async function startGlance(adapter: HostAdapter): Promise<void> {
  const stored = await browser.storage.local.get([COLLAPSED_KEY, DISPLAY_MODE_KEY]);
  let collapsedAtStart = stored[COLLAPSED_KEY] === true;
  let mode = displayModeOf(stored[DISPLAY_MODE_KEY]);
  // What the thread's messages say and when a selection was sent: only when the sidebar (or the side panel)
  // asks, never on every read. The reader is a module of its own (web-accessible to this host's pages),
  // imported at the first ask: it is most of a mail host's reading code, and most page loads never need it.
  // Once loaded, it answers at once, in the same task as the ask.
  let reader: MessageReader | undefined;
  let loading: Promise<void> | undefined;
  const withReader = <T>(use: (reader: MessageReader | undefined) => T, reply: (value: T) => void) => {
    const path = adapter.messagesModule;
    if (reader || !path) return reply(use(reader));
    loading ??= import(/* @vite-ignore */ browser.runtime.getURL(path)).then(
      (module: { default: MessageReader }) => void (reader = module.default),
      // Not loaded (the extension was updated under this page): tried again at the next ask.
      () => void (loading = undefined),
    );
    void loading.then(() => reply(use(reader)));
  };
  const readMessages = (reply: (messages: PageMessage[]) => void) => withReader((loaded) => loaded?.read(location, document) ?? [], reply);
  const selectionSeed = (reply: (seed: PromiseDraftSeed) => void) => {
    // Read before the reader may have to load: the selection may change meanwhile.
    const selection = window.getSelection();
    const text = (selection?.toString() ?? '').trim().slice(0, 2000);
    const node = selection?.anchorNode ?? null;
    withReader(
      (loaded) => (text ? loaded?.sentOfNode(node) : undefined),
      (sent) => reply(sent ? { text, sent } : { text }),
    );
  };
  // The matches are coarser than the reader (*.my.salesforce.com, all of Outlook's app for its route
  // changes, lib/hosts/matches.ts): off the reader's pages nothing is read or mounted, and no room taken;
  // the route is still watched, so a move to a page it reads (Outlook's calendar to mail) mounts the sidebar.
  // The page's own location, not a parsed copy of it: fields read straight off it cost less per read.
  const read = (): PageContext | null => (adapter.isHost(location) ? readSafely(adapter, location, document) : null);
  let onReadPage = false;

  // In the browser's side panel mode nothing is mounted: the page is read and the panel told.
  let sidebar: InPageSidebar | null = null;
  const tellPanel = (message: ToPanel) => browser.runtime.sendMessage(message).catch(() => undefined);
  const tell = (message: ToSidebar & ({ type: 'context' } | { type: 'navigating' })) => {
    if (sidebar) sidebar.frame.post(message);
    else if (mode === 'panel') void tellPanel({ glance: 'panel', ...message });
  };
  const handoff = createPromiseHandoff(() => crypto.randomUUID());
  let lastContext: PageContext | null = null;
  // The host's background colours, told on mounting and when they changed (Gmail switches theme without a
  // reload); the sidebar works out the theme. Read once the page has drawn, when its own style pass has run:
  // read at once, they would force that pass here (and after mounting, one for our own elements). On
  // mounting, after the next frame (before the sidebar draws); then once a burst of reads that found the same
  // thread or record settles: a theme switch changes the page's styles but not what is in view, while a
  // navigation (a thread swap) changes what is in view and is no moment to look at the theme.
  let backgrounds: string | null = null;
  let themeTimer: number | undefined;
  const readTheme = () => {
    const now = [document.body, document.documentElement].filter((el) => el !== null).map((el) => getComputedStyle(el).backgroundColor);
    if (sidebar && now.join() !== backgrounds) sidebar.frame.post({ type: 'host-theme', backgrounds: now });
    if (sidebar) backgrounds = now.join();
  };
  const tellTheme = (soon = false) => {
    if (!sidebar) return;
    window.clearTimeout(themeTimer);
    if (soon) requestAnimationFrame(() => (themeTimer = window.setTimeout(readTheme)));
    else themeTimer = window.setTimeout(readTheme, THEME_SETTLE_MS);
  };
  /**
   * The in-page sidebar exists exactly on a page the reader knows, in the in-page mode. `page`: what a
   * new sidebar is told first, sent with its registration (the background matches it as the frame loads).
   */
  const applyDisplay = (page = lastContext) => {
    const inPage = onReadPage && mode === 'page';
    if (inPage && !sidebar) {
      sidebar = mountInPage(collapsedAtStart, { selectionSeed, readMessages }, (collapsed) => (collapsedAtStart = collapsed), page);
      backgrounds = null;
      tellTheme(true);
      if (lastContext) sidebar.frame.post({ type: 'context', context: lastContext });
    } else if (!inPage && sidebar) {
      sidebar.destroy();
      sidebar = null;
    }
  };
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(DISPLAY_MODE_KEY in changes)) return;
    mode = displayModeOf(changes[DISPLAY_MODE_KEY].newValue);
    applyDisplay();
  };
  browser.storage.onChanged.addListener(onStorage);

  // Gmail changes the route before it draws the thread: an unreadable page is only reported once
  // it stays unreadable, and meanwhile the sidebar shows it is loading rather than the last account.
  let unreadableTimer: number | undefined;
  // Our own sidebar going in or out of the page is no change of what the page shows.
  const isOwn = (node: Node) => sidebar?.frame.owns(node) === true;
  const watch = watchPage(
    window,
    read,
    isOwn,
    (context) => {
      if (unreadableTimer !== undefined) window.clearTimeout(unreadableTimer);
      unreadableTimer = undefined;
      // The extension was updated or removed: this script is orphaned, so take the sidebar off the page.
      if (!browser.runtime?.id) return stop();
      const wasOnReadPage = onReadPage;
      onReadPage = context !== null;
      if (!onReadPage) lastContext = null;
      // Mounted before the context is told (lastContext is still the previous page's: null on arrival).
      applyDisplay(context?.kind === 'unreadable' ? null : context);
      if (!context) {
        if (wasOnReadPage && mode === 'panel') void tellPanel({ glance: 'panel', type: 'no-page' });
        return;
      }
      lastContext = context;
      if (context.kind !== 'unreadable') return tell({ type: 'context', context });
      tell({ type: 'navigating' });
      unreadableTimer = window.setTimeout(() => tell({ type: 'context', context }), UNREADABLE_GRACE_MS);
    },
    tellTheme,
  );
  watch.check();

  // sendResponse rather than a returned promise: Chrome's own onMessage does not take promises.
  const onTabMessage = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !isToTab(message)) return false;
    if (message.type === 'get-context') sendResponse(read());
    else if (!onReadPage) sendResponse(null);
    else if (message.type === 'toggle-sidebar') sidebar?.toggle();
    else if (message.type === 'log-promise') {
      const { text } = message;
      selectionSeed((seed) => {
        const withText = text ? { ...seed, text } : seed;
        if (sidebar) sidebar.openPromiseForm(withText);
        else if (mode === 'panel') {
          // The panel may still be opening (the same shortcut or click opens it): kept until it confirms or asks.
          const handed = handoff.offer(withText);
          void tellPanel({ glance: 'panel', type: 'open-promise-form', seed: handed.seed, handoffId: handed.id }).then((reply) => {
            if ((reply as { taken?: unknown } | undefined)?.taken === handed.id) handoff.delivered(handed.id);
          });
        }
      });
    } else if (message.type === 'take-promise') {
      sendResponse(handoff.take());
    } else if (message.type === 'get-selection' || message.type === 'get-messages') {
      if (message.type === 'get-selection') selectionSeed(sendResponse);
      else readMessages(sendResponse);
      // The answer may come once the message reader has loaded: the channel stays open for it.
      return true;
    }
    return false;
  };
  browser.runtime.onMessage.addListener(onTabMessage as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

  function stop() {
    watch.stop();
    browser.storage.onChanged.removeListener(onStorage);
    sidebar?.destroy();
    sidebar = null;
  }
}

interface InPageSidebar {
  frame: SidebarFrame;
  toggle(): void;
  openPromiseForm(seed: PromiseDraftSeed): void;
  destroy(): void;
}

/** The sidebar iframe on the page, registered with the background for this tab. */
interface PageReads {
  selectionSeed(reply: (seed: PromiseDraftSeed) => void): void;
  readMessages(reply: (messages: PageMessage[]) => void): void;
}

function mountInPage(
  collapsed: boolean,
  reads: PageReads,
  onCollapsed: (collapsed: boolean) => void,
  page: PageContext | null,
): InPageSidebar {
  // Asked at once: the sidebar cannot load an account before it redeems this. With the page the sidebar
  // is told first, which the background matches while the frame loads (the redeem of it then answers at once).
  const register: RequestEnvelope<'sidebar.register'> = {
    glance: 'request',
    type: 'sidebar.register',
    payload: page ? { context: page } : {},
  };
  const registration = sendWithRedelivery(() => browser.runtime.sendMessage(register)).then(
    (reply) => {
      const answer = reply as ResponseEnvelope<ResponseOf<'sidebar.register'>> | undefined;
      return answer?.ok
        ? ({ type: 'registration', token: answer.data.token } satisfies ToSidebar)
        : ({ type: 'registration-failed', reason: answer?.error ?? 'no answer' } satisfies ToSidebar);
    },
    (error: unknown) => ({ type: 'registration-failed', reason: String(error) }) satisfies ToSidebar,
  );

  const onMessage = (message: ToContent) => {
    if (message.type === 'get-selection')
      reads.selectionSeed((seed) => frame.post({ type: 'selection', requestId: message.requestId, seed }));
    if (message.type === 'get-messages')
      reads.readMessages((messages) => frame.post({ type: 'messages', requestId: message.requestId, messages }));
    if (message.type === 'set-collapsed') setCollapsed(message.collapsed);
  };
  const frame: SidebarFrame = mountSidebar(document, {
    sidebarUrl: browser.runtime.getURL('/sidebar.html'),
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    collapsed,
    onMessage,
  });
  // Only over the private channel to the frame we made: a copy the page frames itself never sees it.
  void registration.then((message) => frame.post(message));

  const setCollapsed = (value: boolean) => {
    frame.setCollapsed(value);
    frame.post({ type: 'collapsed', collapsed: value });
    onCollapsed(value);
    void browser.storage.local.set({ [COLLAPSED_KEY]: value });
  };
  frame.post({ type: 'collapsed', collapsed: frame.isCollapsed() });

  return {
    frame,
    toggle: () => setCollapsed(!frame.isCollapsed()),
    openPromiseForm(seed) {
      if (frame.isCollapsed()) setCollapsed(false);
      frame.post({ type: 'open-promise-form', seed });
      // The user asked through the browser (shortcut or menu), not the page: the form may take the keyboard.
      frame.focus();
    },
    destroy: () => frame.destroy(),
  };
}
