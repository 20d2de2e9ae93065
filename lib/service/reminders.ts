/** Meeting reminders: the lead-time preference, and the meetings the reminder alarms are planned from. */
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import type { ReminderMeeting } from '../reminders/schedule';
import { readReminderSettings, type ReminderSettings } from '../reminders/settings';
import type { GlanceDB } from '../store/db';
import { MS_PER_DAY } from '../time';
import { meetingsBetween } from '../store/meetings';
import type { ServiceDeps } from './handlers';

const KEY = 'reminders';

export async function loadReminderSettings(db: GlanceDB): Promise<ReminderSettings> {
  return readReminderSettings((await db.settings.get(KEY))?.value);
}

export function loadMeetingsForReminders(db: GlanceDB, from: Date, days: number): Promise<ReminderMeeting[]> {
  return meetingsBetween(db, from.getTime(), from.getTime() + days * MS_PER_DAY);
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
