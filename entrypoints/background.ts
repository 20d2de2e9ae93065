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
  const { handlers, recoverImports, book } = createService({
    db,
    now: () => new Date(),
    broadcast,
    keepAlive,
    sidebars,
    eagerInsights: true,
  });
  buildDigest = book.digest;
  recoverImports().catch((error) => console.warn('Glance: finishing an interrupted import', error));
  // Checked against the records once per start, so the book opens on an up-to-date cache.
  book.insights.settle().catch((error) => console.warn('Glance: insights cache', error));
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
    if (command === 'open-book') void browser.tabs.create({ url: browser.runtime.getURL(BOOK_PATH) });
  });
});
