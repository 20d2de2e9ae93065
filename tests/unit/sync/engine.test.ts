import { contactsOf, countContacts, getContact } from '../../../lib/store/contacts';
import { afterEach, describe, expect, it } from 'vitest';
import type { GlanceDB } from '../../../lib/store/db';
import { writeRecords } from '../../../lib/store/records';
import { accountId, FakeCrm } from './fake-crm';
import { startSyncService } from './setup';

const open: GlanceDB[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function portal() {
  const crm = new FakeCrm();
  crm.company(1, 'Acme');
  crm.company(2, 'Globex');
  crm.company(3, 'Initech', 'bo@northpeak.io');
  crm.contact(11, 1, 'wile@acme.com');
  crm.contact(12, 1, 'road@acme.com');
  crm.contact(21, 2, 'hank@globex.com');
  crm.contact(31, 3, 'peter@initech.com');
  return crm;
}

function service(crm: FakeCrm, dbName?: string) {
  const s = startSyncService({ dbName, connectors: { hubspot: () => crm.connector() } });
  open.push(s.db);
  return s;
}

describe('CRM sync engine', () => {
  it('first sync: reads every object in order, writes the whole portal, says what it did', async () => {
    const crm = portal();
    const s = service(crm);
    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    await s.connectHubSpot();

    expect((await s.db.accounts.toArray()).map((a) => a.name).sort()).toEqual(['Acme', 'Globex', 'Initech']);
    expect((await contactsOf(s.db, accountId(1))).length).toBe(2);
    expect([...new Set(crm.pulls.map((p) => p.object))]).toEqual(['owners', 'companies', 'contacts', 'deals', 'tickets', 'activities']);
    const status = await s.source('hubspot');
    expect(status).toMatchObject({ state: 'ok', label: 'HubSpot portal 4242', lastSyncAt: '2026-11-05T10:00:00.000Z', owners: 2 });
    expect(status.lastResult).toBe('Synced 3 companies, 4 contacts (full sync), just now');
    // The sidebar's view says where the account came from, with the link to the CRM record.
    expect((await s.run('account.view', { accountId: accountId(1) }))?.sync).toEqual({
      source: 'hubspot',
      at: '2026-11-05T10:00:00.000Z',
      crmId: '1',
      url: 'https://app.hubspot.com/contacts/4242/record/0-2/1',
    });
  });

  it('updates an account imported earlier with the same HubSpot id instead of adding a second one', async () => {
    const crm = portal();
    const s = service(crm);
    await writeRecords(
      s.db,
      {
        accounts: [
          { id: 'acc-acme', name: 'ACME (import)', crm: { hubspotId: '1' }, goals: [{ text: 'Roll out to EMEA', status: 'on-track' }] },
        ],
      },
      { at: '2026-11-01T00:00:00.000Z', source: 'file', name: 'acme.json', rejected: 0 },
    );
    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    await s.connectHubSpot();

    expect(await s.db.accounts.where('_hs').equals('1').toArray()).toMatchObject([
      { id: 'acc-acme', name: 'Acme', goals: [{ text: 'Roll out to EMEA' }] },
    ]);
    expect(await s.db.accounts.get(accountId(1))).toBeUndefined();
    expect((await contactsOf(s.db, 'acc-acme')).map((c) => c.email).sort()).toEqual(['road@acme.com', 'wile@acme.com']);
  });

  it('incremental sync picks up an edit and a deletion, and reads only what changed', async () => {
    const crm = portal();
    const s = service(crm);
    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    await s.connectHubSpot();

    crm.company(2, 'Globex Corporation');
    crm.remove('fake:con:12');
    s.clock.advance(15 * 60_000);
    await s.run('sync.now', {});
    await s.engine.syncSource('hubspot');

    expect((await s.db.accounts.get(accountId(2)))?.name).toBe('Globex Corporation');
    expect(await getContact(s.db, 'fake:con:12')).toBeUndefined();
    expect(await countContacts(s.db)).toBe(3);
    expect((await s.source('hubspot')).lastResult).toBe('Synced 1 company, 1 removed, just now');
  });

  it('a company deleted in the CRM leaves the book, not only the database', async () => {
    const crm = portal();
    const s = service(crm);
    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    await s.connectHubSpot();
    const bookNames = async () => {
      const query = { scope: 'all' as const, filters: [], text: '', sort: { key: 'name' as const, direction: 'asc' as const } };
      return (await s.run('book.query', { query, offset: 0, limit: 50 })).rows.map((row) => row.name);
    };
    expect(await bookNames()).toEqual(['Acme', 'Globex', 'Initech']);

    crm.remove(accountId(2));
    s.clock.advance(15 * 60_000);
    await s.engine.syncSource('hubspot');

    expect(await s.db.accounts.get(accountId(2))).toBeUndefined();
    expect(await bookNames()).toEqual(['Acme', 'Initech']);
  });

  it('a worker stopped in the middle of a sync: the next one resumes from the stored cursor, no page twice and none lost', async () => {
    const crm = portal();
    const first = service(crm);
    await first.run('sync.configure', { source: 'hubspot', herBook: false });
    // owners, companies page 1, companies page 2, then the worker stops while reading contacts.
    crm.stopAtPull = 4;
    await first.run('sync.connect', { source: 'hubspot', accessToken: 'pat-na1-test-token' });
    await vi.waitFor(async () => expect(await first.db.accounts.count()).toBe(3));
    expect(await countContacts(first.db)).toBe(0);
    expect((await first.source('hubspot')).state).toBe('syncing');

    crm.stopAtPull = undefined;
    const pullsBefore = crm.pulls.length;
    const second = service(crm, first.dbName);
    await second.engine.resume();

    // It starts with the contacts, where the first worker stopped: owners and companies are not read again.
    expect(crm.pulls[pullsBefore]).toMatchObject({ object: 'contacts', cursor: null });
    expect(crm.pulls.slice(pullsBefore).some((p) => p.object === 'companies')).toBe(false);
    expect(await countContacts(second.db)).toBe(4);
    const status = await second.source('hubspot');
    expect(status.state).toBe('ok');
    expect(status.lastResult).toBe('Synced 3 companies, 4 contacts (full sync), just now');
  });

  it('when the CRM no longer has the changes since the cursor, reads everything again and says so', async () => {
    const crm = portal();
    const s = service(crm);
    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    await s.connectHubSpot();
    crm.company(1, 'Acme Inc');
    crm.forgottenBefore = crm.version + 1;
    s.clock.advance(20 * 24 * 3600_000);
    await s.engine.syncSource('hubspot');

    const status = await s.source('hubspot');
    expect(status.state).toBe('ok');
    expect(status.notice).toMatch(/read everything again/);
    expect(status.lastResult).toMatch(/^Synced 3 companies, 4 contacts \(full sync\)/);
    expect((await s.db.accounts.get(accountId(1)))?.name).toBe('Acme Inc');
  });

  it('her book: only the accounts she owns in the CRM, with their contacts; switching to the whole CRM resyncs', async () => {
    const crm = portal();
    const s = service(crm);
    await s.run('sync.configure', { source: 'hubspot', ownerEmail: 'Ana@northpeak.io' });
    await s.connectHubSpot();

    expect((await s.db.accounts.toArray()).map((a) => a.name).sort()).toEqual(['Acme', 'Globex']);
    expect(await getContact(s.db, 'fake:con:31')).toBeUndefined();
    const status = await s.source('hubspot');
    expect(status).toMatchObject({ herBook: true, ownerEmail: 'ana@northpeak.io', ownerKnown: true });
    expect(status.lastResult).toBe('Synced 2 companies, 3 contacts, 2 left out (full sync), just now');

    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    await s.engine.syncSource('hubspot');
    expect(await s.db.accounts.count()).toBe(3);
    expect(await getContact(s.db, 'fake:con:31')).toBeDefined();
  });
});
