/**
 * The book's opening answer kept for the next opening: when the background has just started, reading
 * every cached row of a 100k-account book takes seconds, and the page's first rows need only the
 * first block and the counts. Stored beside the rows (lib/store/insights.ts) and dropped with every
 * write of them; here is what it holds and when it still answers.
 */
import type { AccountInsight } from '../insights/summary';
import { isoDay } from '../time';
import { DEFAULT_QUERY, type BookFilterId, type BookQuery, type BookResult } from './query';

export interface FirstScreen {
  /** The query it answers, as JSON: the page's opening query. */
  query: string;
  /** Who "mine" meant. */
  me: string[];
  /** The UTC day it was computed: rows are judged per day. */
  day: string;
  /** The playbook settings its rows were judged with. */
  settingsHash: string;
  rows: AccountInsight[];
  inView: number;
  counts: Record<BookFilterId, number>;
  inScope: number;
  total: number;
}

const OPENING = JSON.stringify(DEFAULT_QUERY);

/**
 * Only the query the page opens with is kept: any other comes once the page is up and the cache
 * loaded. Compared field by field: a query checked on its way in has its keys in the schema's order.
 */
export function isOpeningQuery({ scope, filters, text, sort }: BookQuery): boolean {
  const opening = DEFAULT_QUERY;
  return (
    scope === opening.scope &&
    filters.length === opening.filters.length &&
    filters.every((f, i) => f === opening.filters[i]) &&
    text === opening.text &&
    sort.key === opening.sort.key &&
    sort.direction === opening.sort.direction
  );
}

export function firstScreenOf(
  result: BookResult,
  limit: number,
  at: { me: readonly string[]; nowMs: number; settingsHash: string },
): FirstScreen {
  return {
    query: OPENING,
    me: [...at.me],
    day: isoDay(at.nowMs),
    settingsHash: at.settingsHash,
    rows: result.rows.slice(0, limit),
    inView: result.rows.length,
    counts: result.counts,
    inScope: result.inScope,
    total: result.total,
  };
}

/** The stored screen if it answers the opening query for `limit` rows now, else null. */
export function usableFirstScreen(
  stored: unknown,
  limit: number,
  now: { me: readonly string[]; nowMs: number; settingsHash: string },
): FirstScreen | null {
  if (!stored || typeof stored !== 'object') return null;
  const screen = stored as FirstScreen;
  if (screen.query !== OPENING || screen.day !== isoDay(now.nowMs) || screen.settingsHash !== now.settingsHash) return null;
  if (JSON.stringify(screen.me) !== JSON.stringify(now.me) || !Array.isArray(screen.rows)) return null;
  // Fewer rows kept than asked for, and more in view: the answer would be cut short.
  return screen.rows.length >= Math.min(limit, screen.inView) ? screen : null;
}

/** Whether the answer from the whole cache shows anything other than the stored screen did. */
export function screenDiffers(shown: FirstScreen, current: FirstScreen): boolean {
  const visible = (s: FirstScreen) => JSON.stringify([s.rows.slice(0, shown.rows.length), s.inView, s.counts, s.inScope, s.total]);
  return visible(shown) !== visible(current);
}
