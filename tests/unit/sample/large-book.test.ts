import { RECORD_TYPES, recordSchemas } from '../../../lib/model/bundle';
import { isSalesforceId } from '../../../lib/hosts/salesforce-id';
import { ANCHORS } from '../../../lib/sample/anchors';
import { isSampleRecordId } from '../../../lib/sample/ids';
import { makeLargeBook } from '../../../lib/sample/large-book';

const NOW = new Date('2026-03-10T15:20:00Z');

describe('makeLargeBook', () => {
  // How fast it is made is measured by `npm run bench`, not asserted here.
  it('makes 10,000 accounts with 10 contacts each, with unique ids, domains and emails', () => {
    const book = makeLargeBook({ accounts: 10_000, contactsPerAccount: 10, now: NOW });
    expect(book.accounts).toHaveLength(10_000);
    expect(book.contacts).toHaveLength(100_000);
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(book.accounts.map((a) => a.id))).toBe(true);
    expect(unique(book.contacts!.map((c) => c.id))).toBe(true);
    expect(unique(book.contacts!.map((c) => c.email))).toBe(true);
    const domains = book.accounts.filter((a) => !a.id.startsWith('sample-initech')).map((a) => a.domains![0]);
    expect(unique(domains)).toBe(true);
    expect(unique(book.accounts.map((a) => a.name))).toBe(true);
    const sfIds = book.accounts.map((a) => a.crm?.salesforceId).filter((id): id is string => !!id);
    expect(sfIds.length).toBeGreaterThan(5_000);
    expect(sfIds.some((id) => id.length === 15) && sfIds.some((id) => id.length === 18)).toBe(true);
    expect(sfIds.every(isSalesforceId)).toBe(true);
    expect(unique(sfIds.map((id) => id.slice(0, 15)))).toBe(true);
    expect(book.accounts.filter((a) => a.crm?.hubspotId).length).toBeGreaterThan(5_000);
    expect(book.accounts.every((a) => a.sample === true && isSampleRecordId(a.id))).toBe(true);
  });

  it('contains the anchors, so a thread from Acme still finds Acme', () => {
    const book = makeLargeBook({ accounts: 500, contactsPerAccount: 10, now: NOW });
    const acme = book.accounts.find((a) => a.id === ANCHORS.acme.accountId)!;
    expect(acme).toMatchObject({ name: ANCHORS.acme.name, domains: [ANCHORS.acme.domain] });
    expect(book.contacts!.filter((c) => c.email === ANCHORS.acme.champion.email).map((c) => c.accountId)).toEqual([acme.id]);
    expect(book.accounts.filter((a) => a.domains!.includes('initech.com'))).toHaveLength(2);
    expect(book.accounts.some((a) => a.id === ANCHORS.globex.accountId)).toBe(true);
  });

  it('passes the bundle schemas, references existing accounts, and adds light usage only when asked', () => {
    const small = makeLargeBook({ accounts: 300, contactsPerAccount: 4, now: NOW, usage: true, seed: 7 });
    const accountIds = new Set(small.accounts.map((a) => a.id));
    for (const type of RECORD_TYPES) {
      for (const record of small[type] ?? []) {
        expect(recordSchemas[type].safeParse(record).success, `${type} ${JSON.stringify(record).slice(0, 80)}`).toBe(true);
        if (type !== 'accounts') expect(accountIds.has((record as { accountId: string }).accountId)).toBe(true);
      }
    }
    expect(small.usage!.filter((u) => u.accountId === 'sample-lb-000100')).toHaveLength(12);
    const plain = makeLargeBook({ accounts: 300, contactsPerAccount: 4, now: NOW });
    expect(plain.usage!.filter((u) => u.accountId.startsWith('sample-lb-'))).toHaveLength(0);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const make = (seed?: number) => makeLargeBook({ accounts: 200, contactsPerAccount: 5, now: NOW, seed });
    expect(make(42)).toEqual(make(42));
    expect(make()).toEqual(make());
    expect(make(1).accounts[50]).not.toEqual(make(2).accounts[50]);
  });
});
