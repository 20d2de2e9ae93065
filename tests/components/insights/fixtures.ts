/** Small accounts judged by the real playbook (computeInsights), for the insight card tests. */
import { computeInsights, type Insights } from '@/lib/insights';
import type { ActionPrefs } from '@/lib/actions';
import type { AccountData, UsagePoint } from '@/lib/model/bundle';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { MS_PER_DAY } from '@/lib/time';

export const NOW = new Date('2025-11-25T12:00:00Z');

export const daysAgo = (d: number) => new Date(NOW.getTime() - d * MS_PER_DAY).toISOString();
const dayAgo = (d: number) => daysAgo(d).slice(0, 10);

/** One usage point per week, oldest first: the sparkline series comes back exactly. */
function weeklyUsage(accountId: string, perWeekOldestFirst: number[]): UsagePoint[] {
  const n = perWeekOldestFirst.length;
  return perWeekOldestFirst.map((logins, i) => ({ accountId, date: daysAgo((n - 1 - i) * 7 + 3), logins }));
}

function history(scoresOldestFirst: number[]): { date: string; score: number }[] {
  const n = scoresOldestFirst.length;
  return scoresOldestFirst.map((score, i) => ({ date: dayAgo((n - 1 - i) * 7 + 2), score }));
}

export function greenData(): AccountData {
  const id = 'acc-green';
  return {
    account: {
      id,
      name: 'Bluebird Analytics',
      arr: 150_000,
      renewalDate: dayAgo(-200),
      loginFrequency: 'daily',
      licensedSeats: 100,
      activeSeats: 92,
      featuresPurchased: 10,
      featuresUsed: 9,
      goals: [{ text: 'Cut reporting time', status: 'on-track' }],
      roi: { expected: 100_000, documented: 120_000 },
      milestone: 'completed',
      execSponsor: 'active',
      meetingAttendance: 1,
      responseTimeHours: 4,
      nps: [{ date: dayAgo(40), score: 9 }],
      renewalProbability: 'high',
      expansionConversation: true,
      invoice: { status: 'current' },
      lastQbrDate: dayAgo(20),
      healthHistory: history([84, 85, 85, 86, 86, 87, 88, 88, 89, 90, 90, 91]),
    },
    contacts: [
      {
        id: 'c-g1',
        accountId: id,
        name: 'Dana Lee',
        email: 'dana@bluebird.test',
        role: 'champion',
        status: 'active',
        lastResponseAt: dayAgo(2),
      },
    ],
    usage: weeklyUsage(id, [300, 310, 320, 330, 340, 350, 360, 370, 380, 390, 400, 420]),
    tickets: [],
    commitments: [],
    activities: [],
  };
}

export function redData(): AccountData {
  const id = 'acc-red';
  return {
    account: {
      id,
      name: 'Harbor Freight Co',
      arr: 60_000,
      renewalDate: dayAgo(-45),
      loginFrequency: 'rarely',
      licensedSeats: 100,
      activeSeats: 20,
      goals: [{ text: 'Automate invoicing', status: 'off-track' }],
      execSponsor: 'none',
      nps: [
        { date: dayAgo(200), score: 8 },
        { date: dayAgo(20), score: 3 },
      ],
      renewalProbability: 'low',
      invoice: { status: 'late', daysLate: 20 },
      healthHistory: history([70, 68, 66, 64, 62, 60, 58, 56, 55, 54, 52, 50]),
    },
    contacts: [
      {
        id: 'c-r1',
        accountId: id,
        name: 'Sam Ortiz',
        email: 'sam@harbor.test',
        role: 'champion',
        status: 'departed',
        departedAt: dayAgo(5),
      },
    ],
    usage: weeklyUsage(id, [420, 420, 400, 400, 380, 380, 360, 350, 340, 320, 300, 180]),
    tickets: [{ id: 't-r1', accountId: id, openedAt: dayAgo(3), priority: 'P1', status: 'open', subject: 'Exports failing' }],
    commitments: [
      { id: 'k-r1', accountId: id, text: 'Send the SSO setup guide', kind: 'commitment', owner: 'us', dueDate: dayAgo(4), status: 'open' },
    ],
    activities: [],
  };
}

export function emptyData(): AccountData {
  return {
    account: { id: 'acc-empty', name: 'Nobody Yet Ltd' },
    contacts: [],
    usage: [],
    tickets: [],
    commitments: [],
    activities: [],
  };
}

export function judge(data: AccountData, prefs?: ActionPrefs): Insights {
  return computeInsights(data, NOW, DEFAULT_SETTINGS, prefs);
}
