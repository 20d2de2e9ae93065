import { describe, expect, it } from 'vitest';
import { createSalesforceConnector } from '../../../../lib/connectors/salesforce/index';
import type { PullPage } from '../../../../lib/connectors/types';
import { FakeOrg } from './fake-org';
import { fakeFetch, fixture, HAS_RECORDED, NO_RECORDED_REASON, noSleep, recorded, TOKENS } from './support';

const account = (Id: string, Name: string, SystemModstamp: string, extra: Record<string, unknown> = {}) => ({
  attributes: { type: 'Account' },
  Id,
  Name,
  Website: null,
  OwnerId: null,
  AnnualRevenue: null,
  SystemModstamp,
  Opportunities: null,
  ...extra,
});

// Three accounts changed in the same second: the page edge (2 per page) falls between them.
const A = account('001dM00003jU9GxQAK', 'Edge Communications', '2026-11-20T10:00:00.000+0000');
const B = account('001dM00003jU9GyQAK', 'Burlington Textiles', '2026-11-20T10:00:00.000+0000');
const C = account('001dM00003jU9H7QAK', 'GenePoint', '2026-11-20T10:00:00.000+0000');

function setup(org: FakeOrg, start = '2026-11-25T09:00:00.000Z') {
  const fake = fakeFetch(org.handle);
  const clock = { now: new Date(start) };
  const connector = createSalesforceConnector({
    fetch: fake.fetch,
    tokens: () => TOKENS,
    refresh: async () => TOKENS,
    now: () => clock.now,
    sleep: noSleep,
    externalIdField: null,
  });
  return { connector, calls: fake.calls, clock };
}

/** Pulls until the run says no more, as the engine does, storing each page's cursor. */
async function run(connector: ReturnType<typeof setup>['connector'], object: Parameters<typeof connector.pull>[0], cursor: string | null) {
  const pages: PullPage[] = [];
  let page: PullPage;
  do {
    page = await connector.pull(object, cursor);
    pages.push(page);
    cursor = page.cursor;
  } while (page.more && !page.resyncRequired);
  return { pages, cursor, names: pages.flatMap((p) => (p.records.accounts ?? []).map((a) => a.name)) };
}

describe('pulling accounts', () => {
  it('reads everything on the first run, page by page through nextRecordsUrl', async () => {
    const org = new FakeOrg(2);
    org.add('Account', C, A, B);
    const { connector, calls } = setup(org);
    const first = await run(connector, 'companies', null);
    expect(first.names).toEqual(['Edge Communications', 'Burlington Textiles', 'GenePoint']);
    expect(first.pages.map((p) => p.more)).toEqual([true, false]);
    expect(calls[0].soql).toMatch(
      /^SELECT Id, Name, Website, OwnerId, SystemModstamp, AnnualRevenue, \(SELECT .* FROM Opportunities .*\) FROM Account ORDER BY SystemModstamp, Id$/,
    );
    expect(new URL(calls[1].url).pathname).toMatch(/^\/services\/data\/v62.0\/query\/01gxx/);
  });

  it('next run reads only what changed, including a record that shares the last stamp (tie at the window edge)', async () => {
    const org = new FakeOrg(2);
    org.add('Account', A, B, C);
    const { connector, calls } = setup(org);
    const first = await run(connector, 'companies', null);
    const D = account('001dM00003kSQJvQAO', 'Dickenson', '2026-11-20T10:00:00.000+0000');
    org.add('Account', D, { ...A, Name: 'Edge Communications Ltd', SystemModstamp: '2026-11-24T08:00:00.000+0000' });
    org.tables.Account.shift();
    const second = await run(connector, 'companies', first.cursor);
    expect(second.names).toEqual(['Dickenson', 'Edge Communications Ltd']);
    expect(calls.at(-1)!.soql).toContain(
      "WHERE SystemModstamp > 2026-11-20T10:00:00Z OR (SystemModstamp = 2026-11-20T10:00:00Z AND Id > '001dM00003jU9H7QAK')",
    );
  });

  it('starts again from the last record read when the query locator has expired', async () => {
    const org = new FakeOrg(2);
    org.add('Account', A, B, C);
    const { connector } = setup(org);
    const page1 = await connector.pull('companies', null);
    org.expire();
    const page2 = await connector.pull('companies', page1.cursor);
    expect(page2.records.accounts?.map((a) => a.name)).toEqual(['GenePoint']);
    expect(page2.more).toBe(false);
  });

  it('reports accounts deleted since the last run and moves the deletion mark', async () => {
    const org = new FakeOrg(2);
    org.add('Account', A);
    const { connector, calls, clock } = setup(org, '2026-11-29T09:00:00.000Z');
    const first = await run(connector, 'companies', null);
    clock.now = new Date('2026-12-01T09:00:00.000Z');
    org.deleted.Account = { answer: { status: 200, body: fixture('deleted-accounts.json') } };
    const page = await connector.pull('companies', first.cursor);
    expect(page.deleted).toEqual({ accounts: ['salesforce:001dM00003jU9H7QAK'] });
    const deletedCall = calls.find((c) => c.path.includes('/deleted/'))!;
    expect(deletedCall.path).toBe(
      '/services/data/v62.0/sobjects/Account/deleted/?start=2026-11-29T09%3A00%3A00Z&end=2026-12-01T09%3A00%3A00Z',
    );
    expect(JSON.parse(page.cursor!).parts.Account.deletedFrom).toBe('2026-12-01T09:00:00.000Z');
  });

  it('asks for a full resync when the last run is older than the 15 days Salesforce keeps deletions', async () => {
    const org = new FakeOrg(2);
    org.add('Account', A);
    const { connector, calls, clock } = setup(org, '2026-11-01T09:00:00.000Z');
    const first = await run(connector, 'companies', null);
    clock.now = new Date('2026-11-16T09:01:00.000Z');
    const before = calls.length;
    const page = await connector.pull('companies', first.cursor);
    expect(page).toEqual({ records: {}, cursor: null, more: false, resyncRequired: true });
    expect(calls).toHaveLength(before);
  });

  it('asks for a full resync when Salesforce no longer has deletions back to the mark', async () => {
    const org = new FakeOrg(2);
    org.add('Account', A);
    const { connector, clock } = setup(org, '2026-11-10T09:00:00.000Z');
    const first = await run(connector, 'companies', null);
    clock.now = new Date('2026-11-20T09:00:00.000Z');
    org.deleted.Account = {
      answer: {
        status: 200,
        body: {
          deletedRecords: [],
          earliestDateAvailable: '2026-11-12T00:00:00.000+0000',
          latestDateCovered: '2026-11-20T09:00:00.000+0000',
        },
      },
    };
    expect((await connector.pull('companies', first.cursor)).resyncRequired).toBe(true);
  });

  it("learns owners' emails: from the owners pull, else with one User query per page", async () => {
    const org = new FakeOrg(10);
    org.add('Account', { ...A, OwnerId: '005dM00000aYf0qQAC' });
    org.add('User', ...fixture<{ records: never[] }>('query-users.json').records);
    const cold = setup(org);
    const page = await cold.connector.pull('companies', null);
    expect(page.records.accounts?.[0].owner).toBe('maya.chen@example.com');
    expect(cold.calls.filter((c) => /FROM User WHERE Id IN \('005dM00000aYf0qQAC'\)/.test(c.soql ?? ''))).toHaveLength(1);

    const warm = setup(org);
    const owners = await warm.connector.pull('owners', null);
    expect(owners).toMatchObject({ records: {}, more: false });
    // The engine keeps them: her book is the accounts whose owner has her email.
    expect(owners.owners).toContainEqual(expect.objectContaining({ id: '005dM00000aYf0qQAC', email: 'maya.chen@example.com' }));
    expect((await warm.connector.pull('companies', null)).records.accounts?.[0].owner).toBe('maya.chen@example.com');
    expect(warm.calls.filter((c) => /FROM User WHERE Id IN/.test(c.soql ?? ''))).toHaveLength(0);
  });
});

