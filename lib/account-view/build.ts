/** Assembles what the sidebar shows for one account from its records, now and the settings. Pure. */
import { computeInsights, type Insights } from '../insights';
import type { AccountData } from '../model/bundle';
import type { PlaybookSettings } from '../settings';
import { toMs } from '../time';
import type { AccountView } from './types';

const RECENT_TOUCHES = 12;

export function buildAccountView(
  data: AccountData,
  now: Date,
  settings: PlaybookSettings,
  prefs: { actionId: string; until?: string }[] = [],
  /** The account's insights when already judged from these records and settings (the insights cache). */
  judged?: Insights,
): AccountView {
  const nowMs = now.getTime();
  const byDateDesc =
    <T>(dateOf: (t: T) => string) =>
    (a: T, b: T) =>
      toMs(dateOf(b)) - toMs(dateOf(a));
  const actionPrefs = Object.fromEntries(prefs.map((p) => [p.actionId, { until: p.until }]));
  return {
    account: data.account,
    contacts: data.contacts,
    commitments: data.commitments,
    openTickets: data.tickets.filter((t) => t.status === 'open').sort(byDateDesc((t) => t.openedAt)),
    recentActivities: data.activities
      .filter((a) => toMs(a.date) <= nowMs)
      .sort(byDateDesc((a) => a.date))
      .slice(0, RECENT_TOUCHES),
    upcomingMeetings: data.activities
      .filter((a) => a.type === 'meeting' && toMs(a.date) > nowMs)
      .sort((a, b) => toMs(a.date) - toMs(b.date)),
    insights: judged ?? computeInsights(data, now, settings, actionPrefs),
    asOf: now.toISOString(),
  };
}
