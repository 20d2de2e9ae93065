/**
 * What a sync does beyond copying records: a field emptied in the CRM is emptied in Glance (and one
 * the CRM did not send keeps its value), a deleted renewal deal takes back the renewal date and ARR it
 * fed, and switching from the whole CRM to her book removes the accounts that are no longer hers,
 * except those holding what she added in Glance, and says so.
 */
import { getContact, putContacts } from '../../../lib/store/contacts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PullPage, SyncObject } from '../../../lib/connectors/types';
import type { GlanceDB } from '../../../lib/store/db';
import { accountId, FakeCrm } from './fake-crm';
import { startSyncService } from './setup';

const open: GlanceDB[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

/** The fake CRM, with extra pages to hand out per object (deal pages, emptied fields) on the next pulls. */
function service(crm: FakeCrm) {
  const extra: Partial<Record<SyncObject, Array<Partial<PullPage>>>> = {};
  const s = startSyncService({
    connectors: {
      hubspot: () => {
        const connector = crm.connector();
        connector.pull = vi.fn(async (object: SyncObject, cursor: string | null) => {
          const page = await crm.pull(object, cursor);
          const added = extra[object]?.shift();
          return added ? { ...page, ...added, records: { ...page.records, ...added.records } } : page;
        });
        return connector;
      },
    },
  });
  open.push(s.db);
  const syncAgain = async () => {
    s.clock.advance(15 * 60_000);
    await s.engine.syncSource('hubspot');
  };
  return { ...s, extra, syncAgain };
}

describe('fields emptied in the CRM', () => {
  it('are emptied in Glance; a field the CRM did not send keeps its value', async () => {
    const crm = new FakeCrm();
    crm.company(1, 'Acme', 'ana@northpeak.io', { arr: 120_000, renewalDate: '2027-03-01', tier: 'enterprise' });
    const s = service(crm);
    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    await s.connectHubSpot();
    expect(await s.db.accounts.get(accountId(1))).toMatchObject({ arr: 120_000, renewalDate: '2027-03-01', tier: 'enterprise' });

    // The CRM answers ARR and renewal date empty; tier is not in its answer at all.
    crm.company(1, 'Acme', 'ana@northpeak.io', {});
    s.extra.companies = [{ cleared: { [accountId(1)]: ['arr', 'renewalDate'] } }];
    await s.syncAgain();
    const acme = await s.db.accounts.get(accountId(1));
    expect(acme?.arr).toBeUndefined();
    expect(acme?.renewalDate).toBeUndefined();
    expect(acme?.tier).toBe('enterprise');
  });
});

describe('renewal deals', () => {
  const deal = (id: string, renewalDate: string, amount?: number) => ({
    accountId: accountId(1),
    dealId: id,
    renewalDate,
    ...(amount !== undefined ? { amount } : {}),
    closed: false,
  });

  it('the renewal date is the soonest open renewal; a deleted or closed deal gives way to the next, then to none', async () => {
    const crm = new FakeCrm();
    crm.company(1, 'Acme');
    const s = service(crm);
    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    s.extra.deals = [{ renewals: [deal('hubspot:deal:1', '2027-02-01', 90_000), deal('hubspot:deal:2', '2027-06-01', 95_000)] }];
    await s.connectHubSpot();
    expect(await s.db.accounts.get(accountId(1))).toMatchObject({ renewalDate: '2027-02-01', arr: 90_000 });

    s.extra.deals = [{ deletedDeals: ['hubspot:deal:1'] }];
    await s.syncAgain();
    expect(await s.db.accounts.get(accountId(1))).toMatchObject({ renewalDate: '2027-06-01', arr: 95_000 });

    s.extra.deals = [{ renewals: [{ ...deal('hubspot:deal:2', '2027-06-01'), closed: true }] }];
    await s.syncAgain();
    const acme = await s.db.accounts.get(accountId(1));
    expect(acme?.renewalDate).toBeUndefined();
    expect(acme?.arr).toBeUndefined();
    expect(acme?.name).toBe('Acme');
  });

  it("a deleted deal leaves the account's own ARR and a renewal date the CRM's account record set alone", async () => {
    const crm = new FakeCrm();
    crm.company(1, 'Acme', 'ana@northpeak.io', { arr: 150_000, renewalDate: '2027-01-15' });
    const s = service(crm);
    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    s.extra.deals = [{ renewals: [deal('hubspot:deal:1', '2027-05-01', 90_000)] }];
    await s.connectHubSpot();
    expect(await s.db.accounts.get(accountId(1))).toMatchObject({ renewalDate: '2027-01-15', arr: 150_000 });
    s.extra.deals = [{ deletedDeals: ['hubspot:deal:1'] }];
    await s.syncAgain();
    expect(await s.db.accounts.get(accountId(1))).toMatchObject({ renewalDate: '2027-01-15', arr: 150_000 });
  });
});

describe('switching from the whole CRM to her book', () => {
  it('removes the accounts that are not hers with what the CRM brought, keeps those holding her own data, and says so', async () => {
    const crm = new FakeCrm();
    crm.company(1, 'Acme');
    crm.company(2, 'Initech', 'bo@northpeak.io');
    crm.company(3, 'Umbrella', 'bo@northpeak.io');
    crm.company(4, 'Hooli', 'bo@northpeak.io');
    crm.contact(21, 2, 'peter@initech.com');
    crm.contact(31, 3, 'alice@umbrella.com');
    const s = service(crm);
    await s.run('sync.configure', { source: 'hubspot', herBook: false, ownerEmail: 'ana@northpeak.io' });
    await s.connectHubSpot();
    expect(await s.db.accounts.count()).toBe(4);
    // She logged a promise on Umbrella and added a contact to Hooli by hand; an imported account is hers too.
    await s.db.commitments.put({
      id: 'c-umbrella',
      accountId: accountId(3),
      text: 'Send the SOC 2 report',
      kind: 'sales-promise',
      owner: 'us',
      status: 'open',
    });
    await putContacts(s.db, [
      { id: 'ct-hooli-ann', accountId: accountId(4), name: 'Ann', email: 'ann@hooli.com', _email: 'ann@hooli.com' },
    ]);
    await s.db.accounts.put({ id: 'imported-wayne', name: 'Wayne', _domains: [], _name: 'wayne' });

    s.clock.advance(60_000);
    await s.run('sync.configure', { source: 'hubspot', herBook: true });
    await s.engine.syncSource('hubspot');

    expect((await s.db.accounts.toArray()).map((a) => a.name).sort()).toEqual(['Acme', 'Hooli', 'Umbrella', 'Wayne']);
    expect(await getContact(s.db, 'fake:con:21')).toBeUndefined();
    expect(await s.db.commitments.get('c-umbrella')).toBeDefined();
    expect(await getContact(s.db, 'fake:con:31')).toBeDefined();
    const status = await s.source('hubspot');
    expect(status.notice).toBe(
      'Removed 1 HubSpot company no longer in your book, with their synced contacts, tickets and activities. ' +
        'Kept 2 HubSpot companies no longer in your book because they hold what you added in Glance (commitments, logged emails, contacts or usage): Umbrella, Hooli.',
    );
    expect(status.lastResult).toContain('1 removed');
    expect(s.broadcast).toHaveBeenCalledWith(expect.objectContaining({ accountIds: [accountId(2)] }));
  });

  it('while a sync runs starts that run over under the new rule, rather than carrying on from where it was', async () => {
    const crm = new FakeCrm();
    crm.company(1, 'Acme');
    crm.company(2, 'Initech', 'bo@northpeak.io');
    crm.contact(11, 1, 'wile@acme.com');
    crm.contact(21, 2, 'peter@initech.com');
    let holdContacts = true;
    let reached = () => undefined as void;
    const atContacts = new Promise<void>((resolve) => (reached = resolve));
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const s = startSyncService({
      connectors: {
        hubspot: () => {
          const connector = crm.connector();
          connector.pull = vi.fn(async (object: SyncObject, cursor: string | null) => {
            if (object === 'contacts' && holdContacts) {
              holdContacts = false;
              reached();
              await held;
            }
            return crm.pull(object, cursor);
          });
          return connector;
        },
      },
    });
    open.push(s.db);
    await s.run('sync.configure', { source: 'hubspot', herBook: false, ownerEmail: 'ana@northpeak.io' });
    const firstSync = s.connectHubSpot();
    await atContacts;
    // The whole CRM's companies are stored (both), and its contacts are on their way.
    await vi.waitFor(async () => expect(await s.db.accounts.count()).toBe(2));
    s.clock.advance(60_000);
    // Her book, switched on while the whole CRM's contacts are on their way.
    await s.run('sync.configure', { source: 'hubspot', herBook: true });
    release();
    await firstSync;
    await s.engine.syncSource('hubspot');

    expect((await s.db.accounts.toArray()).map((a) => a.name)).toEqual(['Acme']);
    expect(await getContact(s.db, 'fake:con:11')).toBeDefined();
    expect(await getContact(s.db, 'fake:con:21')).toBeUndefined();
    expect(crm.pulls.filter((p) => p.object === 'companies').length).toBeGreaterThanOrEqual(2);
    expect((await s.source('hubspot')).state).toBe('ok');
  });
});
