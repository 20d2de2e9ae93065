import {
  MAX_REMINDERS,
  parseReminderName,
  planReminders,
  pruneFired,
  reconcile,
  REFRESH_ALARM,
  reminderName,
  type ReminderMeeting,
} from '../../../lib/reminders/schedule';
import { DEFAULT_REMINDER_SETTINGS, readReminderSettings } from '../../../lib/reminders/settings';

const NOW = Date.parse('2026-03-10T15:20:00Z');
const MIN = 60_000;

function meeting(minutesAhead: number, over: Partial<ReminderMeeting> = {}): ReminderMeeting {
  return {
    activityId: `m-${minutesAhead}`,
    accountId: 'sample-acme',
    accountName: 'Acme Robotics',
    date: new Date(NOW + minutesAhead * MIN).toISOString(),
    ...over,
  };
}

describe('reminder names', () => {
  it('round-trip account, meeting and start, even with separators in the ids', () => {
    const key = { accountId: 'acc|1 é', activityId: 'a/b|c', startMs: NOW };
    expect(parseReminderName(reminderName(key))).toEqual(key);
  });

  it('reject names that are not reminders', () => {
    expect(parseReminderName(REFRESH_ALARM)).toBeNull();
    expect(parseReminderName('glance-meeting|a|b|soon')).toBeNull();
    expect(parseReminderName('glance-meeting|%E0|b|1')).toBeNull();
  });
});

describe('planReminders', () => {
  it('schedules each future meeting its lead time before the start, soonest first', () => {
    const plan = planReminders([meeting(120), meeting(15)], NOW, 10);
    expect(plan).toEqual([
      { name: reminderName({ accountId: 'sample-acme', activityId: 'm-15', startMs: NOW + 15 * MIN }), when: NOW + 5 * MIN },
      { name: reminderName({ accountId: 'sample-acme', activityId: 'm-120', startMs: NOW + 120 * MIN }), when: NOW + 110 * MIN },
    ]);
  });

  it('follows the lead time', () => {
    expect(planReminders([meeting(120)], NOW, 60)[0].when).toBe(NOW + 60 * MIN);
  });

  it('skips meetings that started, and reminds at once of one already inside the lead time', () => {
    const plan = planReminders([meeting(-5), meeting(0), meeting(4)], NOW, 10);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ when: NOW });
  });

  it('never plans a reminder that was already shown', () => {
    const [first] = planReminders([meeting(4)], NOW, 10);
    expect(planReminders([meeting(4)], NOW, 10, { fired: new Set([first.name]) })).toEqual([]);
  });

  it('gives a moved meeting a new reminder, and reads date-only and zone-less dates as UTC', () => {
    const [moved] = planReminders([meeting(90, { activityId: 'm-15' })], NOW, 10);
    expect(parseReminderName(moved.name)).toMatchObject({ activityId: 'm-15', startMs: NOW + 90 * MIN });
    const [zoneless] = planReminders([meeting(0, { date: '2026-03-10T18:00:00' })], NOW, 10);
    expect(zoneless.when).toBe(Date.parse('2026-03-10T17:50:00Z'));
    expect(planReminders([meeting(0, { date: 'not a date' })], NOW, 10)).toEqual([]);
  });

  it('stays under the browser alarm limit for a large book', () => {
    const many = Array.from({ length: 600 }, (_, i) => meeting(20 + i, { activityId: `x${i}` }));
    const plan = planReminders(many, NOW, 10);
    expect(plan).toHaveLength(MAX_REMINDERS);
    expect(plan[0].when).toBe(NOW + 10 * MIN);
  });
});

describe('reconcile', () => {
  const planned = planReminders([meeting(15), meeting(60)], NOW, 10);

  it('creates what is missing and clears stale reminders, leaving other alarms alone', () => {
    const stale = reminderName({ accountId: 'a', activityId: 'gone', startMs: NOW + 99 * MIN });
    const result = reconcile(
      [
        { name: planned[0].name, scheduledTime: planned[0].when },
        { name: stale, scheduledTime: NOW + 89 * MIN },
        { name: REFRESH_ALARM, scheduledTime: NOW + 360 * MIN },
      ],
      planned,
    );
    expect(result).toEqual({ clear: [stale], create: [planned[1]] });
  });

  it('moves a reminder whose lead time changed, but not one Chrome pushed back a few seconds', () => {
    const result = reconcile(
      [
        { name: planned[0].name, scheduledTime: planned[0].when + 30_000 },
        { name: planned[1].name, scheduledTime: planned[1].when + 20 * MIN },
      ],
      planned,
    );
    expect(result).toEqual({ clear: [planned[1].name], create: [planned[1]] });
  });
});

describe('reminder settings and the record of shown reminders', () => {
  it('default to ten minutes before, and fall back to that for a bad stored value', () => {
    expect(DEFAULT_REMINDER_SETTINGS).toEqual({ enabled: true, leadMinutes: 10 });
    expect(readReminderSettings(undefined)).toEqual({ enabled: true, leadMinutes: 10 });
    expect(readReminderSettings({ enabled: false, leadMinutes: 0 })).toEqual({ enabled: true, leadMinutes: 10 });
    expect(readReminderSettings({ enabled: false, leadMinutes: 30 })).toEqual({ enabled: false, leadMinutes: 30 });
  });

  it('forget shown reminders once their meeting has started', () => {
    const past = reminderName({ accountId: 'a', activityId: 'b', startMs: NOW - 1 });
    const future = reminderName({ accountId: 'a', activityId: 'c', startMs: NOW + MIN });
    expect(pruneFired([past, future, 'junk'], NOW)).toEqual([future]);
  });
});
