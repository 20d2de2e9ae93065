/** The background service worker: owns the store and answers the message API. Wiring only. */
import { browser } from 'wxt/browser';
import { SidebarRegistry } from '@/lib/access/sidebar-registry';
import { createMessageServer } from '@/lib/messages/server';
import type { ChangeEvent } from '@/lib/messages/protocol';
import type { ToTab } from '@/lib/messages/frame';
import { createService } from '@/lib/service/handlers';
import { GlanceDB } from '@/lib/store/db';
import { HOST_MATCHES, runsGlanceScript } from '@/lib/hosts/matches';
import { createReminders } from '@/lib/reminders';
import { loadMeetingsForReminders, loadReminderSettings } from '@/lib/service/reminders';
import { DISPLAY_MODE_KEY, displayModeOf, type DisplayMode } from '@/lib/display/mode';
import { realConnectors } from '@/lib/sync/connectors';
import type { SyncEngine } from '@/lib/sync/engine';
import { createSyncPlatform, startSyncSchedule, wakeAtAlarm } from '@/lib/sync/wire';
import { BOOK_PATH, createDigest } from '@/lib/digest/wire';
import { loadDigestSettings } from '@/lib/service/book';

const LOG_PROMISE_MENU = 'glance-log-promise';
export default defineBackground(() => {
  const db = new GlanceDB();
  const reminders = createReminders({
    browser,
    loadMeetings: (from, days) => loadMeetingsForReminders(db, from, days),
    loadSettings: () => loadReminderSettings(db),
    onError: (error) => console.warn('Glance: meeting reminders', error),
  });
  reminders.start();
  const crm: { sync?: SyncEngine } = {};
  // The digest reads the book's insights, which exist once the service below does.
  let buildDigest: () => Promise<import('@/lib/book/digest').Digest> = () => Promise.reject(new Error('not started'));
  const digest = createDigest({
    browser,
    loadSettings: () => loadDigestSettings(db),
    build: () => buildDigest(),
    onError: (error) => console.warn('Glance: daily digest', error),
  });
  digest.start();
  const broadcast = (event: ChangeEvent) => {
    // No open Glance page is not an error.
    browser.runtime.sendMessage(event).catch(() => undefined);
    reminders.onChange(event);
    // A new or changed commitment, or an email logged from a thread, goes to the CRMs soon after.
    if (event.topics.includes('commitments') || event.topics.includes('threads')) crm.sync?.drainSoon();
    digest.onChange(event);
  };
  const sessionStorage = browser.storage.session;
  const sidebars = new SidebarRegistry({
    get: async (key) => (await sessionStorage.get(key))[key],
    set: (key, value) => sessionStorage.set({ [key]: value }),
    remove: (key) => sessionStorage.remove(key),
  });
  browser.tabs.onRemoved.addListener((tabId) => void sidebars.forgetTab(tabId));
  // An import the worker was stopped in the middle of is finished now; calling an extension API per
  // batch keeps the worker alive while it runs with no page asking.
  const keepAlive = () => browser.runtime.getPlatformInfo();
  const platform = createSyncPlatform(browser);
  const service = createService({
    db,
    now: () => new Date(),
    broadcast,
    keepAlive,
    sidebars,
    sync: { platform, connectors: realConnectors(platform.fetch), wakeAt: wakeAtAlarm(browser) },
    eagerInsights: true,
  });
  const { handlers, recoverImports, book } = service;
  crm.sync = service.sync;
  if (crm.sync) startSyncSchedule(browser, crm.sync, (error) => console.warn('Glance: CRM sync', error));
  buildDigest = book.digest;
  recoverImports().catch((error) => console.warn('Glance: finishing an interrupted import', error));
  // The insights cache is not loaded or checked here: a worker woken for a sidebar look-up must not read
  // a 100k-account cache. The book and the digest load it when they read; changes refresh their own rows.
  browser.runtime.onMessage.addListener(
    createMessageServer(handlers, {
      extensionId: browser.runtime.id,
      isGlanceHost: runsGlanceScript,
      sidebars,
      onError: (type, error) => console.warn(`Glance: "${type}" failed`, error),
    }),
  );

  const tellTab = (tabId: number | undefined, message: ToTab) => {
    if (tabId !== undefined) browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  };

  browser.runtime.onInstalled.addListener(({ reason }) => {
    browser.contextMenus.create({
      id: LOG_PROMISE_MENU,
      title: 'Log as promise in Glance',
      contexts: ['selection'],
      documentUrlPatterns: HOST_MATCHES,
    });
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  // The browser's side panel: Chrome's sidePanel, Firefox's sidebarAction (neither exists in the other).
  const chromePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const firefoxPanel = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  const toolbar = browser.action ?? browser.browserAction;
  /** Known once storage answers; a command that comes first still opens the panel (see openPanel). */
  let mode: DisplayMode | undefined;
  const applyMode = (next: DisplayMode) => {
    mode = next;
    // In panel mode the toolbar button opens the panel instead of the briefing popup.
    void toolbar.setPopup({ popup: next === 'panel' ? '' : 'popup.html' });
    void chromePanel?.setPanelBehavior({ openPanelOnActionClick: next === 'panel' }).catch(() => undefined);
    // Disabled in page mode, so an open() made before the mode is known (see below) does nothing there.
    void chromePanel?.setOptions({ enabled: next === 'panel' }).catch(() => undefined);
  };
  void browser.storage.local.get(DISPLAY_MODE_KEY).then((stored) => applyMode(displayModeOf(stored[DISPLAY_MODE_KEY])));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && DISPLAY_MODE_KEY in changes) applyMode(displayModeOf(changes[DISPLAY_MODE_KEY].newValue));
  });
  /** Called at once in the command's handler: the browsers open a panel only during a user's gesture. */
  const openPanel = (windowId: number | undefined) => {
    if (firefoxPanel) return void firefoxPanel.open().catch(() => undefined);
    if (windowId !== undefined) void chromePanel?.open({ windowId }).catch(() => undefined);
  };
  // Firefox: with the popup unset in panel mode, a click on the toolbar button comes here.
  if (firefoxPanel) toolbar.onClicked.addListener(() => openPanel(undefined));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOG_PROMISE_MENU) return;
    if (mode === 'panel') openPanel(tab?.windowId);
    tellTab(tab?.id, { glance: 'tab', type: 'log-promise', text: info.selectionText });
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    // A command can wake the worker before storage answers: Chrome's panel is disabled in page mode anyway.
    const maybePanel = mode === 'panel' || (mode === undefined && !firefoxPanel);
    if (maybePanel && (command === 'toggle-sidebar' || command === 'log-promise')) openPanel(tab?.windowId);
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (command === 'toggle-sidebar') tellTab(tabId, { glance: 'tab', type: 'toggle-sidebar' });
    if (command === 'log-promise') tellTab(tabId, { glance: 'tab', type: 'log-promise' });
    if (command === 'open-book') void browser.tabs.create({ url: browser.runtime.getURL(BOOK_PATH) });
  });
});

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
  setOptions(options: { enabled: boolean }): Promise<void>;
}
