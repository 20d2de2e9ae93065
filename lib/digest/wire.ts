/**
 * The daily digest, given the extension API: one repeating alarm at the chosen hour, a
 * notification summing up what changed, and a click on it opens the book.
 */
import type { browser as wxtBrowser } from 'wxt/browser';
import type { Digest } from '../book/digest';
import { DIGEST_ALARM, MINUTES_PER_DAY, nextDigestAt, type DigestSettings } from '../book/digest-settings';
import type { ChangeEvent } from '../messages/protocol';
import { REMINDER_ICON } from '../reminders/icon';

export type DigestBrowser = Pick<typeof wxtBrowser, 'alarms' | 'notifications' | 'tabs' | 'runtime'>;

export interface DigestDeps {
  browser: DigestBrowser;
  loadSettings: () => Promise<DigestSettings>;
  /** What changed since the last digest (and the snapshot for the next one). */
  build: () => Promise<Digest>;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

export const BOOK_PATH = '/book.html';

export function createDigest({ browser, loadSettings, build, now = () => new Date(), onError = () => undefined }: DigestDeps) {
  async function schedule(): Promise<number | null> {
    const settings = await loadSettings();
    await browser.alarms.clear(DIGEST_ALARM);
    if (!settings.enabled) return null;
    const when = nextDigestAt(now(), settings.hour);
    await browser.alarms.create(DIGEST_ALARM, { when, periodInMinutes: MINUTES_PER_DAY });
    return when;
  }

  async function notify(): Promise<void> {
    const digest = await build();
    await browser.notifications.create(DIGEST_ALARM, {
      type: 'basic',
      iconUrl: REMINDER_ICON,
      title: digest.title,
      message: digest.message,
      contextMessage: 'Click to open your book',
    });
  }

  async function openBook(): Promise<void> {
    await browser.notifications.clear(DIGEST_ALARM);
    await browser.tabs.create({ url: browser.runtime.getURL(BOOK_PATH) });
  }

  const safely = (work: () => Promise<unknown>) => {
    work().catch(onError);
  };

  return {
    schedule,
    notify,
    openBook,
    /** The hour is a setting: a settings change may move the alarm. */
    onChange(event: ChangeEvent) {
      if (event.topics.includes('settings')) safely(schedule);
    },
    start() {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === DIGEST_ALARM) safely(notify);
      });
      browser.notifications.onClicked.addListener((id) => {
        if (id === DIGEST_ALARM) safely(openBook);
      });
      browser.runtime.onStartup.addListener(() => safely(schedule));
      browser.runtime.onInstalled.addListener(() => safely(schedule));
    },
  };
}
