import { allContacts, contactsBy, contactsById, contactsOf, countContacts } from '../../../lib/store/contacts';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { GlanceDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../lib/store/db';
import { rollbackNextBatch } from '../../../lib/store/import-journal';
import { withAccountKeys, withContactKeys } from '../../../lib/store/keys';

let n = 0;
const freshName = () => `glance-migration-${++n}`;
/** The version a GlanceDB opens at today: every migration below ends there. */
const LATEST = 5;

/** A table's rows as stored before v5: contacts one by one, however they are stored now. */
const rowsOf = (db: GlanceDB, table: string) => (table === 'contacts' ? allContacts(db) : db.table(table).toArray());

/** A book as a v1 install stored it: every v1 table filled, index fields derived the v1 way. */
function v1Rows() {
  return {
    accounts: [
      withAccountKeys({
        id: 'acc-1',
        name: 'Harbor Freight Systems',
        domains: ['eu.harbor.co.uk'],
        crm: { salesforceId: '001A0000006Vm9r', hubspotId: '4401' },
        arr: 180000,
        customFields: { region: 'NA' },
      }),
      withAccountKeys({ id: 'acc-2', name: 'Pico Bakery', domains: ['picobakery.com'] }),
    ],
    // Stored before contacts had a name key (v4).
    contacts: [
      {
        id: 'con-1',
        accountId: 'acc-1',
        name: 'Mara Jensen',
        email: 'Mara@Harbor.co.uk',
        pronouns: 'she/her',
        _email: 'mara@harbor.co.uk',
      },
    ],
    usage: [
      { accountId: 'acc-1', date: '2026-10-20', logins: 410, activeUsers: 140 },
      { accountId: 'acc-1', date: '2026-10-27', logins: 395 },
    ],
    tickets: [{ id: 't-1', accountId: 'acc-2', openedAt: '2026-10-30', priority: 'P3' as const, status: 'open' as const }],
    commitments: [
      {
        id: 'cm-1',
        accountId: 'acc-1',
        text: 'Send the questionnaire',
        kind: 'commitment' as const,
        owner: 'us' as const,
        status: 'open' as const,
      },
    ],
    activities: [
      { id: 'a-1', accountId: 'acc-1', type: 'meeting' as const, date: '2026-11-10T15:00:00Z', summary: 'Kick-off' },
      { id: 'a-2', accountId: 'acc-1', type: 'meeting' as const, date: '2026-09-01T15:00:00Z', attended: false },
      { id: 'a-3', accountId: 'acc-2', type: 'qbr' as const, date: '2026-11-12' },
    ],
    settings: [{ key: 'playbook', value: { weights: { adoption: 40, outcomes: 15, relationship: 20, support: 15, commercial: 10 } } }],
    importLog: [{ at: '2026-11-01T09:00:00.000Z', source: 'file' as const, name: 'book.json', counts: { accounts: 2 }, rejected: 1 }],
  };
}

describe('schema migration v1 -> current', () => {
  it('keeps every v1 record unchanged and makes the v2 tables and indexes usable', async () => {
    const name = freshName();
    const rows = v1Rows();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    for (const [table, records] of Object.entries(rows)) await v1.table(table).bulkAdd(records);
    v1.close();

    const db = new GlanceDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST);

    expect(await db.accounts.orderBy('id').toArray()).toEqual(rows.accounts);
    // Contacts gain only their name key (v4), derived as an import today derives it.
    expect(await allContacts(db)).toEqual([withContactKeys(rows.contacts[0])].map((c) => ({ ...c, _email: 'mara@harbor.co.uk' })));
    expect((await contactsBy(db, 'name', ['mara jensen'])).map((c) => c.id)).toEqual(['con-1']);
    expect(await db.usage.orderBy('[accountId+date]').toArray()).toEqual(rows.usage);
    expect(await db.tickets.toArray()).toEqual(rows.tickets);
    expect(await db.commitments.toArray()).toEqual(rows.commitments);
    expect(await db.activities.orderBy('id').toArray()).toEqual(rows.activities);
    expect(await db.settings.toArray()).toEqual(rows.settings);
    expect(await db.importLog.toArray()).toEqual([{ ...rows.importLog[0], seq: 1 }]);

    // v1 indexes still answer after the upgrade.
    expect((await db.accounts.where('_domains').equals('harbor.co.uk').toArray()).map((a) => a.id)).toEqual(['acc-1']);
    expect((await db.accounts.where('_sf').equals('001A0000006Vm9rIAC').toArray()).map((a) => a.id)).toEqual(['acc-1']);
    expect((await contactsBy(db, 'email', ['mara@harbor.co.uk'])).map((c) => c.id)).toEqual(['con-1']);

    // The new [type+date] index covers activities written before it existed.
    const upcoming = await db.activities.where('[type+date]').between(['meeting', '2026-11-01'], ['meeting', '2026-12-01']).toArray();
    expect(upcoming.map((a) => a.id)).toEqual(['a-1']);

    // The new tables start empty and work.
    const seq = await db.outbox.add({
      createdAt: '2026-11-02T00:00:00.000Z',
      entity: 'commitment',
      entityId: 'cm-1',
      accountId: 'acc-1',
      op: 'upsert',
      record: rows.commitments[0],
      status: 'pending',
      attempts: 0,
    });
    expect(await db.outbox.where('status').equals('pending').count()).toBe(1);
    expect(await db.outbox.where('entityId').equals('cm-1').primaryKeys()).toEqual([seq]);
    await db.matchChoices.put({ pageKey: 'gmail:thread:abc', accountId: 'acc-2', at: '2026-11-02T00:00:00.000Z' });
    expect(await db.matchChoices.where('accountId').equals('acc-2').count()).toBe(1);
    await db.actionPrefs.put({ accountId: 'acc-1', actionId: 'qbr-due', at: '2026-11-02T00:00:00.000Z' });
    expect(await db.actionPrefs.get(['acc-1', 'qbr-due'])).toMatchObject({ accountId: 'acc-1', actionId: 'qbr-due' });
    expect(await db.actionPrefs.where('accountId').equals('acc-1').count()).toBe(1);

    // A later import continues the v1 import log's numbering.
    expect(await db.importLog.add({ at: '2026-11-03T00:00:00.000Z', source: 'sample', name: 'Sample', counts: {}, rejected: 0 })).toBe(2);
    db.close();
  });

  it('opens a fresh database straight at the latest version', async () => {
    const db = new GlanceDB(freshName());
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'accounts',
      'actionPrefs',
      'activities',
      'commitments',
      'contactPacks',
      'feedback',
      'importJobs',
      'importLog',
      'importStaged',
      'importUndo',
      'insights',
      'matchChoices',
      'outbox',
      'settings',
      'threadDismissals',
      'tickets',
      'usage',
    ]);
    db.close();
  });
});

