/**
 * Which reminder alarms should exist: pure, from the meetings coming up, the time and the lead
 * time. The alarm's name carries everything the click needs (account, meeting, start), because a
 * service worker may have been restarted between scheduling and firing.
 */
import type { UpcomingMeeting } from '../account-view/types';
import { toMs } from '../time';

export const REMINDER_PREFIX = 'glance-meeting';
/** Periodic re-plan, so meetings beyond the look-ahead get their alarm without any data change. */
export const REFRESH_ALARM = 'glance-reminders-refresh';
export const REFRESH_MINUTES = 6 * 60;
/** How far ahead meetings are loaded; the refresh alarm brings later ones in range. */
export const LOOKAHEAD_DAYS = 7;
/** Chrome allows 500 alarms per extension; stay well clear of it for a large book. */
export const MAX_REMINDERS = 200;

/** A meeting to remind of: the same shape the popup lists. */
export type ReminderMeeting = UpcomingMeeting;

export interface PlannedAlarm {
  name: string;
  /** Epoch ms. */
  when: number;
}

export interface ReminderKey {
  accountId: string;
  activityId: string;
  /** Epoch ms of the meeting's start, so a moved meeting gets a new reminder. */
  startMs: number;
}

export function reminderName({ accountId, activityId, startMs }: ReminderKey): string {
  return [REMINDER_PREFIX, encodeURIComponent(accountId), encodeURIComponent(activityId), String(startMs)].join('|');
}

export function parseReminderName(name: string): ReminderKey | null {
  const parts = name.split('|');
  if (parts.length !== 4 || parts[0] !== REMINDER_PREFIX) return null;
  const startMs = Number(parts[3]);
  if (!Number.isFinite(startMs)) return null;
  try {
    return { accountId: decodeURIComponent(parts[1]), activityId: decodeURIComponent(parts[2]), startMs };
  } catch {
    return null;
  }
}

export interface PlanOptions {
  /** Names of reminders already shown: never shown twice. */
  fired?: ReadonlySet<string>;
  max?: number;
}

/**
 * One alarm per future meeting at start minus the lead time. A meeting already inside the lead
 * time (imported late, or the lead just lengthened) is reminded at once, unless it already was.
 */
export function planReminders(
  meetings: readonly ReminderMeeting[],
  now: number,
  leadMinutes: number,
  { fired = new Set(), max = MAX_REMINDERS }: PlanOptions = {},
): PlannedAlarm[] {
  const byName = new Map<string, PlannedAlarm>();
  for (const m of meetings) {
    const startMs = toMs(m.date);
    if (!Number.isFinite(startMs) || startMs <= now) continue;
    const name = reminderName({ accountId: m.accountId, activityId: m.activityId, startMs });
    if (fired.has(name)) continue;
    byName.set(name, { name, when: Math.max(now, startMs - leadMinutes * 60_000) });
  }
  return [...byName.values()].sort((a, b) => a.when - b.when || a.name.localeCompare(b.name)).slice(0, max);
}

export interface ExistingAlarm {
  name: string;
  scheduledTime: number;
}

/** Chrome may push an alarm due now by up to 30 s; such an alarm still matches its plan. */
export const SAME_TIME_MS = 60_000;

/**
 * The changes that turn the alarms there into the plan. Alarms that already match stay untouched:
 * re-creating one that is due now on every data change would keep pushing it back. Alarms that are
 * not reminders (the refresh, anything else) are left alone.
 */
export function reconcile(existing: readonly ExistingAlarm[], planned: readonly PlannedAlarm[]) {
  const want = new Map(planned.map((p) => [p.name, p.when]));
  const have = new Map(existing.filter((a) => parseReminderName(a.name)).map((a) => [a.name, a.scheduledTime]));
  const same = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && Math.abs(a - b) < SAME_TIME_MS;
  return {
    clear: [...have.entries()].filter(([name, when]) => !same(want.get(name), when)).map(([name]) => name),
    create: planned.filter((p) => !same(have.get(p.name), p.when)),
  };
}

/** Keeps the record of shown reminders from growing: a meeting that has started needs none. */
export function pruneFired(fired: readonly string[], now: number): string[] {
  return fired.filter((name) => {
    const key = parseReminderName(name);
    return key !== null && key.startMs > now;
  });
}
