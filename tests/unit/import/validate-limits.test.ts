import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../lib/import/csv';
import { findDuplicates, validateRecords } from '../../../lib/import/validate';

const account = { id: 'acc-1', name: 'Acme' };
const rejectionOf = (type: Parameters<typeof validateRecords>[0], record: unknown) => validateRecords(type, [record], 4).rejected;

describe('validateRecords: dates that are not on the calendar', () => {
  it('refuses February 30 and month 13, naming the record and the field', () => {
    expect(rejectionOf('accounts', { ...account, renewalDate: '2025-02-30' })).toEqual([
      { path: 'accounts[4]', id: 'acc-1', reason: 'renewalDate: 2025-02-30 is not a calendar date (February 2025 has 28 days)' },
    ]);
    expect(rejectionOf('accounts', { ...account, contractStart: '2025-13-01' })).toEqual([
      { path: 'accounts[4]', id: 'acc-1', reason: 'contractStart: 2025-13-01 is not a calendar date (there is no month 13)' },
    ]);
  });

  it('checks dates in nested lists and in timestamps too', () => {
    expect(rejectionOf('accounts', { ...account, nps: [{ date: '2025-04-31', score: 9 }] })[0].reason).toBe(
      'nps[0].date: 2025-04-31 is not a calendar date (April 2025 has 30 days)',
    );
    expect(
      rejectionOf('tickets', { id: 't', accountId: 'a', openedAt: '2025-02-29T09:00:00Z', priority: 'P2', status: 'open' })[0].reason,
    ).toBe('openedAt: 2025-02-29 is not a calendar date (February 2025 has 28 days)');
    expect(
      rejectionOf('tickets', { id: 't', accountId: 'a', openedAt: '2025-02-10T25:00:00Z', priority: 'P2', status: 'open' })[0].reason,
    ).toBe('openedAt: expected an ISO 8601 date (YYYY-MM-DD or timestamp)');
  });

  it('accepts leap days and the last day of each month', () => {
    for (const date of ['2024-02-29', '2025-01-31', '2025-04-30', '2025-12-31', '2024-02-29T23:59:59.999+02:00']) {
      expect(rejectionOf('accounts', { ...account, renewalDate: date })).toEqual([]);
    }
  });
});

describe('validateRecords: length caps and nesting', () => {
  it('names a known field over its cap', () => {
    expect(rejectionOf('accounts', { id: 'x'.repeat(201), name: 'A' })[0].reason).toBe('id: longer than 200 characters');
    expect(rejectionOf('accounts', { ...account, name: 'n'.repeat(501) })[0].reason).toBe('name: longer than 500 characters');
    expect(rejectionOf('accounts', { ...account, domains: Array.from({ length: 1001 }, (_, i) => `d${i}.com`) })[0].reason).toBe(
      'domains: more than 1,000 items (1,001)',
    );
    expect(
      rejectionOf('commitments', { id: 'c', accountId: 'a', text: 't'.repeat(10_001), kind: 'commitment', owner: 'us', status: 'open' })[0]
        .reason,
    ).toBe('text: longer than 10,000 characters (10,001)');
    expect(rejectionOf('contacts', { id: 'c', accountId: 'a', name: 'N', email: `${'e'.repeat(500)}@x.io` })[0].reason).toBe(
      'email: longer than 500 characters',
    );
  });

  it('holds unknown fields to the same limits, with their path', () => {
    expect(rejectionOf('accounts', { ...account, notes: 'n'.repeat(10_001) })[0].reason).toBe(
      'notes: longer than 10,000 characters (10,001)',
    );
    expect(rejectionOf('accounts', { ...account, extra: { tags: Array(10_001).fill('t') } })[0].reason).toBe(
      'extra.tags: more than 1,000 items (10,001)',
    );
    let deep: unknown = 'end';
    for (let i = 0; i < 200; i++) deep = { x: deep };
    expect(rejectionOf('accounts', { ...account, x: deep })[0].reason).toBe('x.x.x.x.x.x.x.x: nested more than 8 levels deep');
  });

  it('accepts unknown fields nested up to the limit', () => {
    const sevenDeep = { a: { b: { c: { d: { e: { f: { g: 'ok' } } } } } } };
    expect(validateRecords('accounts', [{ ...account, ...sevenDeep }]).valid).toEqual([{ ...account, ...sevenDeep }]);
  });
});

describe('validateRecords: fields named like object members', () => {
  it('keeps __proto__, constructor and toString fields as the data they are', () => {
    const record = JSON.parse('{"id":"acc-1","name":"Acme","__proto__":"p","constructor":"c","toString":"t","crm":{"__proto__":"q"}}');
    const [valid] = validateRecords('accounts', [record]).valid as Record<string, unknown>[];
    expect(JSON.parse(JSON.stringify(valid))).toEqual(record);
    expect(Object.keys(valid)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString']));
    expect(Object.getPrototypeOf(valid)).toBe(Object.prototype);
  });

  it('passes CSV columns named like object members through validation', () => {
    const result = readCsvText('Id,Name,Constructor,__proto__,hasOwnProperty\nacc-1,Acme,Bob,p,h\n');
    if (!result.ok) throw new Error(result.error);
    const { valid, rejected } = validateRecords('accounts', result.records.accounts!);
    expect(rejected).toEqual([]);
    expect(JSON.parse(JSON.stringify(valid))).toEqual([
      JSON.parse('{"id":"acc-1","name":"Acme","Constructor":"Bob","__proto__":"p","hasOwnProperty":"h"}'),
    ]);
  });
});

describe('findDuplicates', () => {
  it('keeps the last copy of each id and skips the earlier ones', () => {
    const { duplicates, skipped } = findDuplicates('contacts', [
      { id: 'c1' },
      { id: 'c2' },
      { id: 'c1' },
      { id: 'c1' },
      { name: 'no id' },
      { name: 'no id' },
    ]);
    expect(duplicates).toEqual([{ type: 'contacts', key: 'c1', paths: ['contacts[0]', 'contacts[2]', 'contacts[3]'] }]);
    expect([...skipped]).toEqual([0, 2]);
  });

  it('has no rule for ids named like object members', () => {
    expect(findDuplicates('accounts', [{ id: 'constructor' }, { id: '__proto__' }, { id: 'toString' }]).duplicates).toEqual([]);
  });
});
