/**
 * The book: every account's cached insight -> the rows in view. Ranked by the top action's priority,
 * then ARR (largest first), then the renewal date (soonest first); narrowed by owner, text and
 * filters; sortable by any column. Pure, and quick at 100k accounts: orders are computed once per
 * version of the list and filtering keeps them; the answers themselves are kept in ./answers.ts.
 */
import type { AccountInsight } from '../insights/summary';
import { MS_PER_DAY, toMs } from '../time';

export const BOOK_FILTERS = [
  { id: 'at-risk', label: 'At risk' },
  { id: 'renewal-120', label: 'Renewal within 120 days' },
  { id: 'expansion-ready', label: 'Expansion ready' },
  { id: 'overdue', label: 'Overdue commitments' },
  { id: 'champion-departed', label: 'Champion departed' },
  { id: 'no-touch-30', label: 'No touch in 30 days' },
] as const;
export type BookFilterId = (typeof BOOK_FILTERS)[number]['id'];
export const BOOK_FILTER_IDS = BOOK_FILTERS.map((f) => f.id) as BookFilterId[];

export const BOOK_SORT_KEYS = ['rank', 'name', 'health', 'trend', 'action', 'risks', 'renewal', 'overdue', 'lastTouch', 'arr'] as const;
export type BookSortKey = (typeof BOOK_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface BookQuery {
  /** `mine`: accounts whose owner is one of `me`; `all`: every account. */
  scope: 'mine' | 'all';
  filters: BookFilterId[];
  text: string;
  sort: { key: BookSortKey; direction: SortDirection };
}

export const DEFAULT_QUERY: BookQuery = { scope: 'mine', filters: [], text: '', sort: { key: 'rank', direction: 'asc' } };

/** Days without a touch after which an account counts as untouched. */
export const NO_TOUCH_DAYS = 30;
export const RENEWAL_WINDOW_DAYS = 120;

export function matchesFilter(row: AccountInsight, filter: BookFilterId, nowMs: number): boolean {
  switch (filter) {
    case 'at-risk':
      return row.band === 'red' || row.band === 'yellow';
    case 'renewal-120':
      return row.renewalInDays !== null && row.renewalInDays >= 0 && row.renewalInDays <= RENEWAL_WINDOW_DAYS;
    case 'expansion-ready':
      return row.expansionReady;
    case 'overdue':
      return row.overdueCount > 0;
    case 'champion-departed':
      return row.championDeparted;
    case 'no-touch-30':
      return row.lastTouch === null || (nowMs - toMs(row.lastTouch)) / MS_PER_DAY >= NO_TOUCH_DAYS;
  }
}

/** Owners are compared trimmed and case-blind; no identity set means every account is hers. */
export function ownedBy(row: AccountInsight, me: ReadonlySet<string>): boolean {
  return me.size === 0 || (row.owner !== undefined && me.has(row.owner.trim().toLowerCase()));
}

export function matchesText(row: AccountInsight, needle: string): boolean {
  if (!needle) return true;
  if (row.name.toLowerCase().includes(needle)) return true;
  return row.domains.some((d) => d.toLowerCase().includes(needle));
}

/**
 * What the book filters and sorts on, derived once per row object (a changed account is a new
 * object): 100k of these are scanned per query, so no date parsing or lower-casing in the loop.
 */
export interface RowKeys {
  /** Bits of the filters that do not move with the clock (FILTER_BIT). */
  mask: number;
  lastTouchMs: number | null;
  renewalMs: number | null;
  owner: string | null;
  /** Lower-cased name and domains, NUL-separated so a needle never spans two of them. */
  haystack: string;
}

export const FILTER_BIT: Record<BookFilterId, number> = {
  'at-risk': 1,
  'renewal-120': 2,
  'expansion-ready': 4,
  overdue: 8,
  'champion-departed': 16,
  'no-touch-30': 32,
};
const NO_TOUCH_MS = NO_TOUCH_DAYS * MS_PER_DAY;
const keysCache = new WeakMap<AccountInsight, RowKeys>();

export function keysOf(row: AccountInsight): RowKeys {
  let keys = keysCache.get(row);
  if (keys) return keys;
  let mask = 0;
  for (const id of ['at-risk', 'renewal-120', 'expansion-ready', 'overdue', 'champion-departed'] as const) {
    if (matchesFilter(row, id, 0)) mask |= FILTER_BIT[id];
  }
  keys = {
    mask,
    lastTouchMs: row.lastTouch ? toMs(row.lastTouch) : null,
    renewalMs: row.renewalDate ? toMs(row.renewalDate) : null,
    owner: row.owner !== undefined ? row.owner.trim().toLowerCase() : null,
    haystack: [row.name, ...row.domains].join('\u0000').toLowerCase(),
  };
  keysCache.set(row, keys);
  return keys;
}

/** The filters a row matches at `nowMs`, as FILTER_BIT bits. */
export function filterBits(keys: RowKeys, nowMs: number): number {
  return keys.lastTouchMs === null || nowMs - keys.lastTouchMs >= NO_TOUCH_MS ? keys.mask | FILTER_BIT['no-touch-30'] : keys.mask;
}

/** Compares like String#localeCompare with the default locale, without building a collator per call. */
const collator = new Intl.Collator();

const nullsLast = (a: number | null | undefined, b: number | null | undefined, direction: 1 | -1) => {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  return (a - b) * direction;
};
const renewalMs = (r: AccountInsight) => keysOf(r).renewalMs;
const touchMs = (r: AccountInsight) => keysOf(r).lastTouchMs;

/** The book's order: top-action priority, then ARR (largest first), then renewal date (soonest first), then name. */
export function compareRanked(a: AccountInsight, b: AccountInsight): number {
  return (
    a.topActionPriority - b.topActionPriority ||
    nullsLast(a.arr, b.arr, -1) ||
    nullsLast(renewalMs(a), renewalMs(b), 1) ||
    collator.compare(a.name, b.name) ||
    (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0)
  );
}

const byColumn: Record<Exclude<BookSortKey, 'rank'>, (a: AccountInsight, b: AccountInsight) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  health: (a, b) => nullsLast(a.score, b.score, 1),
  trend: (a, b) => nullsLast(a.trend, b.trend, 1),
  action: (a, b) => a.topActionPriority - b.topActionPriority,
  risks: (a, b) => a.riskCount - b.riskCount,
  renewal: (a, b) => nullsLast(renewalMs(a), renewalMs(b), 1),
  overdue: (a, b) => a.overdueCount - b.overdueCount,
  lastTouch: (a, b) => nullsLast(touchMs(a), touchMs(b), 1),
  arr: (a, b) => nullsLast(a.arr, b.arr, 1),
};

