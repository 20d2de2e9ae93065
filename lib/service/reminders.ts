/** Meeting reminders: the lead-time preference, and the meetings the reminder alarms are planned from. */
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import type { ReminderMeeting } from '../reminders/schedule';
import { readReminderSettings, type ReminderSettings } from '../reminders/settings';
import type { GlanceDB } from '../store/db';
import type { ServiceDeps } from './handlers';

const KEY = 'reminders';

export async function loadReminderSettings(db: GlanceDB): Promise<ReminderSettings> {
  return readReminderSettings((await db.settings.get(KEY))?.value);
}

export async function loadMeetingsForReminders(db: GlanceDB, from: Date, days: number): Promise<ReminderMeeting[]> {
  const to = new Date(from.getTime() + days * 86_400_000);
  const meetings = await db.activities
    .where('[type+date]')
    .between(['meeting', from.toISOString()], ['meeting', to.toISOString()], false, true)
    .toArray();
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
