import { describe, expect, it } from 'vitest';
import { queryBook, replaceInOrders } from '../../../lib/book/answers';
import { compareBy, DEFAULT_QUERY, type BookQuery } from '../../../lib/book/query';
import { NOW_MS, row } from './rows';

const ids = (q: Partial<BookQuery>, rows = BOOK, me: string[] = []) =>
  queryBook(rows, { ...DEFAULT_QUERY, ...q }, me, NOW_MS).rows.map((r) => r.accountId);

const escalate = { id: 'save-play-escalate' as const, title: 'Escalate', reason: 'Health is red' };
const BOOK = [
  row('quiet-small', { arr: 10_000 }),
  row('red-small', { band: 'red', score: 40, topAction: escalate, topActionPriority: 2, arr: 20_000, riskCount: 2 }),
  row('red-big', {
    band: 'red',
    score: 50,
    topAction: escalate,
    topActionPriority: 2,
    arr: 300_000,
    renewalDate: '2027-01-10',
    renewalInDays: 66,
  }),
  row('red-big-later', {
    band: 'red',
    score: 55,
    topAction: escalate,
    topActionPriority: 2,
    arr: 300_000,
    renewalDate: '2027-06-01',
    renewalInDays: 208,
  }),
  row('departed', {
    band: 'yellow',
    score: 70,
    topAction: { id: 'champion-departure', title: 'Departure protocol', reason: 'Ann left' },
    topActionPriority: 1,
    championDeparted: true,
    owner: 'someone.else@northpeak.io',
  }),
  row('grow', { expansionReady: true, arr: 50_000, lastTouch: '2026-09-01T00:00:00.000Z', domains: ['growth-labs.io'] }),
  row('late', { overdueCount: 2, topActionPriority: 3, band: 'yellow', score: 65, lastTouch: null }),
];

describe('ranking', () => {
  it('puts the highest-priority top action first, then the larger ARR, then the sooner renewal', () => {
    expect(ids({ scope: 'all' })).toEqual(['departed', 'red-big', 'red-big-later', 'red-small', 'late', 'grow', 'quiet-small']);
  });
});

describe('owner', () => {
  it('shows only her accounts, whatever the case of the owner field, and every account with the switch', () => {
    expect(ids({}, BOOK, ['Casey@Northpeak.io'])).not.toContain('departed');
    expect(ids({ scope: 'all' }, BOOK, ['casey@northpeak.io'])).toContain('departed');
  });
  it('treats every account as hers until she says who she is', () => {
    expect(ids({}, BOOK, [])).toHaveLength(BOOK.length);
  });
});

describe('filters', () => {
  it('narrows to accounts matching every chosen filter', () => {
    expect(ids({ scope: 'all', filters: ['at-risk'] })).toEqual(['departed', 'red-big', 'red-big-later', 'red-small', 'late']);
    expect(ids({ scope: 'all', filters: ['at-risk', 'renewal-120'] })).toEqual(['red-big']);
    expect(ids({ scope: 'all', filters: ['expansion-ready'] })).toEqual(['grow']);
    expect(ids({ scope: 'all', filters: ['overdue'] })).toEqual(['late']);
    expect(ids({ scope: 'all', filters: ['champion-departed'] })).toEqual(['departed']);
    expect(ids({ scope: 'all', filters: ['no-touch-30'] })).toEqual(['late', 'grow']);
  });

  it('counts, for each filter, the rows in view it would leave', () => {
    const all = queryBook(BOOK, { ...DEFAULT_QUERY, scope: 'all' }, [], NOW_MS);
    expect(all.counts).toEqual({
      'at-risk': 5,
      'renewal-120': 1,
      'expansion-ready': 1,
      overdue: 1,
      'champion-departed': 1,
      'no-touch-30': 2,
    });
    const risky = queryBook(BOOK, { ...DEFAULT_QUERY, scope: 'all', filters: ['at-risk'] }, [], NOW_MS);
    expect(risky.counts['at-risk']).toBe(5);
    expect(risky.counts['expansion-ready']).toBe(0);
    expect(risky.counts.overdue).toBe(1);
  });

  it('filters by name or domain, ignoring case', () => {
    expect(ids({ scope: 'all', text: 'GROWTH-labs' })).toEqual(['grow']);
    expect(ids({ scope: 'all', text: 'red-big' })).toEqual(['red-big', 'red-big-later']);
  });
});

