/** Meetings in a time window, soonest first, with their account's name: the popup's list and the reminders. */
import type { UpcomingMeeting } from '../account-view/types';
import { MS_PER_DAY, toMs } from '../time';
import type { GlanceDB } from './db';

export async function meetingsBetween(db: GlanceDB, fromMs: number, untilMs: number): Promise<UpcomingMeeting[]> {
  // The index compares date strings, and '2026-11-05T08:00:00-05:00' sorts before '2026-11-05T10:00:00.000Z'
  // though it is later: read a day either side (zone offsets reach 14 hours) and judge the instants.
  const meetings = (
    await db.activities
      .where('[type+date]')
      .between(
        ['meeting', new Date(fromMs - MS_PER_DAY).toISOString()],
        ['meeting', new Date(untilMs + MS_PER_DAY).toISOString()],
        true,
        true,
      )
      .toArray()
  )
    .filter((m) => toMs(m.date) >= fromMs && toMs(m.date) <= untilMs)
    .sort((a, b) => toMs(a.date) - toMs(b.date));
  const accounts = await db.accounts.bulkGet([...new Set(meetings.map((m) => m.accountId))]);
  const names = new Map(accounts.filter((a) => a !== undefined).map((a) => [a.id, a.name]));
  return meetings
    .filter((m) => names.has(m.accountId))
    .map((m) => ({ activityId: m.id, accountId: m.accountId, accountName: names.get(m.accountId)!, date: m.date, summary: m.summary }));
}
