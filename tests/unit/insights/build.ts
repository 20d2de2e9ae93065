/** Small builders for playbook test data: every date is relative to a fixed NOW. */
import type { Account, AccountData, Activity, Commitment, Contact, Ticket, UsagePoint } from '../../../lib/model/bundle';
import { DEFAULT_SETTINGS, mergeSettings } from '../../../lib/settings';

/** Midday, so that a date-only value of today is 12 hours old. */
export const NOW = new Date('2025-06-15T12:00:00.000Z');
export const NOW_MS = NOW.getTime();
export const DAY = 86_400_000;
export const S = DEFAULT_SETTINGS;
export { mergeSettings };

/** ISO timestamp `n` days before NOW (negative: after). Fractions allowed. */
export function ago(n: number): string {
  return new Date(NOW_MS - n * DAY).toISOString();
}

/** ISO timestamp `n` days after NOW. */
export function ahead(n: number): string {
  return ago(-n);
}

/** `YYYY-MM-DD` of the UTC day `n` days before NOW's day. */
export function dayAgo(n: number): string {
  return ago(n).slice(0, 10);
}

const ACC = 'acc-1';

export function account(over: Partial<Account> = {}): Account {
  return { id: ACC, name: 'Acme Robotics', ...over };
}

export interface DataParts {
  account?: Partial<Account>;
  contacts?: Contact[];
  usage?: UsagePoint[];
  tickets?: Ticket[];
  commitments?: Commitment[];
  activities?: Activity[];
}

export function data(parts: DataParts = {}): AccountData {
  return {
    account: account(parts.account),
    contacts: parts.contacts ?? [],
    usage: parts.usage ?? [],
    tickets: parts.tickets ?? [],
    commitments: parts.commitments ?? [],
    activities: parts.activities ?? [],
  };
}

/** One usage point in the last 7 days and one in the 7 before. */
export function usageWeeks(last: number, previous: number): UsagePoint[] {
  return [
    { accountId: ACC, date: ago(8), logins: previous },
    { accountId: ACC, date: ago(1), logins: last },
  ];
}

let seq = 0;
const nextId = (p: string) => `${p}-${++seq}`;

export function contact(over: Partial<Contact> = {}): Contact {
  return { id: nextId('c'), accountId: ACC, name: 'Dana Whitfield', email: 'dana@acme.com', ...over };
}

export function champion(over: Partial<Contact> = {}): Contact {
  return contact({ role: 'champion', status: 'active', ...over });
}

export function ticket(over: Partial<Ticket> = {}): Ticket {
  return { id: nextId('t'), accountId: ACC, openedAt: ago(5), priority: 'P3', status: 'open', ...over };
}

export function tickets(n: number, over: Partial<Ticket> = {}): Ticket[] {
  return Array.from({ length: n }, () => ticket(over));
}

export function commitment(over: Partial<Commitment> = {}): Commitment {
  return {
    id: nextId('k'),
    accountId: ACC,
    text: 'Send the SSO setup guide',
    kind: 'commitment',
    owner: 'us',
    status: 'open',
    ...over,
  };
}

export function activity(over: Partial<Activity> = {}): Activity {
  return { id: nextId('a'), accountId: ACC, type: 'email', date: ago(3), ...over };
}

/** A meeting `daysAgo` days ago; `attended` undefined means not recorded. */
export function meeting(daysAgo: number, attended?: boolean): Activity {
  return activity({ type: 'meeting', date: ago(daysAgo), ...(attended === undefined ? {} : { attended }) });
}

/** Account fields that score exactly `score` on adoption alone (seat adoption). */
export function seatsScoring(score: number): Partial<Account> {
  return { licensedSeats: 1000, activeSeats: score * 10 };
}