describe('sorting by a column', () => {
  it('sorts by health score either way, accounts without a score last', () => {
    const rows = [...BOOK, row('no-data', { band: 'none', score: null })];
    const asc = ids({ scope: 'all', sort: { key: 'health', direction: 'asc' } }, rows);
    expect(asc.slice(0, 2)).toEqual(['red-small', 'red-big']);
    expect(asc.at(-1)).toBe('no-data');
    const desc = ids({ scope: 'all', sort: { key: 'health', direction: 'desc' } }, rows);
    // Equal scores keep the ranked order (the larger ARR first).
    expect(desc.slice(0, 2)).toEqual(['grow', 'quiet-small']);
    expect(desc.at(-1)).toBe('no-data');
  });

  it('sorts by name and by ARR', () => {
    expect(ids({ scope: 'all', sort: { key: 'name', direction: 'asc' } })[0]).toBe('departed');
    expect(ids({ scope: 'all', sort: { key: 'arr', direction: 'desc' } }).slice(0, 2)).toEqual(['red-big', 'red-big-later']);
  });
});

describe('a one-account change', () => {
  it('moves the changed row to its new place in every order already sorted, as a full sort would', () => {
    const list = BOOK.map((r) => ({ ...r }));
    const byRank = () => queryBook(list, { ...DEFAULT_QUERY, scope: 'all' }, [], NOW_MS).rows.map((r) => r.accountId);
    const byArr = () => ids({ scope: 'all', sort: { key: 'arr', direction: 'desc' } }, list);
    expect(byRank()[0]).toBe('departed');
    byArr();
    const at = list.findIndex((r) => r.accountId === 'quiet-small');
    const before = list[at];
    const after = { ...before, topAction: escalate, topActionPriority: 1, arr: 900_000 };
    list[at] = after;
    replaceInOrders(list, [{ before, after }]);
    expect(byRank()[0]).toBe('quiet-small');
    expect(byArr()[0]).toBe('quiet-small');
    expect(byRank()).toEqual([...list].sort(compareBy('rank', 'asc')).map((r) => r.accountId));
  });

  it('answers every query already asked as a fresh scan would: rows, counts and scope follow the changed account', () => {
    const list = BOOK.map((r) => ({ ...r }));
    const me = ['casey.morgan@northpeak.io'];
    const queries: Partial<BookQuery>[] = [
      { scope: 'all' },
      { scope: 'mine' },
      { scope: 'all', filters: ['at-risk'] },
      { scope: 'all', filters: ['overdue', 'at-risk'] },
      { scope: 'mine', text: 'growth' },
      { scope: 'all', sort: { key: 'arr', direction: 'desc' } },
    ];
    const ask = (rows: typeof list, q: Partial<BookQuery>) => queryBook(rows, { ...DEFAULT_QUERY, ...q }, me, NOW_MS);
    for (const q of queries) ask(list, q);
    // Into the at-risk and overdue views, out of "mine", renamed out of the text match.
    const at = list.findIndex((r) => r.accountId === 'grow');
    const before = list[at];
    const after = {
      ...before,
      band: 'red' as const,
      overdueCount: 1,
      owner: 'someone.else@northpeak.io',
      name: 'Renamed',
      domains: ['renamed.io'],
    };
    list[at] = after;
    replaceInOrders(list, [{ before, after }]);
    for (const q of queries) {
      const fresh = ask([...list], q);
      const patched = ask(list, q);
      expect({ q, ids: patched.rows.map((r) => r.accountId), counts: patched.counts, inScope: patched.inScope }).toEqual({
        q,
        ids: fresh.rows.map((r) => r.accountId),
        counts: fresh.counts,
        inScope: fresh.inScope,
      });
    }
    expect(ask(list, { scope: 'all', filters: ['at-risk'] }).rows.map((r) => r.accountId)).toContain('grow');
    expect(ask(list, { scope: 'mine', text: 'growth' }).rows).toEqual([]);
  });
});
