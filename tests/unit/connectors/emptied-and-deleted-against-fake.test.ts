// @vitest-environment node
/**
 * The real connectors against the fakes: a field emptied in the CRM comes back as cleared (not as a
 * field left out), an archived HubSpot deal is named so the store can take back what it fed, and a
 * deleted Salesforce Opportunity makes its account read again with the renewal date it no longer has.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotConnector } from '../../../lib/connectors/hubspot/index';
import { createSalesforceConnector } from '../../../lib/connectors/salesforce/index';
import type { Connector, PullPage, SyncObject } from '../../../lib/connectors/types';
import { fetchTo } from '../../fakes/http.mjs';
import { HUBSPOT_TOKEN, startHubSpotFake } from '../../fakes/hubspot.mjs';
import { startSalesforceFake } from '../../fakes/salesforce.mjs';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function run(connector: Connector, object: SyncObject, cursor: string | null) {
  const pages: PullPage[] = [];
  let page: PullPage;
  do {
    page = await connector.pull(object, cursor);
    pages.push(page);
    cursor = page.cursor;
  } while (page.more && !page.resyncRequired);
  return {
    cursor,
    accounts: pages.flatMap((p) => p.records.accounts ?? []),
    cleared: Object.assign({}, ...pages.map((p) => p.cleared ?? {})) as Record<string, string[]>,
    deletedDeals: pages.flatMap((p) => p.deletedDeals ?? []),
  };
}

describe('HubSpot', () => {
  async function setUp() {
    const fake = await startHubSpotFake({ http: true, seed: { companies: 4 } });
    close = fake.close;
    const connector = createHubSpotConnector({
      accessToken: HUBSPOT_TOKEN,
      fetch: fetchTo(fake.httpOrigin!),
      random: () => 0.5,
      now: () => new Date(fake.clock.now()),
    });
    return { fake, connector };
  }

  it('a company whose annual revenue and tier were emptied comes back with both cleared, the others untouched', async () => {
    const { fake, connector } = await setUp();
    const first = await run(connector, 'companies', null);
    const [emptied, kept] = fake.records('companies');
    expect(first.accounts.find((a) => a.id === `hubspot:company:${emptied.id}`)).toMatchObject({
      arr: expect.any(Number),
      tier: expect.any(String),
    });
    fake.clock.advance(60_000);
    fake.edit('companies', emptied.id, { annualrevenue: null, hs_ideal_customer_profile: '' });
    fake.clock.advance(60_000);
    const next = await run(connector, 'companies', first.cursor);
    const account = next.accounts.find((a) => a.id === `hubspot:company:${emptied.id}`);
    expect(account?.arr).toBeUndefined();
    expect(next.cleared[`hubspot:company:${emptied.id}`]).toEqual(expect.arrayContaining(['arr', 'tier']));
    expect(next.cleared[`hubspot:company:${emptied.id}`]).not.toContain('owner');
    expect(next.cleared[`hubspot:company:${kept.id}`]).toBeUndefined();
  });

  it('an archived renewal deal is named among the deleted deals', async () => {
    const { fake, connector } = await setUp();
    const first = await run(connector, 'deals', null);
    const deal = fake.records('deals')[0];
    fake.clock.advance(60_000);
    fake.archive('deals', deal.id);
    fake.clock.advance(60_000);
    const next = await run(connector, 'deals', first.cursor);
    expect(next.deletedDeals).toEqual([`hubspot:deal:${deal.id}`]);
  });
});

describe('Salesforce', () => {
  async function setUp() {
    const fake = await startSalesforceFake({ http: true, seed: { accounts: 3 } });
    close = fake.close;
    const t = fake.issueTokens();
    const tokens = { accessToken: t.access_token, refreshToken: t.refresh_token, instanceUrl: t.instance_url, identityUrl: t.id };
    const connector = createSalesforceConnector({
      fetch: fetchTo(fake.httpOrigin!),
      tokens: () => tokens,
      refresh: async () => tokens,
      now: () => new Date(fake.clock.now()),
      sleep: async () => undefined,
    });
    return { fake, connector };
  }

  it('a deleted renewal Opportunity re-reads its account, whose renewal date is now cleared', async () => {
    const { fake, connector } = await setUp();
    const companies = await run(connector, 'companies', null);
    const deals = await run(connector, 'deals', null);
    const account = fake.records('Account')[0];
    const id = `salesforce:${String(account.Id)}`;
    expect(companies.accounts.find((a) => a.id === id)?.renewalDate).toBeDefined();
    const opportunity = fake.records('Opportunity').find((o: Record<string, unknown>) => o.AccountId === account.Id)!;
    fake.clock.advance(2 * 60_000);
    fake.delete('Opportunity', String(opportunity.Id));
    fake.clock.advance(2 * 60_000);
    const next = await run(connector, 'deals', deals.cursor);
    const reread = next.accounts.find((a) => a.id === id);
    expect(reread).toBeDefined();
    expect(reread?.renewalDate).toBeUndefined();
    expect(next.cleared[id]).toContain('renewalDate');
    expect(fake.log.some((r) => r.path.endsWith('/queryAll'))).toBe(true);
  });

  it('an account whose AnnualRevenue was emptied comes back with ARR cleared', async () => {
    const { fake, connector } = await setUp();
    const first = await run(connector, 'companies', null);
    const account = fake.records('Account')[1];
    fake.clock.advance(60_000);
    fake.edit('Account', String(account.Id), { AnnualRevenue: null });
    fake.clock.advance(60_000);
    const next = await run(connector, 'companies', first.cursor);
    const id = `salesforce:${String(account.Id)}`;
    expect(next.accounts.find((a) => a.id === id)?.arr).toBeUndefined();
    expect(next.cleared[id]).toContain('arr');
    expect(next.cleared[id]).not.toContain('renewalDate');
  });
});
