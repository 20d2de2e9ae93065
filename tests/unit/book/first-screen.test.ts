import { describe, expect, it } from 'vitest';
import { firstScreenOf, isOpeningQuery, screenDiffers, usableFirstScreen } from '../../../lib/book/first-screen';
import { queryBook } from '../../../lib/book/answers';
import { DEFAULT_QUERY } from '../../../lib/book/query';
import { NOW_MS, row } from './rows';

const rows = Array.from({ length: 30 }, (_, i) => row(`acct-${String(i).padStart(2, '0')}`, { topActionPriority: (i % 5) + 1 }));
const me = ['casey@northpeak.io'];
const at = { me, nowMs: NOW_MS, settingsHash: 'playbook-1' };
const screen = firstScreenOf(queryBook(rows, DEFAULT_QUERY, me, NOW_MS), 10, at);

describe("the book's kept opening answer", () => {
  it('holds the first rows in rank order and the counts of the whole answer', () => {
    const whole = queryBook(rows, DEFAULT_QUERY, me, NOW_MS);
    expect(screen.rows.map((r) => r.accountId)).toEqual(whole.rows.slice(0, 10).map((r) => r.accountId));
    expect(screen).toMatchObject({ inView: 30, inScope: 30, total: 30, counts: whole.counts });
  });

  it('is kept for the opening query alone', () => {
    expect(isOpeningQuery(DEFAULT_QUERY)).toBe(true);
    // As the message schema hands it over: the same query, its keys in another order.
    expect(isOpeningQuery({ sort: { direction: 'asc', key: 'rank' }, text: '', filters: [], scope: 'mine' })).toBe(true);
    expect(isOpeningQuery({ ...DEFAULT_QUERY, scope: 'all' })).toBe(false);
    expect(isOpeningQuery({ ...DEFAULT_QUERY, filters: ['at-risk'] })).toBe(false);
  });

  it('answers the same day, settings and owner, for no more rows than it holds', () => {
    expect(usableFirstScreen(structuredClone(screen), 10, at)).toEqual(screen);
    expect(usableFirstScreen(screen, 5, { ...at, nowMs: NOW_MS + 3_600_000 })).toBe(screen);
    expect(usableFirstScreen(screen, 11, at)).toBeNull();
  });

  it('answers more rows than it holds when fewer are in view', () => {
    const small = firstScreenOf(queryBook(rows.slice(0, 4), DEFAULT_QUERY, me, NOW_MS), 10, at);
    expect(usableFirstScreen(small, 100, at)).toBe(small);
  });

  it('does not answer on another day, with other settings, for someone else, or when it is not one', () => {
    expect(usableFirstScreen(screen, 10, { ...at, nowMs: NOW_MS + 86_400_000 })).toBeNull();
    expect(usableFirstScreen(screen, 10, { ...at, settingsHash: 'playbook-2' })).toBeNull();
    expect(usableFirstScreen(screen, 10, { ...at, me: ['jo@northpeak.io'] })).toBeNull();
    expect(usableFirstScreen({ ...screen, query: JSON.stringify({ ...DEFAULT_QUERY, scope: 'all' }) }, 10, at)).toBeNull();
    expect(usableFirstScreen(null, 10, at)).toBeNull();
    expect(usableFirstScreen('book', 10, at)).toBeNull();
  });

  it('tells whether the whole cache answers anything the page was shown differently', () => {
    const same = firstScreenOf(queryBook([...rows].reverse(), DEFAULT_QUERY, me, NOW_MS), 10, at);
    expect(screenDiffers(screen, same)).toBe(false);
    const moved = rows.map((r, i) => (i === 29 ? { ...r, topActionPriority: 0 } : r));
    expect(screenDiffers(screen, firstScreenOf(queryBook(moved, DEFAULT_QUERY, me, NOW_MS), 10, at))).toBe(true);
    // An account past "no touch in 30 days" only changes a count.
    const untouched = rows.map((r, i) => (i === 29 ? { ...r, lastTouch: null } : r));
    expect(screenDiffers(screen, firstScreenOf(queryBook(untouched, DEFAULT_QUERY, me, NOW_MS), 10, at))).toBe(true);
  });
});
