// @vitest-environment node
/**
 * The real HubSpot connector against the fake HubSpot API over HTTP: every page of a first sync, an
 * incremental pull that sees an edit and an archived record, a window of more than 10,000 tied
 * changes, a 429 whose Retry-After is honoured, and a promise pushed twice that is one task.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotConnector, type HubSpotConnector, type HubSpotPullPage } from '../../../lib/connectors/hubspot/index';
import type { SyncObject } from '../../../lib/connectors/types';
import type { OutboxEntry } from '../../../lib/store/db';
import { fetchTo } from '../../fakes/http.mjs';
import { HUBSPOT_TOKEN, startHubSpotFake } from '../../fakes/hubspot.mjs';

type Fake = Awaited<ReturnType<typeof startHubSpotFake>>;
let fake: Fake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A clock whose sleeps pass at once but are remembered, so waits are checked without waiting. */
function virtualClock() {
  let offset = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now() + offset,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      offset += ms;
    },
  };
}

/** Without a clock the connector keeps its budget in real time, which is what the fake counts in. */
function connect(f: Fake, clock?: ReturnType<typeof virtualClock>, maxAttempts?: number): HubSpotConnector {
  return createHubSpotConnector({
    accessToken: HUBSPOT_TOKEN,
    fetch: fetchTo(f.httpOrigin!),
    ...(clock ? { clock } : {}),
    ...(maxAttempts ? { maxAttempts } : {}),
    random: () => 0.5,
    now: () => new Date(f.clock.now()),
  });
}

/** Pulls an object until the connector says this run is over; returns what a sync would store. */
async function run(connector: HubSpotConnector, object: SyncObject, cursor: string | null) {
  const pages: HubSpotPullPage[] = [];
  let page: HubSpotPullPage;
  do {
    page = await connector.pull(object, cursor);
    pages.push(page);
    cursor = page.cursor;
  } while (page.more);
  return {
    cursor,
    accounts: pages.flatMap((p) => p.records.accounts ?? []),
    contacts: pages.flatMap((p) => p.records.contacts ?? []),
    tickets: pages.flatMap((p) => p.records.tickets ?? []),
    renewals: pages.flatMap((p) => p.renewals ?? []),
    deleted: pages.flatMap((p) => Object.values(p.deleted ?? {}).flat()),
  };
}

const OBJECTS: SyncObject[] = ['companies', 'contacts', 'deals', 'tickets'];

