import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countInSlices, readInSlices } from '../../../lib/store/slices';
import { countContacts, putContacts } from '../../../lib/store/contacts';
import { GlanceDB } from '../../../lib/store/db';
import { countRecords } from '../../../lib/store/records';

let n = 0;
let db: GlanceDB;
beforeEach(() => {
  db = new GlanceDB(`glance-count-${++n}`);
});
afterEach(() => db.close());

const contacts = (accounts: number, each: number) =>
  Array.from({ length: accounts * each }, (_, i) => ({
    id: `c-${String(i).padStart(4, '0')}`,
    accountId: `acc-${Math.floor(i / each)}`,
    name: `Person ${i}`,
    email: `p${i}@acc${Math.floor(i / each)}.io`,
  }));

describe('counting a table a slice at a time', () => {
  it('counts every row, whether the slices divide the rows evenly or not', async () => {
    await db.accounts.bulkPut(Array.from({ length: 10 }, (_, i) => ({ id: `acc-${i}`, name: `A${i}`, domains: [], _domains: [] })));
    for (const slice of [1, 3, 5, 10, 11, 1000]) expect(await countInSlices(db.accounts, ':id', slice)).toBe(10);
    expect(await countInSlices(db.tickets, ':id', 3)).toBe(0);
  });

  it('counts only the keys that start with a prefix, across slices, when given one', async () => {
    const ids = ['other-1', 'sample-a', 'sample-b', 'sample-c', 'sample-d', 'sample-e', 'sample-f', 'sample-g', 'samples', 'zed'];
    await db.accounts.bulkPut(ids.map((id) => ({ id, name: id, domains: [], _domains: [] })));
    for (const slice of [1, 2, 3, 7, 8, 100]) expect(await countInSlices(db.accounts, ':id', slice, 'sample-')).toBe(7);
    expect(await countInSlices(db.accounts, ':id', 3, 'nothing-')).toBe(0);
  });

  it('counts rows whose primary key has two parts (usage points by account and date)', async () => {
    await db.usage.bulkPut(
      ['acc-1', 'acc-2'].flatMap((accountId) =>
        ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'].map((date) => ({ accountId, date, logins: 1 })),
      ),
    );
    expect(await countInSlices(db.usage, ':id', 3)).toBe(8);
  });

  it('counts contacts, not the packs that hold them', async () => {
    await putContacts(db, contacts(7, 3));
    expect(await countInSlices(db.contactPacks, '_ids', 4)).toBe(21);
    expect(await countContacts(db)).toBe(21);
    expect(await countRecords(db)).toMatchObject({ contacts: 21, accounts: 0 });
  });
});

describe('reading a whole table a slice at a time', () => {
  const accounts = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: `acc-${String(i).padStart(3, '0')}`, name: `A${i}`, domains: [], _domains: [] }));

  it('gives every row once, in key order, whether the slices divide the rows evenly or not', async () => {
    await db.accounts.bulkPut(accounts(10).reverse());
    for (const slice of [1, 3, 5, 10, 11]) {
      const names = await readInSlices(db.accounts, (a) => a.name, slice);
      expect(names).toEqual(['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9']);
    }
    expect(await readInSlices(db.tickets, (t) => t, 3)).toEqual([]);
  });

  it('reads each slice in its own request, so other reads are answered between them', async () => {
    await db.accounts.bulkPut(accounts(9));
    const order: string[] = [];
    const reading = readInSlices(
      db.accounts,
      (a) => {
        order.push(a.id);
        return a.id;
      },
      3,
    );
    const lookUp = db.accounts.get('acc-008').then(() => order.push('look-up'));
    await Promise.all([reading, lookUp]);
    expect(order.indexOf('look-up')).toBeGreaterThan(-1);
    expect(order.indexOf('look-up')).toBeLessThan(order.length - 1);
  });
});