describe('pulling other objects', () => {
  it('activities read Task pages, then Event pages, in one run', async () => {
    const org = new FakeOrg(10);
    org.add('Task', ...fixture<{ records: never[] }>('query-tasks.json').records);
    org.add('Event', ...fixture<{ records: never[] }>('query-events.json').records);
    const { connector } = setup(org);
    const tasks = await connector.pull('activities', null);
    expect(tasks.records.activities?.map((a) => a.type)).toEqual(['call', 'email']);
    expect(tasks.more).toBe(true);
    const events = await connector.pull('activities', tasks.cursor);
    expect(events.records.activities?.map((a) => a.type)).toEqual(['qbr']);
    expect(events.more).toBe(false);
    const again = await connector.pull('activities', events.cursor);
    expect(again.records.activities).toEqual([]);
  });

  it("a changed renewal opportunity re-reads its account whole, with the renewal's close date", async () => {
    const org = new FakeOrg(10);
    const renewal = { Id: '006dM00000Mw7VtQAJ', Type: 'Renewal', CloseDate: '2027-02-28', Amount: 50000, IsClosed: false };
    org.add('Account', { ...B, Opportunities: { totalSize: 1, done: true, records: [renewal] } });
    org.add('Opportunity', { Id: '006dM00000Mw7VtQAJ', AccountId: B.Id, SystemModstamp: '2026-11-21T10:00:00.000+0000' });
    const { connector } = setup(org);
    const page = await connector.pull('deals', null);
    expect(page.records.accounts).toEqual([
      { id: `salesforce:${B.Id}`, name: 'Burlington Textiles', crm: { salesforceId: B.Id }, renewalDate: '2027-02-28' },
    ]);
  });

  it('contacts and cases map as they arrive, with the cursor past the last one', async () => {
    const org = new FakeOrg(10);
    org.add('Contact', ...fixture<{ records: never[] }>('query-contacts.json').records);
    org.add('Case', ...fixture<{ records: never[] }>('query-cases.json').records);
    const { connector } = setup(org);
    expect((await connector.pull('contacts', null)).records.contacts?.map((c) => c.email)).toEqual(['ana.silva@northpeak.co.uk']);
    const cases = await connector.pull('tickets', null);
    expect(cases.records.tickets?.map((t) => t.priority)).toEqual(['P2', 'P4']);
    expect(JSON.parse(cases.cursor!).parts.Case).toMatchObject({ modstamp: '2026-05-01T07:25:37.000Z', lastId: '500dM00003F2OMlQAN' });
  });
});

describe.skipIf(!HAS_RECORDED)(`pull on recorded shapes (skipped when ${NO_RECORDED_REASON})`, () => {
  it('reads the recorded deleted-records answer into Glance ids of the right record type', async () => {
    const org = new FakeOrg(10);
    const { connector, clock } = setup(org, '2013-05-03T16:00:00.000Z');
    const first = await connector.pull('tickets', null);
    clock.now = new Date('2013-05-08T21:20:00.000Z');
    org.deleted.Case = { answer: { status: 200, body: recorded('get-deleted.json').body } };
    const page = await connector.pull('tickets', first.cursor);
    expect(page.deleted).toEqual({ tickets: ['salesforce:a00D0000008pQRAIA2'] });
    expect(JSON.parse(page.cursor!).parts.Case.deletedFrom).toBe('2013-05-08T21:20:00.000Z');
  });
});