describe('HubSpot connector against the fake portal', () => {
  it('verifies the token by showing the portal, and refuses a wrong token with a reconnect message', async () => {
    fake = await startHubSpotFake({ http: true });
    await expect(connect(fake).verify()).resolves.toEqual({
      label: `HubSpot portal ${fake.portalId} (app.hubspot.com)`,
      accountUrlPrefix: `https://app.hubspot.com/contacts/${fake.portalId}/record/0-2/`,
    });
    const wrong = createHubSpotConnector({ accessToken: 'pat-na1-wrong', fetch: fetchTo(fake.httpOrigin!) });
    await expect(wrong.verify()).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/reconnect with a new private-app token/),
    });
  });

  it('an expired token is told apart, and a body that is not JSON is retried rather than stored', async () => {
    fake = await startHubSpotFake({ http: true, seed: { companies: 2 } });
    const clock = virtualClock();
    fake.failNext('/crm/v3/objects/companies', { as: 'malformed' });
    const got = await run(connect(fake, clock), 'companies', null);
    expect(got.accounts).toHaveLength(2);
    expect(fake.log.filter((r) => r.path === '/crm/v3/objects/companies')).toHaveLength(2);
    fake.expireToken();
    await expect(connect(fake).verify()).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/401, expired/) });
  });

  it('a first sync reads every page of every object, with owners and primary companies', async () => {
    fake = await startHubSpotFake({ http: true, seed: { companies: 230, contactsPerCompany: 2, owners: 3 } });
    const connector = connect(fake);
    await connector.pull('owners', null);
    const got = Object.fromEntries(await Promise.all(OBJECTS.map(async (o) => [o, await run(connector, o, null)] as const)));
    expect(got.companies.accounts).toHaveLength(230);
    expect(got.contacts.contacts).toHaveLength(460);
    expect(got.tickets.tickets).toHaveLength(230);
    expect(got.deals.renewals).toHaveLength(230);
    const acme = got.companies.accounts.find((a) => a.domains?.includes('acmerobotics.com'));
    expect(acme).toMatchObject({ name: 'Acme Robotics', owner: 'casey.morgan@northpeak.io' });
    const dana = got.contacts.contacts.find((c) => c.email === 'dana.whitfield@acmerobotics.com');
    expect(dana?.accountId).toBe(acme?.id);
    // 230 companies at 100 a page: three list calls, the later two carrying paging.next.after.
    const companyLists = fake.log.filter((r) => r.method === 'GET' && r.path === '/crm/v3/objects/companies');
    expect(companyLists).toHaveLength(3);
    expect(companyLists.filter((r) => /[?&]after=/.test(r.query))).toHaveLength(2);
    expect(fake.log.every((r) => r.status < 400)).toBe(true);
  });

  it('an incremental pull picks up an edited company and an archived contact, and nothing else', async () => {
    fake = await startHubSpotFake({ http: true, seed: { companies: 30 } });
    const connector = connect(fake);
    const first = { companies: await run(connector, 'companies', null), contacts: await run(connector, 'contacts', null) };
    fake.clock.advance(60_000);
    const [company] = fake.records('companies').filter((c) => c.properties.name === 'Company 00007');
    fake.edit('companies', company.id, { name: 'Company Seven Renamed' });
    const contact = fake.records('contacts')[3];
    fake.archive('contacts', contact.id);
    fake.clock.advance(60_000);

    const companies = await run(connector, 'companies', first.companies.cursor);
    expect(companies.accounts.map((a) => [a.id, a.name])).toEqual([[`hubspot:company:${company.id}`, 'Company Seven Renamed']]);
    const contacts = await run(connector, 'contacts', first.contacts.cursor);
    expect(contacts.contacts).toEqual([]);
    expect(contacts.deleted).toEqual([`hubspot:contact:${contact.id}`]);
  });

  it('an edit that search had not indexed yet during one sync is picked up by the next, through the lookback', async () => {
    fake = await startHubSpotFake({ http: true, seed: { companies: 5 }, searchLagMs: 30_000 });
    const connector = connect(fake);
    const first = await run(connector, 'companies', null);
    fake.clock.advance(60_000);
    const company = fake.records('companies')[2];
    fake.edit('companies', company.id, { name: 'Edited Just Before The Sync' });
    const unseen = await run(connector, 'companies', first.cursor);
    expect(unseen.accounts).toEqual([]);
    fake.clock.advance(15 * 60_000);
    const next = await run(connector, 'companies', unseen.cursor);
    expect(next.accounts.map((a) => a.name)).toEqual(['Edited Just Before The Sync']);
  });

  it('a window of more than 10,000 changes with one modification time is read whole, without paging past the search cap', async () => {
    fake = await startHubSpotFake({ http: true, seed: { companies: 2, contactsPerCompany: 1 } });
    // Over 50 searches at the edge of 5 per second: on a loaded machine network jitter can bunch a
    // few together at the fake, which answers 429 as HubSpot would; the client may back off more often.
    const connector = connect(fake, undefined, 8);
    const first = await run(connector, 'contacts', null);
    fake.clock.advance(60_000);
    const at = fake.clock.now();
    const company = fake.records('companies')[0].id;
    for (let i = 0; i < 10_050; i++)
      fake.create('contacts', { email: `bulk${i}@acmerobotics.com`, firstname: 'Bulk', lastname: String(i) }, [company], at);
    fake.clock.advance(1000);

    const changed = await run(connector, 'contacts', first.cursor);
    const ids = changed.contacts.map((c) => c.id);
    expect(ids).toHaveLength(10_050);
    expect(new Set(ids).size).toBe(10_050);
    expect(fake.log.filter((r) => r.status === 400)).toEqual([]);
    // The cap is real in the fake: paging with `after` to the 10,001st result is refused (once the
    // search budget of this second, which the sync above may have used up, is free again).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const capped = await fetch(`${fake.httpOrigin}/crm/v3/objects/contacts/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${HUBSPOT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(at) }] }],
        limit: 100,
        after: '9950',
      }),
    });
    expect(capped.status).toBe(400);
  }, 120_000);

  it("a 429 is retried after HubSpot's Retry-After, and the private-app budget is enforced with policyName", async () => {
    fake = await startHubSpotFake({ http: true, seed: { companies: 5 } });
    const clock = virtualClock();
    fake.failNext('/crm/v3/objects/companies', { as: 429, retryAfter: 7 });
    const got = await run(connect(fake, clock), 'companies', null);
    expect(got.accounts).toHaveLength(5);
    expect(fake.log.filter((r) => r.path === '/crm/v3/objects/companies').map((r) => r.status)).toEqual([429, 200]);
    expect(Math.max(...clock.sleeps)).toBeGreaterThanOrEqual(7000);

    const search = () =>
      fetch(`${fake!.httpOrigin}/crm/v3/objects/companies/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${HUBSPOT_TOKEN}`, 'content-type': 'application/json' },
        body: '{"limit":1}',
      });
    const answers = await Promise.all(Array.from({ length: 7 }, search));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(await limited[0].json()).toMatchObject({ errorType: 'RATE_LIMIT', policyName: 'SECONDLY' });
  });

  describe('write-back', () => {
    const entry = (accountId: string): OutboxEntry => ({
      createdAt: '2026-12-01T10:00:00.000Z',
      entity: 'commitment',
      entityId: 'commitment-sso-guide',
      accountId,
      op: 'upsert',
      record: {
        id: 'commitment-sso-guide',
        accountId,
        text: 'Send the SSO setup guide by Friday',
        kind: 'sales-promise',
        owner: 'us',
        status: 'open',
        dueDate: '2026-12-11',
      },
      status: 'pending',
      attempts: 0,
    });

    it('the same outbox entry pushed twice is one task on the company', async () => {
      fake = await startHubSpotFake({ http: true, seed: { companies: 3 } });
      const company = fake.records('companies')[0];
      const connector = connect(fake);
      const first = await connector.push(entry(`hubspot:company:${company.id}`));
      const second = await connector.push(entry(`hubspot:company:${company.id}`));
      expect(second.remoteId).toBe(first.remoteId);
      expect(fake.tasks()).toHaveLength(1);
      expect(fake.tasks()[0]).toMatchObject({
        companyIds: [company.id],
        properties: { hs_task_status: 'NOT_STARTED', hs_timestamp: '2026-12-11T00:00:00Z' },
      });
    });

    it('a create that HubSpot stored but answered with a 500 is found, not made again, on the retry', async () => {
      fake = await startHubSpotFake({ http: true, seed: { companies: 3 } });
      const company = fake.records('companies')[0];
      const connector = connect(fake);
      fake.failNext(/^POST \/crm\/v3\/objects\/tasks$/, { as: 500, afterHandling: true });
      await expect(connector.push(entry(`hubspot:company:${company.id}`))).rejects.toMatchObject({ kind: 'transient' });
      expect(fake.tasks()).toHaveLength(1);
      const retry = await connector.push(entry(`hubspot:company:${company.id}`));
      expect(fake.tasks()).toHaveLength(1);
      expect(retry.remoteId).toBe(fake.tasks()[0].id);
    });

    it('the retry finds the task even while search has not caught up with the lost create yet', async () => {
      fake = await startHubSpotFake({ http: true, seed: { companies: 3 }, searchLagMs: 30_000 });
      const company = fake.records('companies')[0];
      const connector = connect(fake);
      fake.failNext(/^POST \/crm\/v3\/objects\/tasks$/, { as: 500, afterHandling: true });
      await expect(connector.push(entry(`hubspot:company:${company.id}`))).rejects.toMatchObject({ kind: 'transient' });
      await connector.push(entry(`hubspot:company:${company.id}`));
      expect(fake.tasks()).toHaveLength(1);
    });
  });
});
