/** Meeting reminders: the lead-time preference, and the meetings the reminder alarms are planned from. */
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import type { ReminderMeeting } from '../reminders/schedule';
import { readReminderSettings, type ReminderSettings } from '../reminders/settings';
import type { GlanceDB } from '../store/db';
import { toMs } from '../time';
import type { ServiceDeps } from './handlers';

const KEY = 'reminders';

export async function loadReminderSettings(db: GlanceDB): Promise<ReminderSettings> {
  return readReminderSettings((await db.settings.get(KEY))?.value);
}

const DAY_MS = 86_400_000;

export async function loadMeetingsForReminders(db: GlanceDB, from: Date, days: number): Promise<ReminderMeeting[]> {
  const fromMs = from.getTime();
  const untilMs = fromMs + days * DAY_MS;
  // The index compares date strings, and '08:00-05:00' sorts before '10:00Z' though it is later:
  // read a day either side (zone offsets reach 14 hours) and judge the instants.
  const meetings = (
    await db.activities
      .where('[type+date]')
      .between(['meeting', new Date(fromMs - DAY_MS).toISOString()], ['meeting', new Date(untilMs + DAY_MS).toISOString()], true, true)
      .toArray()
  ).filter((m) => toMs(m.date) > fromMs && toMs(m.date) <= untilMs);
  const accounts = await db.accounts.bulkGet([...new Set(meetings.map((m) => m.accountId))]);
  const names = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
  return meetings
    .filter((m) => names.has(m.accountId))
    .map((m) => ({ activityId: m.id, accountId: m.accountId, accountName: names.get(m.accountId)!, date: m.date, summary: m.summary }));
}

export function createReminderHandlers({ db, broadcast }: ServiceDeps): Pick<Handlers, 'reminders.get' | 'reminders.save'> {
  return {
    'reminders.get': () => loadReminderSettings(db),
    'reminders.save': async ({ settings }) => {
      await db.settings.put({ key: KEY, value: settings });
      broadcast(changeEvent(['settings']));
      return settings;
    },
  };
}
