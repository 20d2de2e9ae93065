import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { bookCsv } from '../../../lib/book/csv';
import { buildDigest, snapshotOf } from '../../../lib/book/digest';
import { todayItems } from '../../../lib/book/today';
import { NOW_MS, row } from './rows';

const due = (id: string, dueDate: string, state: 'overdue' | 'due') => ({
  id,
  text: `Do ${id}`,
  dueDate,
  kind: 'commitment' as const,
  state,
});

describe('Today', () => {
  const rows = [
    row('a', { name: 'Acme', dueCommitments: [due('a1', '2026-11-07', 'due'), due('a2', '2026-11-01', 'overdue')] }),
    row('b', { name: 'Birch', dueCommitments: [due('b1', '2026-10-20', 'overdue')] }),
  ];

  it('lists overdue commitments first, oldest first, then the ones due this week', () => {
    expect(todayItems(rows, {}, NOW_MS).map((t) => [t.id, t.accountName])).toEqual([
      ['b1', 'Birch'],
      ['a2', 'Acme'],
      ['a1', 'Acme'],
    ]);
  });

  it('leaves out a snoozed commitment until its snooze ends', () => {
    expect(todayItems(rows, { b1: '2026-11-06T00:00:00.000Z' }, NOW_MS).map((t) => t.id)).toEqual(['a2', 'a1']);
    expect(todayItems(rows, { b1: '2026-11-04T00:00:00.000Z' }, NOW_MS).map((t) => t.id)).toContain('b1');
  });
});

describe('daily digest', () => {
  const yesterday = snapshotOf(
    [row('a', { band: 'yellow', signalIds: ['usage-drop'] }), row('b', { band: 'red' }), row('c', { band: 'green' })],
    '2026-11-04T08:00:00.000Z',
  );

  it('names the accounts that turned red and the new risk signals since the last digest', () => {
    const today = [
      row('a', { name: 'Acme', band: 'red', signalIds: ['usage-drop', 'p1-p2-open'] }),
      row('b', { name: 'Birch', band: 'red' }),
      row('c', { name: 'Cedar', band: 'green' }),
      row('new', { name: 'Newco', band: 'red', signalIds: ['nps-drop'] }),
    ];
    const digest = buildDigest(yesterday, today, []);
    expect(digest.turnedRed).toEqual([{ accountId: 'a', name: 'Acme' }]);
    expect(digest.newSignals).toEqual([{ accountId: 'a', name: 'Acme', signalIds: ['p1-p2-open'] }]);
    expect(digest.title).toBe('Glance: 1 account turned red');
    expect(digest.message).toContain('Turned red: Acme.');
  });

  it('counts the commitments overdue and due this week', () => {
    const items = todayItems(
      [row('a', { dueCommitments: [due('x', '2026-11-01', 'overdue'), due('y', '2026-11-08', 'due')] })],
      {},
      NOW_MS,
    );
    const digest = buildDigest(yesterday, [row('a', { band: 'yellow', signalIds: ['usage-drop'] })], items);
    expect(digest.turnedRed).toEqual([]);
    expect(digest.message).toBe('1 commitment overdue, 1 due this week.');
    expect(digest.title).toBe('Glance: your book today');
  });

  it('reports no changes on the first digest, when there is nothing to compare with', () => {
    expect(buildDigest(null, [row('b', { band: 'red' })], []).turnedRed).toEqual([]);
  });
});

describe('CSV export', () => {
  it('writes the rows in view in order, one line each, with a header', () => {
    const csv = bookCsv([row('a', { name: 'Acme, Inc', arr: 1000 }), row('b', { name: 'Birch' })]);
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed[0].slice(0, 4)).toEqual(['Account', 'Domains', 'Owner', 'Health']);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(['Acme, Inc', 'Birch']);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const csv = bookCsv([
      row('a', { name: '=HYPERLINK("http://evil.example","x")', owner: '+1 555', renewalInDays: -3 }),
      row('b', { name: '@SUM(A1)', owner: '-2+3' }),
    ]);
    const [, first, second] = Papa.parse<string[]>(csv).data;
    expect(first[0]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(first[2]).toBe("'+1 555");
    expect(first[10]).toBe("'-3");
    expect(second[0]).toBe("'@SUM(A1)");
    expect(second[2]).toBe("'-2+3");
  });
});
