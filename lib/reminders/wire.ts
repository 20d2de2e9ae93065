/**
 * Reminder alarms and notifications, given the extension API: the background calls `start()` once
 * and `onChange()` after every write; everything else is decided by the pure planner.
 */
import type { browser as wxtBrowser } from 'wxt/browser';
import type { ChangeEvent } from '../messages/protocol';
import { toMs } from '../time';
import { REMINDER_ICON } from './icon';
import {
  LOOKAHEAD_DAYS,
  parseReminderName,
  planReminders,
  pruneFired,
  reconcile,
  REFRESH_ALARM,
  REFRESH_MINUTES,
  type PlannedAlarm,
  type ReminderMeeting,
} from './schedule';
import type { ReminderSettings } from './settings';

export type ReminderBrowser = Pick<typeof wxtBrowser, 'alarms' | 'notifications' | 'storage' | 'windows' | 'runtime'>;

export interface ReminderDeps {
  browser: ReminderBrowser;
  /** Meetings starting between `from` and `days` later, any account. */
  loadMeetings: (from: Date, days: number) => Promise<ReminderMeeting[]>;
  loadSettings: () => Promise<ReminderSettings>;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/** Reminders already shown, so a re-plan inside the lead time does not show them again. */
export const FIRED_KEY = 'glance.reminders.fired';
export const BRIEFING_WINDOW = { width: 460, height: 680 } as const;

export function briefingPath(accountId: string): string {
  return `/popup.html?account=${encodeURIComponent(accountId)}`;
}

export function reminderTitle(meeting: ReminderMeeting, minutesLeft: number): string {
  return minutesLeft <= 0 ? `${meeting.accountName}: meeting now` : `${meeting.accountName}: meeting in ${minutesLeft} min`;
}

export function createReminders({ browser, loadMeetings, loadSettings, now = Date.now, onError = () => undefined }: ReminderDeps) {
  let queue: Promise<unknown> = Promise.resolve();

  async function readFired(): Promise<string[]> {
    const stored = await browser.storage.local.get(FIRED_KEY);
    const list = stored[FIRED_KEY];
    return Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : [];
  }

  async function replan(): Promise<PlannedAlarm[]> {
    const t = now();
    const [settings, existing, fired] = await Promise.all([loadSettings(), browser.alarms.getAll(), readFired()]);
    const meetings = settings.enabled ? await loadMeetings(new Date(t), LOOKAHEAD_DAYS) : [];
    const planned = planReminders(meetings, t, settings.leadMinutes, { fired: new Set(fired) });
    const { clear, create } = reconcile(existing, planned);
    await Promise.all(clear.map((name) => browser.alarms.clear(name)));
    await Promise.all(create.map((p) => browser.alarms.create(p.name, { when: p.when })));
    if (!existing.some((a) => a.name === REFRESH_ALARM)) {
      await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES });
    }
    return planned;
  }

  /** One re-plan at a time: two quick writes must not both create the same alarms. */
  function reschedule(): Promise<PlannedAlarm[]> {
    const run = queue.then(replan);
    // The caller hears of a failure; the queue only needs to go on.
    queue = run.catch(() => undefined);
    return run;
  }

  async function notify(name: string): Promise<string | null> {
    const key = parseReminderName(name);
    if (!key) return null;
    const t = now();
    await browser.storage.local.set({ [FIRED_KEY]: pruneFired([...(await readFired()), name], t) });
    // Woken after the meeting began (a sleeping laptop): a reminder now would only be noise.
    if (key.startMs <= t) return null;
    const meetings = await loadMeetings(new Date(t), LOOKAHEAD_DAYS);
    const meeting = meetings.find((m) => m.activityId === key.activityId && m.accountId === key.accountId);
    // Deleted or moved since it was planned: the re-plan gave the new time its own alarm.
    if (!meeting || toMs(meeting.date) !== key.startMs) return null;
    const minutes = Math.round((key.startMs - t) / 60_000);
    const at = new Date(key.startMs).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
    await browser.notifications.create(name, {
      type: 'basic',
      iconUrl: REMINDER_ICON,
      title: reminderTitle(meeting, minutes),
      message: `${meeting.summary ?? 'Meeting'} at ${at}`,
      contextMessage: 'Click for the pre-call briefing',
      priority: 2,
    });
    return name;
  }

  async function openBriefing(notificationId: string): Promise<void> {
    const key = parseReminderName(notificationId);
    if (!key) return;
    await browser.notifications.clear(notificationId);
    const url = browser.runtime.getURL(briefingPath(key.accountId) as '/popup.html');
    await browser.windows.create({ url, type: 'popup', focused: true, ...BRIEFING_WINDOW });
  }

  const safely = (work: () => Promise<unknown>) => {
    work().catch(onError);
  };

  return {
    reschedule,
    notify,
    openBriefing,
    /** Meetings come with records; the lead time is a setting. Commitments and the rest move no meeting. */
    onChange(event: ChangeEvent) {
      if (event.topics.includes('records') || event.topics.includes('settings')) safely(reschedule);
    },
    start() {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === REFRESH_ALARM) safely(reschedule);
        else if (parseReminderName(alarm.name)) safely(() => notify(alarm.name));
      });
      browser.notifications.onClicked.addListener((id) => safely(() => openBriefing(id)));
      browser.runtime.onStartup.addListener(() => safely(reschedule));
      browser.runtime.onInstalled.addListener(() => safely(reschedule));
    },
  };
}

export type Reminders = ReturnType<typeof createReminders>;