/** Rows without a value stay last in either direction; ties keep the ranked order. */
export function compareBy(key: BookSortKey, direction: SortDirection): (a: AccountInsight, b: AccountInsight) => number {
  if (key === 'rank') return direction === 'asc' ? compareRanked : (a, b) => compareRanked(b, a);
  const column = byColumn[key];
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const missing = missingValue(key, a) - missingValue(key, b);
    return missing || column(a, b) * sign || compareRanked(a, b);
  };
}

function missingValue(key: BookSortKey, row: AccountInsight): number {
  switch (key) {
    case 'health':
      return row.score === null ? 1 : 0;
    case 'trend':
      return row.trend === null ? 1 : 0;
    case 'renewal':
      return row.renewalDate ? 0 : 1;
    case 'lastTouch':
      return row.lastTouch ? 0 : 1;
    case 'arr':
      return row.arr === undefined || row.arr === null ? 1 : 0;
    default:
      return 0;
  }
}

/** Sorted copies of a list, kept while the list is the same array (the cache hands out a new one per change). */
const sortedCache = new WeakMap<readonly AccountInsight[], Map<string, AccountInsight[]>>();

/** The orders already sorted for `list`, by `key:direction`: changed in place when rows of the list are replaced. */
export function sortedOrdersOf(list: readonly AccountInsight[]): ReadonlyMap<string, AccountInsight[]> | undefined {
  return sortedCache.get(list);
}

export function sortedRows(all: readonly AccountInsight[], key: BookSortKey, direction: SortDirection): AccountInsight[] {
  let orders = sortedCache.get(all);
  if (!orders) sortedCache.set(all, (orders = new Map()));
  const id = `${key}:${direction}`;
  let sorted = orders.get(id);
  if (!sorted) orders.set(id, (sorted = [...all].sort(compareBy(key, direction))));
  return sorted;
}

export interface BookResult {
  /** Every row in view, in order. */
  rows: AccountInsight[];
  /** For each filter: how many rows in view match it, i.e. the rows left if it were turned on too. */
  counts: Record<BookFilterId, number>;
  /** Accounts in the chosen scope before text and filters. */
  inScope: number;
  /** Every account in the book. */
  total: number;
}
