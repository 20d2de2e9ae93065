import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRejection, readBundleText, validateRecords } from '../../../lib/import/validate';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/bundles', name), 'utf8');
const bundle = (fields: Record<string, unknown>) => JSON.stringify({ format: 'glance.bundle', version: 1, accounts: [], ...fields });
const errorOf = (text: string) => {
  const result = readBundleText(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

describe('readBundleText', () => {
  it('refuses what is not JSON, saying nothing was imported', () => {
    expect(errorOf(fixture('not-json.json'))).toMatch(/^This file is not valid JSON \(.+\)\. Nothing was imported\.$/s);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[1,2]', '"glance"', 'null', '42']) {
      expect(errorOf(text)).toBe('This file is not a Glance bundle: expected a JSON object. Nothing was imported.');
    }
  });

  it('refuses a wrong format or version, naming what it found', () => {
    expect(errorOf(fixture('not-a-bundle.json'))).toBe(
      'This file is not a Glance bundle: "format" must be "glance.bundle". Nothing was imported.',
    );
    expect(errorOf(bundle({ version: 2 }))).toBe('This file is not a Glance bundle: "version" must be 1 (found 2). Nothing was imported.');
    expect(errorOf(bundle({ version: '1' }))).toContain('(found "1")');
    expect(errorOf(bundle({ version: undefined }))).toContain('(found null)');
  });

  it('refuses a bundle without an accounts list, or with a record list that is not a list', () => {
    expect(errorOf(bundle({ accounts: undefined }))).toBe(
      'This file is not a Glance bundle: "accounts" must be a list (it may be empty). Nothing was imported.',
    );
    expect(errorOf(bundle({ accounts: {} }))).toContain('"accounts" must be a list');
    expect(errorOf(bundle({ contacts: { 'con-1': {} } }))).toBe(
      'This file is not a Glance bundle: "contacts" must be a list. Nothing was imported.',
    );
    expect(errorOf(bundle({ activities: 'none' }))).toContain('"activities" must be a list');
  });

  it('reads the record lists present, without judging the records yet', () => {
    const result = readBundleText(fixture('broken-book.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.records)).toEqual(['accounts', 'contacts', 'commitments']);
    expect(result.records.accounts).toHaveLength(4);
    expect(readBundleText(bundle({ generatedAt: '2026-11-01T09:00:00Z' }))).toEqual({
      ok: true,
      records: { accounts: [] },
      generatedAt: '2026-11-01T09:00:00Z',
    });
  });
});

describe('validateRecords', () => {
  const reasons = (type: Parameters<typeof validateRecords>[0], records: unknown[]) =>
    validateRecords(type, records).rejected.map((r) => r.reason);

  it('names the field and what was expected, in the words of the spec', () => {
    expect(reasons('accounts', [{ id: 'a', name: 'A', arr: '12' }])).toEqual(['arr: expected a number']);
    expect(reasons('accounts', [{ id: 'a' }])).toEqual(['name: required (expected a string)']);
    expect(reasons('accounts', [{ id: 'a', name: 'A', tier: 'gold' }])).toEqual([
      'tier: expected one of "enterprise", "mid-market", "smb"',
    ]);
    expect(reasons('accounts', [{ id: 'a', name: 'A', domains: 'a.com' }])).toEqual(['domains: expected an array']);
    expect(reasons('accounts', [null, 'acme'])).toEqual(['expected an object', 'expected an object']);
  });

  it('names nested fields with dots and list positions', () => {
    expect(reasons('accounts', [{ id: 'a', name: 'A', crm: { salesforceId: '001abc' } }])).toEqual([
      'crm.salesforceId: expected a 15 or 18 character Salesforce id',
    ]);
    expect(
      reasons('accounts', [
        {
          id: 'a',
          name: 'A',
          goals: [
            { text: 'Go live', status: 'on-track' },
            { text: 'Scale', status: 'meh' },
          ],
        },
      ]),
    ).toEqual(['goals[1].status: expected one of "on-track", "partial", "off-track"']);
    expect(
      reasons('commitments', [
        { id: 'c', accountId: 'a', text: 'Deck', kind: 'commitment', owner: 'us', status: 'open', dueDate: 'next friday' },
      ]),
    ).toEqual(['dueDate: expected an ISO 8601 date (YYYY-MM-DD or timestamp)']);
  });

  it('keeps valid records (unknown fields included) beside refused ones, paths counted from the offset', () => {
    const result = validateRecords(
      'contacts',
      [
        { id: 'con-1', accountId: 'acc-1', name: 'Sam', email: 'sam@orbit.io', pronouns: 'they/them' },
        { id: 'con-2', accountId: 'acc-1', name: 'No Email', email: 'not-an-email' },
        { accountId: 'acc-1', name: 'No id', email: 'x@orbit.io' },
      ],
      2000,
    );
    expect(result.valid).toEqual([{ id: 'con-1', accountId: 'acc-1', name: 'Sam', email: 'sam@orbit.io', pronouns: 'they/them' }]);
    expect(result.rejected).toEqual([
      { path: 'contacts[2001]', id: 'con-2', reason: 'email: expected an email address' },
      { path: 'contacts[2002]', id: undefined, reason: 'id: required (expected a string)' },
    ]);
  });

  it('reports at most three problems of one record', () => {
    const [rejection] = validateRecords('accounts', [{ id: 'a', name: 'A', arr: 'x', tier: 'x', renewalDate: 'x', owner: 3 }]).rejected;
    expect(rejection.reason.split('; ')).toHaveLength(3);
  });
});

describe('formatRejection', () => {
  it('reads as path (id): reason, and leaves out a missing id', () => {
    expect(formatRejection({ path: 'accounts[3]', id: 'acc-bad-arr', reason: 'arr: expected a number' })).toBe(
      'accounts[3] (acc-bad-arr): arr: expected a number',
    );
    expect(formatRejection({ path: 'accounts[4]', reason: 'expected an object' })).toBe('accounts[4]: expected an object');
  });
});