describe('schema migration v2 -> v3 (the import journal)', () => {
  it('keeps every v2 row, and the journal tables start empty and work', async () => {
    const name = freshName();
    const rows = {
      ...v1Rows(),
      outbox: [
        {
          createdAt: '2026-11-02T00:00:00.000Z',
          entity: 'commitment',
          entityId: 'cm-1',
          accountId: 'acc-1',
          op: 'upsert',
          record: {},
          status: 'pending',
          attempts: 0,
        },
      ],
      matchChoices: [{ pageKey: 'gmail:thread:abc', accountId: 'acc-2', at: '2026-11-02T00:00:00.000Z' }],
      actionPrefs: [{ accountId: 'acc-1', actionId: 'qbr-due', at: '2026-11-02T00:00:00.000Z' }],
    };
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    for (const [table, records] of Object.entries(rows)) await v2.table(table).bulkAdd(records);
    const before = Object.fromEntries(await Promise.all(Object.keys(rows).map(async (t) => [t, await v2.table(t).toArray()] as const)));
    v2.close();

    const db = new GlanceDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    // Unchanged but for the contacts' name key, which v4 adds.
    const named = (table: string) => (table === 'contacts' ? before[table].map((c) => ({ ...c, _name: 'mara jensen' })) : before[table]);
    for (const table of Object.keys(rows)) expect(await rowsOf(db, table)).toEqual(named(table));
    expect(await db.importJobs.count()).toBe(0);
    await db.importStaged.add({ importId: 'import-1', type: 'accounts', records: [{ id: 'acc-3', name: 'Three' }] });
    expect(await db.importStaged.where('importId').equals('import-1').count()).toBe(1);
    expect(await db.importUndo.where('importId').equals('import-1').count()).toBe(0);
    db.close();
  });
});

describe('schema migration v3 -> v4', () => {
  it('gives every stored contact its name key, so a name shown without an address finds it; nothing else changes', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    const contacts = [
      { id: 'c-1', accountId: 'acc-1', name: 'Raj  Patel', email: 'raj@acme.example', _email: 'raj@acme.example' },
      { id: 'c-2', accountId: 'acc-1', name: 'Support', email: 'help@acme.example', _email: 'help@acme.example' },
    ];
    await v3.table('contacts').bulkAdd(contacts);
    v3.close();

    const db = new GlanceDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(await allContacts(db)).toEqual([{ ...contacts[0], _name: 'raj patel' }, contacts[1]]);
    expect((await contactsBy(db, 'name', ['raj patel'])).map((c) => c.id)).toEqual(['c-1']);
    db.close();
  });

  it('keeps every v3 row, and the thread, feedback and insights tables start empty and work', async () => {
    const name = freshName();
    const rows = {
      ...v1Rows(),
      importJobs: [{ id: 'import-1', name: 'book.json', state: 'committed', startedAt: '2026-11-02T00:00:00.000Z' }],
    };
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    for (const [table, records] of Object.entries(rows)) await v3.table(table).bulkAdd(records);
    const before = Object.fromEntries(await Promise.all(Object.keys(rows).map(async (t) => [t, await v3.table(t).toArray()] as const)));
    v3.close();

    const db = new GlanceDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST);
    for (const table of Object.keys(rows))
      expect(await rowsOf(db, table)).toEqual(
        table === 'contacts' ? before[table].map((c) => ({ ...c, _name: 'mara jensen' })) : before[table],
      );
    await db.threadDismissals.put({ threadId: 't-1', suggestionId: 's-1', at: '2026-11-03T00:00:00.000Z' });
    await db.feedback.put({ id: 'f-1', accountId: 'acc-1', kind: 'feedback', text: 'Slow exports.', at: '2026-11-03T00:00:00.000Z' });
    expect(await db.threadDismissals.where('threadId').equals('t-1').count()).toBe(1);
    expect(await db.feedback.where('accountId').equals('acc-1').count()).toBe(1);
    expect(await db.insights.count()).toBe(0);
    await db.insights.put({ accountId: 'acc-1', version: 'v', insight: {} as never });
    expect(await db.insights.get('acc-1')).toMatchObject({ version: 'v' });
    db.close();
  });
});

