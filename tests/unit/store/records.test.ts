import { allContacts, countContacts, getContact } from '../../../lib/store/contacts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bundle, RecordsByType } from '../../../lib/model/bundle';
import { GlanceDB } from '../../../lib/store/db';
import { countRecords, exportBundle, loadAccountData, removeAccounts, writeRecords } from '../../../lib/store/records';

const smallBook = JSON.parse(readFileSync(join(__dirname, '../../fixtures/bundles/small-book.json'), 'utf8')) as Bundle;
const log = { at: '2026-11-01T09:00:00.000Z', source: 'file' as const, name: 'book.json', rejected: 0 };

let n = 0;
let db: GlanceDB;
function openDb() {
  db = new GlanceDB(`glance-records-${++n}`);
  return db;
}
afterEach(() => db?.close());

const recordsOf = (bundle: Bundle): Partial<RecordsByType> => {
  const { format: _f, version: _v, generatedAt: _g, ...records } = bundle;
  return records;
};
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('writeRecords', () => {
  it('merges by id: a stored record with the same id is replaced, nothing else is removed', async () => {
    const db = openDb();
    await writeRecords(db, recordsOf(smallBook), log);
    const counts = await writeRecords(
      db,
      {
        accounts: [{ id: 'acc-pico', name: 'Pico Bakery & Café', arr: 12000 }],
        contacts: [{ id: 'con-9', accountId: 'acc-pico', name: 'Noor Haddad', email: 'noor@picobakery.com' }],
      },
      { ...log, name: 'update.json' },
    );
    expect(counts).toEqual({ accounts: 1, contacts: 1, usage: 0, tickets: 0, commitments: 0, activities: 0 });

    const pico = await loadAccountData(db, 'acc-pico');
    // Replaced whole, not patched: the old domains went with the old record.
    expect(pico?.account).toEqual({ id: 'acc-pico', name: 'Pico Bakery & Café', arr: 12000 });
    expect(pico?.contacts.map((c) => c.id)).toEqual(['con-9']);
    expect(await countRecords(db)).toEqual({ accounts: 3, contacts: 4, usage: 2, tickets: 1, commitments: 2, activities: 2 });
    expect((await db.accounts.get('acc-harbor'))?.name).toBe('Harbor Freight Systems');
    expect((await db.importLog.orderBy('seq').toArray()).map((l) => [l.name, l.counts.accounts])).toEqual([
      ['book.json', 3],
      ['update.json', 1],
    ]);
  });

  it('reports progress up to the total across all record types', async () => {
    const db = openDb();
    const calls: [number, number][] = [];
    await writeRecords(db, recordsOf(smallBook), log, (written, total) => calls.push([written, total]));
    expect(calls.at(-1)).toEqual([13, 13]);
    expect(calls.every(([, total]) => total === 13)).toBe(true);
  });

  it('writes nothing from a call that fails in the store, and keeps what was there', async () => {
    const db = openDb();
    await writeRecords(db, recordsOf(smallBook), log);
    const at = new Date('2026-11-05T00:00:00.000Z');
    const before = await exportBundle(db, at);

    await expect(
      writeRecords(
        db,
        {
          accounts: [
            { id: 'acc-harbor', name: 'Renamed' },
            { id: 'acc-new', name: 'New Co' },
          ],
          contacts: [{ id: 'con-new', accountId: 'acc-new', name: 'Ann', email: 'ann@new.co' }],
          // No date: the [accountId+date] key cannot be formed, so this bulkPut is refused.
          usage: [{ accountId: 'acc-new', logins: 3 } as unknown as RecordsByType['usage'][number]],
        },
        { ...log, name: 'broken.json' },
      ),
    ).rejects.toThrow();

    expect(await exportBundle(db, at)).toEqual(before);
    expect(await db.importLog.count()).toBe(1);
  });

  it('writes nothing when the call is stopped part-way (progress callback throws)', async () => {
    const db = openDb();
    await writeRecords(db, { accounts: [{ id: 'acc-1', name: 'Old name' }] }, log);
    let calls = 0;
    await expect(
      writeRecords(
        db,
        {
          accounts: [
            { id: 'acc-1', name: 'New name' },
            { id: 'acc-2', name: 'Two' },
          ],
          contacts: [{ id: 'c', accountId: 'acc-2', name: 'C', email: 'c@two.io' }],
        },
        log,
        () => {
          if (++calls === 2) throw new Error('worker stopped');
        },
      ),
    ).rejects.toThrow('worker stopped');
    expect(calls).toBe(2);
    expect(await db.accounts.toArray()).toMatchObject([{ id: 'acc-1', name: 'Old name' }]);
    expect(await countContacts(db)).toBe(0);
    expect(await db.importLog.count()).toBe(1);
  });

  it('derives the look-up keys: lower-cased emails, 18-character Salesforce ids, registrable domains', async () => {
    const db = openDb();
    await writeRecords(
      db,
      {
        accounts: [
          {
            id: 'acc-1',
            name: 'Globex UK',
            domains: ['eu.mail.globex.co.uk', 'www.globex.com', 'globex.com'],
            crm: { salesforceId: '001A0000006Vm9r', hubspotId: '4401' },
          },
        ],
        contacts: [
          { id: 'con-1', accountId: 'acc-1', name: 'Ana', email: '  Ana.Lopez@Globex.CO.UK ', crm: { salesforceId: '003A0000006Vm9r' } },
        ],
      },
      log,
    );
    const account = await db.accounts.get('acc-1');
    expect(account?._domains).toEqual(['globex.co.uk', 'globex.com']);
    expect(account?._sf).toBe('001A0000006Vm9rIAC');
    expect(account?._hs).toBe('4401');
    expect(account?._name).toBe('globex uk');
    const contact = await getContact(db, 'con-1');
    expect(contact?._email).toBe('ana.lopez@globex.co.uk');
    expect(contact?._sf).toBe('003A0000006Vm9rIAC');
    // The record itself keeps what the user gave.
    expect(contact?.email).toBe('  Ana.Lopez@Globex.CO.UK ');
    expect(account?.crm?.salesforceId).toBe('001A0000006Vm9r');
  });
});

