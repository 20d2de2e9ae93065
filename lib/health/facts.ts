/**
 * Facts read from an account's records that both the health score and the risk signals use,
 * so that the two can never disagree about, say, which NPS response is the latest.
 */
import type { Activity, Contact, UsagePoint } from '../model/bundle';
import { ageInDays, sortByDate, toMs, type DateInput } from '../time';

export interface WeeklyLogins {
  /** Logins of usage points aged [0, 7) days. */
  last: number;
  /** Logins of usage points aged [7, 14) days. */
  previous: number;
}

/** Sum of logins of the usage points whose age in days lies in [fromDays, toDays). */
export function loginsInAgeWindow(usage: readonly UsagePoint[], now: DateInput, fromDays: number, toDays: number): number {
  let sum = 0;
  for (const p of usage) {
    const age = ageInDays(p.date, now);
    if (age >= fromDays && age < toDays) sum += p.logins;
  }
  return sum;
}

export function weeklyLogins(usage: readonly UsagePoint[], now: DateInput): WeeklyLogins {
  return { last: loginsInAgeWindow(usage, now, 0, 7), previous: loginsInAgeWindow(usage, now, 7, 14) };
}

export type ActivityTrend = 'increasing' | 'stable' | 'declining';

/** Compared in integers (last x 100 vs previous x (100 ± pct)) so 10% exactly never tips over. */
export function activityTrend(w: WeeklyLogins, pct: number): ActivityTrend {
  if (w.previous <= 0) return 'stable';
  if (w.last * 100 > w.previous * (100 + pct)) return 'increasing';
  if (w.last * 100 < w.previous * (100 - pct)) return 'declining';
  return 'stable';
}

export interface NpsResponse {
  date: string;
  score: number;
}

/** NPS responses ordered by date, oldest first: the latest is the last, whatever the list order. */
export function npsByDate(nps: readonly NpsResponse[] | undefined): NpsResponse[] {
  return sortByDate(nps ?? [], (r) => r.date);
}

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export function npsCategory(score: number): NpsCategory {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** Meetings that have happened and have `attended` recorded, oldest first. */
export function pastMeetings(activities: readonly Activity[], now: DateInput): Activity[] {
  const nowMs = toMs(now);
  return sortByDate(
    activities.filter((a) => typeof a.attended === 'boolean' && toMs(a.date) <= nowMs),
    (a) => a.date,
  );
}

/** Misses at the end of the most recent run of past meetings. */
export function trailingMissedMeetings(activities: readonly Activity[], now: DateInput): Activity[] {
  const meetings = pastMeetings(activities, now);
  const missed: Activity[] = [];
  for (let i = meetings.length - 1; i >= 0 && meetings[i].attended === false; i--) missed.unshift(meetings[i]);
  return missed;
}

export function champions(contacts: readonly Contact[]): Contact[] {
  return contacts.filter((c) => c.role === 'champion');
}

export function isDeparted(c: Contact): boolean {
  return c.status === 'departed';
}

/** Formats whole numbers with thousands separators, independent of the machine's locale. */
/** Money in the account's currency, whole units: "$120,000", "€42,000"; an unknown code is written after the number. */
export function formatMoney(n: number, currency = 'USD'): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
  } catch {
    return `${formatNumber(n)} ${currency}`;
  }
}

export function formatNumber(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const [int, frac] = String(Math.abs(rounded)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
