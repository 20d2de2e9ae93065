/**
 * The book's answers: a query over the sorted rows, kept for a minute and for a few queries, because
 * the page asks for several windows of one query and each scan reads every row. A one-account change
 * moves that account's row within the sorted orders and within the kept answers (its counts too),
 * so at 100k accounts the next answer costs a move, not a scan of every row again.
 */
import type { AccountInsight } from '../insights/summary';
import {
  BOOK_FILTER_IDS,
  compareBy,
  FILTER_BIT,
  filterBits,
  keysOf,
  sortedOrdersOf,
  sortedRows,
  type BookFilterId,
  type BookQuery,
  type BookResult,
  type BookSortKey,
  type RowKeys,
  type SortDirection,
} from './query';

/** What a row is tested against, fixed when an answer is computed. */
interface Sieve {
  anyOwner: boolean;
  mine: ReadonlySet<string>;
  needle: string;
  wanted: number;
  nowMs: number;
}

interface Answer {
  all: readonly AccountInsight[];
  sorted: AccountInsight[];
  order: string;
  key: string;
  sieve: Sieve;
  result: BookResult;
}

const answers: Answer[] = [];
/** Each sorted order's row keys, index for index: a scan of 100k rows reads an array, not a WeakMap per row. */
const keysBySorted = new WeakMap<AccountInsight[], RowKeys[]>();
const ANSWERS_KEPT = 8;
/** Answers are reused within this long: only "no touch in 30 days" moves with the clock. */
const ANSWER_MS = 60_000;
const BITS = BOOK_FILTER_IDS.map((f) => FILTER_BIT[f]);

export function queryBook(all: readonly AccountInsight[], query: BookQuery, me: readonly string[], nowMs: number): BookResult {
  const sorted = sortedRows(all, query.sort.key, query.sort.direction);
  const key = JSON.stringify([query.scope, [...query.filters].sort(), query.text, query.sort, me, Math.floor(nowMs / ANSWER_MS)]);
  const kept = answers.find((a) => a.all === all && a.sorted === sorted && a.key === key);
  if (kept) return kept.result;
  const sieve = sieveOf(query, me, nowMs);
  const result = scan(all, sorted, sieve);
  answers.unshift({ all, sorted, order: `${query.sort.key}:${query.sort.direction}`, key, sieve, result });
  answers.length = Math.min(answers.length, ANSWERS_KEPT);
  return result;
}

/**
 * Moves replaced rows within the orders already sorted for `list` (the same array, changed in place)
 * and within the answers kept for it: after a one-account change the book is answered without
 * sorting or scanning every account again.
 */
export function replaceInOrders(list: readonly AccountInsight[], replaced: { before: AccountInsight; after: AccountInsight }[]): void {
  const orders = sortedOrdersOf(list);
  // Answers over an older list cannot be moved with this one's orders.
  answers.splice(0, answers.length, ...answers.filter((a) => a.all === list && orders?.get(a.order) === a.sorted));
  if (!orders) return;
  for (const [order, sorted] of orders) {
    const [key, direction] = order.split(':') as [BookSortKey, SortDirection];
    const compare = compareBy(key, direction);
    const keys = keysBySorted.get(sorted);
    for (const { before, after } of replaced) {
      const at = sorted.indexOf(before);
      if (at >= 0) {
        sorted.splice(at, 1);
        keys?.splice(at, 1);
      }
      const to = insertionPoint(sorted, after, compare);
      sorted.splice(to, 0, after);
      keys?.splice(to, 0, keysOf(after));
      for (const answer of answers) if (answer.sorted === sorted) moveInAnswer(answer, before, after, compare);
    }
  }
}

function sieveOf(query: BookQuery, me: readonly string[], nowMs: number): Sieve {
  const mine = new Set(me.map((m) => m.trim().toLowerCase()).filter(Boolean));
  let wanted = 0;
  for (const f of query.filters) wanted |= FILTER_BIT[f];
  return { anyOwner: query.scope === 'all' || mine.size === 0, mine, needle: query.text.trim().toLowerCase(), wanted, nowMs };
}

const inScope = (keys: RowKeys, s: Sieve) => s.anyOwner || (keys.owner !== null && s.mine.has(keys.owner));

/** The filter bits of a row already in scope if its text and filters keep it in view, else -1. */
function inViewOfScope(keys: RowKeys, s: Sieve): number {
  if (s.needle && !keys.haystack.includes(s.needle)) return -1;
  const hits = filterBits(keys, s.nowMs);
  return (hits & s.wanted) === s.wanted ? hits : -1;
}

/** The row's filter bits if it is in view for the sieve, else -1. */
const inView = (keys: RowKeys, s: Sieve) => (inScope(keys, s) ? inViewOfScope(keys, s) : -1);

function tallyInto(tally: number[], hits: number, by: 1 | -1) {
  if (hits) for (let i = 0; i < BITS.length; i++) if (hits & BITS[i]) tally[i] += by;
}

function countsOf(tally: number[]): Record<BookFilterId, number> {
  return Object.fromEntries(BOOK_FILTER_IDS.map((f, i) => [f, tally[i]])) as Record<BookFilterId, number>;
}

function scan(all: readonly AccountInsight[], sorted: AccountInsight[], sieve: Sieve): BookResult {
  const tally = new Array<number>(BITS.length).fill(0);
  const rows: AccountInsight[] = [];
  let scoped = 0;
  let keysAlong = keysBySorted.get(sorted);
  if (!keysAlong) keysBySorted.set(sorted, (keysAlong = sorted.map(keysOf)));
  for (let i = 0; i < sorted.length; i++) {
    const keys = keysAlong[i];
    if (!inScope(keys, sieve)) continue;
    scoped++;
    const hits = inViewOfScope(keys, sieve);
    if (hits < 0) continue;
    rows.push(sorted[i]);
    tallyInto(tally, hits, 1);
  }
  return { rows, counts: countsOf(tally), inScope: scoped, total: all.length };
}

/** The answer as a scan would give it with `after` in place of `before`; rows in view keep the order's sequence. */
function moveInAnswer(
  answer: Answer,
  before: AccountInsight,
  after: AccountInsight,
  compare: (a: AccountInsight, b: AccountInsight) => number,
) {
  const { sieve, result } = answer;
  const tally = BOOK_FILTER_IDS.map((f) => result.counts[f]);
  const old = keysOf(before);
  const now = keysOf(after);
  const wasIn = inView(old, sieve);
  if (wasIn >= 0) {
    const at = result.rows.indexOf(before);
    if (at >= 0) result.rows.splice(at, 1);
    tallyInto(tally, wasIn, -1);
  }
  const isIn = inView(now, sieve);
  if (isIn >= 0) {
    result.rows.splice(insertionPoint(result.rows, after, compare), 0, after);
    tallyInto(tally, isIn, 1);
  }
  result.inScope += (inScope(now, sieve) ? 1 : 0) - (inScope(old, sieve) ? 1 : 0);
  result.counts = countsOf(tally);
}

/** Where `row` goes in rows sorted by `compare`: after every row that sorts before or with it. */
function insertionPoint(
  rows: readonly AccountInsight[],
  row: AccountInsight,
  compare: (a: AccountInsight, b: AccountInsight) => number,
): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(rows[mid], row) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
