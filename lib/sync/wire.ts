/**
 * The sync engine's hold on the browser, for the background: fetch, the optional host permissions,
 * the sign-in window (identity.launchWebAuthFlow), and the alarms that run a sync every 15 minutes
 * and drain the outbox after a backoff. The engine itself never touches the extension API.
 */
import type { browser as wxtBrowser } from 'wxt/browser';
import type { SyncPlatform } from './connectors';
import type { SyncEngine } from './engine';

export type SyncBrowser = Pick<typeof wxtBrowser, 'alarms' | 'permissions' | 'identity'>;

export const SYNC_ALARM = 'glance-sync';
export const OUTBOX_ALARM = 'glance-outbox';
export const SYNC_PERIOD_MINUTES = 15;

export function createSyncPlatform(browser: SyncBrowser): SyncPlatform {
  return {
    fetch: (url, init) => fetch(url, init),
    hasHostPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    redirectUrl: () => browser.identity.getRedirectURL(),
    launchWebAuthFlow: async (url) => {
      const redirect = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!redirect) throw new Error('the sign-in window closed without an answer');
      return redirect;
    },
  };
}

/** Asks for a drain at `atMs`; an earlier pending wake-up is kept. */
export function wakeAtAlarm(browser: SyncBrowser) {
  return (atMs: number) => {
    void browser.alarms.get(OUTBOX_ALARM).then((existing) => {
      if (!existing || existing.scheduledTime > atMs)
        return browser.alarms.create(OUTBOX_ALARM, { when: Math.max(atMs, Date.now() + 1000) });
    });
  };
}

export function startSyncSchedule(browser: SyncBrowser, engine: SyncEngine, onError: (error: unknown) => void) {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) engine.syncAll().catch(onError);
    if (alarm.name === OUTBOX_ALARM) engine.drain().catch(onError);
  });
  void browser.alarms.get(SYNC_ALARM).then((existing) => {
    if (!existing) return browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });
  });
  // Whatever the last worker left half done (a sync, a queued change) carries on now.
  engine.resume().catch(onError);
}