describe('schema migration v4 -> v5 (contacts packed by account)', () => {
  const v4Contacts = [
    withContactKeys({
      id: 'c-1',
      accountId: 'acc-1',
      name: 'Raj Patel',
      email: 'Raj@Acme.example',
      crm: { salesforceId: '003A0000006Vm9r' },
    }),
    withContactKeys({ id: 'c-2', accountId: 'acc-1', name: 'Support', email: 'help@acme.example', crm: { hubspotId: '901' } }),
    withContactKeys({ id: 'c-0', accountId: 'acc-1', name: 'Ana Silva', email: 'ana@acme.example', role: 'champion' as const }),
    // The same address at two accounts: a look-up by it finds both, as before.
    withContactKeys({ id: 'c-3', accountId: 'acc-2', name: 'Raj Patel', email: 'raj@acme.example', crm: { hubspotId: '902' } }),
    withContactKeys({ id: 'c-4', accountId: 'acc-3', name: '', email: 'ops@pico.example' }),
  ];

  async function v4Database(extra?: (v4: Dexie) => Promise<void>) {
    const name = freshName();
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    await v4.table('contacts').bulkAdd(v4Contacts);
    await extra?.(v4);
    v4.close();
    const db = new GlanceDB(name);
    await db.open();
    return db;
  }

  it('moves every contact into its account pack: each one is found by id, email, name, Salesforce and HubSpot id afterwards', async () => {
    const db = await v4Database();
    expect(db.verno).toBe(LATEST);
    expect(db.tables.map((t) => t.name)).not.toContain('contacts');
    expect(await countContacts(db)).toBe(5);
    const sorted = [...v4Contacts].sort((a, b) => a.id.localeCompare(b.id));
    expect(await allContacts(db)).toEqual(sorted);
    expect(await contactsById(db, ['c-4', 'c-1', 'c-9'])).toEqual([v4Contacts[4], v4Contacts[0], undefined]);
    for (const contact of v4Contacts) {
      expect((await contactsBy(db, 'email', [contact._email])).map((c) => c.id)).toContain(contact.id);
      if (contact._name) expect((await contactsBy(db, 'name', [contact._name])).map((c) => c.id)).toContain(contact.id);
      if (contact._sf) expect(await contactsBy(db, 'sf', [contact._sf])).toEqual([contact]);
      if (contact._hs) expect(await contactsBy(db, 'hs', [contact._hs])).toEqual([contact]);
    }
    expect((await contactsBy(db, 'email', ['raj@acme.example'])).map((c) => c.id)).toEqual(['c-1', 'c-3']);
    expect((await contactsBy(db, 'name', ['raj patel'])).map((c) => c.id)).toEqual(['c-1', 'c-3']);
    expect((await contactsBy(db, 'sf', ['003A0000006Vm9rIAC'])).map((c) => c.id)).toEqual(['c-1']);
    expect((await contactsOf(db, 'acc-1')).map((c) => c.id)).toEqual(['c-0', 'c-1', 'c-2']);
    db.close();
  });

  it('rolls back an import that was half-saved before the upgrade: its contacts come back as they were', async () => {
    const db = await v4Database(async (v4) => {
      // Saved by the import: c-1 renamed, c-5 new; its undo batch holds single contacts, as v4 kept them.
      await v4.table('contacts').put({ ...v4Contacts[0], name: 'Raj P.', _name: 'raj p.' });
      await v4.table('contacts').put(withContactKeys({ id: 'c-5', accountId: 'acc-2', name: 'Lee', email: 'lee@acme.example' }));
      await v4
        .table('importJobs')
        .add({ id: 'import-1', name: 'book.json', state: 'rolling-back', startedAt: 'x', touchedAt: 'x', total: 2, written: 2 });
      await v4
        .table('importUndo')
        .add({ importId: 'import-1', type: 'contacts', entries: [{ key: 'c-1', before: v4Contacts[0] }, { key: 'c-5' }] });
    });
    await rollbackNextBatch(db, 'import-1', '2026-12-01T00:00:00.000Z');
    expect((await rollbackNextBatch(db, 'import-1', '2026-12-01T00:00:00.000Z')).state).toBe('rolled-back');
    expect(await allContacts(db)).toEqual([...v4Contacts].sort((a, b) => a.id.localeCompare(b.id)));
    db.close();
  });
});