describe('exportBundle', () => {
  it('gives back the imported records without index fields, unknown fields included', async () => {
    const db = openDb();
    await writeRecords(db, recordsOf(smallBook), log);
    const exported = await exportBundle(db, new Date('2026-11-05T00:00:00.000Z'));
    expect(exported.format).toBe('glance.bundle');
    expect(exported.version).toBe(1);
    expect(exported.generatedAt).toBe('2026-11-05T00:00:00.000Z');
    expect(byId(exported.accounts)).toEqual(byId(smallBook.accounts));
    expect(byId(exported.contacts!)).toEqual(byId(smallBook.contacts!));
    expect(exported.usage).toEqual(smallBook.usage);
    expect(exported.tickets).toEqual(smallBook.tickets);
    expect(byId(exported.commitments!)).toEqual(byId(smallBook.commitments!));
    expect(byId(exported.activities!)).toEqual(byId(smallBook.activities!));
    expect(JSON.stringify(exported)).not.toMatch(/"_(domains|sf|hs|name|email)"/);

    // Importing the export elsewhere reproduces the same store.
    const first = db;
    const copy = openDb();
    await writeRecords(copy, recordsOf(exported), log);
    expect(await exportBundle(copy, new Date('2026-11-05T00:00:00.000Z'))).toEqual(exported);
    first.close();
  });
});

describe('removeAccounts', () => {
  it('removes the accounts and every record hanging off them, and nothing else', async () => {
    const db = openDb();
    await writeRecords(db, recordsOf(smallBook), log);
    await db.matchChoices.bulkPut([
      { pageKey: 'gmail:thread:1', accountId: 'acc-harbor', at: log.at },
      { pageKey: 'gmail:thread:2', accountId: 'acc-lumen', at: log.at },
    ]);
    await db.actionPrefs.bulkPut([
      { accountId: 'acc-harbor', actionId: 'qbr', at: log.at },
      { accountId: 'acc-lumen', actionId: 'qbr', at: log.at },
    ]);
    const entry = {
      createdAt: log.at,
      entity: 'commitment' as const,
      op: 'upsert' as const,
      record: {},
      status: 'pending' as const,
      attempts: 0,
    };
    await db.outbox.bulkAdd([
      { ...entry, entityId: 'cm-1', accountId: 'acc-harbor' },
      { ...entry, entityId: 'cm-x', accountId: 'acc-lumen' },
    ]);

    await removeAccounts(db, ['acc-harbor']);

    expect(await db.accounts.get('acc-harbor')).toBeUndefined();
    expect(await countRecords(db)).toEqual({ accounts: 2, contacts: 1, usage: 0, tickets: 1, commitments: 0, activities: 1 });
    expect((await allContacts(db)).map((c) => c.accountId)).toEqual(['acc-lumen']);
    expect((await db.matchChoices.toArray()).map((c) => c.accountId)).toEqual(['acc-lumen']);
    expect((await db.actionPrefs.toArray()).map((c) => c.accountId)).toEqual(['acc-lumen']);
    expect((await db.outbox.toArray()).map((c) => c.accountId)).toEqual(['acc-lumen']);
    expect(await loadAccountData(db, 'acc-lumen')).toMatchObject({ tickets: [{ id: 't-1' }], activities: [{ id: 'a-2' }] });
  });
});

describe('loadAccountData', () => {
  it("returns one account's records without index fields, or null for an unknown account", async () => {
    const db = openDb();
    await writeRecords(db, recordsOf(smallBook), log);
    const data = await loadAccountData(db, 'acc-harbor');
    expect(data?.account).toEqual(smallBook.accounts[0]);
    expect(byId(data!.contacts)).toEqual(smallBook.contacts!.filter((c) => c.accountId === 'acc-harbor'));
    expect(data?.usage).toEqual(smallBook.usage);
    expect(data?.tickets).toEqual([]);
    expect(data?.commitments.map((c) => c.id).sort()).toEqual(['cm-1', 'cm-2']);
    expect(data?.activities.map((a) => a.id)).toEqual(['a-1']);
    expect(await loadAccountData(db, 'acc-nope')).toBeNull();
  });
});
