/** The background service worker: owns the store and answers the message API. Wiring only. */
import { browser } from 'wxt/browser';
import { SidebarRegistry } from '@/lib/access/sidebar-registry';
import { hostOf } from '@/lib/hosts';
import { createMessageServer } from '@/lib/messages/server';
import type { ChangeEvent } from '@/lib/messages/protocol';
import type { ToTab } from '@/lib/messages/frame';
import { createService } from '@/lib/service/handlers';
import { GlanceDB } from '@/lib/store/db';
import { HOST_MATCHES } from '@/lib/hosts/matches';
import { createReminders } from '@/lib/reminders';
import { loadMeetingsForReminders, loadReminderSettings } from '@/lib/service/reminders';
import { realConnectors } from '@/lib/sync/connectors';
import type { SyncEngine } from '@/lib/sync/engine';
import { createSyncPlatform, startSyncSchedule, wakeAtAlarm } from '@/lib/sync/wire';

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
  const broadcast = (event: ChangeEvent) => {
    // No open Glance page is not an error.
    browser.runtime.sendMessage(event).catch(() => undefined);
    reminders.onChange(event);
    // A new or changed commitment goes to the CRMs soon after.
    if (event.topics.includes('commitments')) crm.sync?.drainSoon();
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
  });
  const { handlers, recoverImports } = service;
  crm.sync = service.sync;
  if (crm.sync) startSyncSchedule(browser, crm.sync, (error) => console.warn('Glance: CRM sync', error));
  recoverImports().catch((error) => console.warn('Glance: finishing an interrupted import', error));
  browser.runtime.onMessage.addListener(
    createMessageServer(handlers, {
      extensionId: browser.runtime.id,
      isGlanceHost: (url) => hostOf(url) !== null,
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
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === LOG_PROMISE_MENU) tellTab(tab?.id, { glance: 'tab', type: 'log-promise', text: info.selectionText });
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (command === 'toggle-sidebar') tellTab(tabId, { glance: 'tab', type: 'toggle-sidebar' });
    if (command === 'log-promise') tellTab(tabId, { glance: 'tab', type: 'log-promise' });
  });
});
