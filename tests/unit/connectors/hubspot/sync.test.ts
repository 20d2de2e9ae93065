/**
 * Pulling from HubSpot page by page: the first sync lists everything, later runs search for changes
 * and read what was archived, and the cursor the engine stores says where the next page starts.
 */
import { describe, expect, it } from 'vitest';
import { createHubSpotConnector } from '../../../../lib/connectors/hubspot/index';
import type { HubSpotObject } from '../../../../lib/connectors/hubspot/map';
import type { SyncObject } from '../../../../lib/connectors/types';
import {
  fakeClock,
  fakeFetch,
  fixture,
  json,
  recorded,
  recordingsAbsent,
  recordingsNote,
  type Answer,
  type SeenRequest,
} from './fake-hubspot';

type Filter = { propertyName: string; operator: string; value: string };
type SearchBody = { filterGroups: Array<{ filters: Filter[] }>; sorts: unknown; limit: number; after?: string; properties: string[] };

function connector(handler: (request: SeenRequest) => Answer) {
  const clock = fakeClock();
  const fake = fakeFetch(handler);
  const hubspot = createHubSpotConnector({
    accessToken: 'pat-test',
    fetch: fake.fetch,
    clock,
    random: () => 0,
    now: () => new Date(clock.now()),
  });
  return { hubspot, seen: fake.seen, clock };
}

/** A search endpoint that behaves as HubSpot's: filters, id order, `after` paging, and a 400 past 10,000 results. */
function searchAnswer(records: HubSpotObject[], body: SearchBody, modified: string): Answer {
  const filters = body.filterGroups[0].filters;
  const since = Number(filters.find((f) => f.propertyName === modified && f.operator === 'GTE')!.value);
  const above = Number(filters.find((f) => f.propertyName === 'hs_object_id' && f.operator === 'GT')?.value ?? 0);
  const after = Number(body.after ?? 0);
  if (after + body.limit > 10_000) return json(fixture('error-400-search-past-10000.json'), 400);
  const matching = records
    .filter((r) => Date.parse(r.properties[modified]!) >= since && Number(r.id) > above)
    .sort((a, b) => Number(a.id) - Number(b.id));
  const results = matching.slice(after, after + body.limit);
  return json({
    total: matching.length,
    results,
    ...(after + body.limit < matching.length ? { paging: { next: { after: String(after + body.limit) } } } : {}),
  });
}

async function drain(hubspot: ReturnType<typeof connector>['hubspot'], object: SyncObject, cursor: string | null) {
  const pages = [];
  let page;
  do {
    page = await hubspot.pull(object, page ? page.cursor : cursor);
    pages.push(page);
  } while (page.more);
  return pages;
}

/** A stored cursor for a search window opening at `since`. */
const searchWindow = (since: string) => JSON.stringify({ phase: 'search', since, lastId: '0', startedAt: since });

const company = (id: number, modified: string): HubSpotObject => ({
  id: String(id),
  properties: { name: `Company ${id}`, hs_object_id: String(id), hs_lastmodifieddate: modified },
});

describe('HubSpot first sync', () => {
  it('lists companies with `after` paging, owners resolved once, and ends in a search window reaching back 5 minutes', async () => {
    const { hubspot, seen, clock } = connector((r) => {
      if (r.url.pathname === '/crm/v3/owners') return json(fixture('owners.json'));
      return json(fixture(r.url.searchParams.get('after') === '9003' ? 'companies-page2.json' : 'companies-page1.json'));
    });
    const startedAt = new Date(clock.now()).toISOString();
    const first = await hubspot.pull('companies', null);
    expect(first.more).toBe(true);
    expect(first.records.accounts!.map((a) => [a.id, a.owner])).toEqual([
      ['hubspot:company:9001', 'dana.csm@northwind.example'],
      ['hubspot:company:9002', undefined],
    ]);
    const list = seen.find((r) => r.url.pathname === '/crm/v3/objects/companies')!;
    expect(list.url.searchParams.get('limit')).toBe('100');
    expect(list.url.searchParams.get('archived')).toBe('false');
    expect(list.url.searchParams.get('properties')!.split(',')).toEqual(
      expect.arrayContaining(['name', 'domain', 'annualrevenue', 'hubspot_owner_id', 'lifecyclestage']),
    );

    const second = await hubspot.pull('companies', first.cursor);
    expect(seen.at(-1)!.url.searchParams.get('after')).toBe('9003');
    expect(second.more).toBe(false);
    expect(second.records.accounts!.map((a) => a.name)).toEqual(['initech.example']);
    expect(JSON.parse(second.cursor!)).toMatchObject({
      phase: 'search',
      lastId: '0',
      since: new Date(Date.parse(startedAt) - 5 * 60_000).toISOString(),
    });
    expect(seen.filter((r) => r.url.pathname === '/crm/v3/owners')).toHaveLength(1);
  });

  it('contacts are listed with their company associations', async () => {
    const { hubspot, seen } = connector(() => json(fixture('contacts-list.json')));
    const page = await hubspot.pull('contacts', null);
    expect(seen[0].url.searchParams.get('associations')).toBe('companies');
    expect(page.records.contacts!.map((c) => [c.id, c.accountId])).toEqual([['hubspot:contact:501', 'hubspot:company:9001']]);
    expect(page.skipped).toBe(2);
  });

  it('an unreadable cursor starts over with a full list instead of failing', async () => {
    const { hubspot, seen } = connector(() => json(fixture('tickets-list.json')));
    const page = await hubspot.pull('tickets', '{not json');
    expect(seen[0].method).toBe('GET');
    expect(page.records.tickets).toHaveLength(2);
  });

  it('deals give renewal facts for their accounts', async () => {
    const { hubspot } = connector(() => json(fixture('deals-list.json')));
    const page = await hubspot.pull('deals', null);
    expect(page.renewals).toEqual([
      {
        accountId: 'hubspot:company:9001',
        dealId: 'hubspot:deal:3301',
        renewalDate: '2027-03-31T00:00:00Z',
        amount: 130000,
        closed: false,
      },
    ]);
  });
});

describe('HubSpot incremental sync', () => {
  it('searches contacts by lastmodifieddate above the last id, in id order, then reads their companies', async () => {
    const contacts = fixture('contacts-list.json').results.map(({ associations: _drop, ...c }) => c);
    const { hubspot, seen } = connector((r) => {
      if (r.url.pathname.endsWith('/search')) return json({ total: 3, results: contacts });
      if (r.url.pathname === '/crm/v4/associations/contacts/companies/batch/read')
        return json({
          status: 'COMPLETE',
          results: [
            {
              from: { id: '501' },
              to: [
                { toObjectId: 9003, associationTypes: [] },
                { toObjectId: 9001, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' }] },
              ],
            },
          ],
          errors: [],
        });
      return json({ results: [] });
    });
    const page = await hubspot.pull('contacts', searchWindow('2026-11-30T00:00:00.000Z'));
    const body = seen[0].body as SearchBody;
    expect(seen[0].url.pathname).toBe('/crm/v3/objects/contacts/search');
    expect(body.filterGroups[0].filters).toEqual([
      { propertyName: 'lastmodifieddate', operator: 'GTE', value: String(Date.parse('2026-11-30T00:00:00.000Z')) },
      { propertyName: 'hs_object_id', operator: 'GT', value: '0' },
    ]);
    expect(body.sorts).toEqual([{ propertyName: 'hs_object_id', direction: 'ASCENDING' }]);
    expect(seen[1].body).toEqual({ inputs: [{ id: '501' }, { id: '502' }, { id: '503' }] });
    expect(page.records.contacts).toEqual([expect.objectContaining({ id: 'hubspot:contact:501', accountId: 'hubspot:company:9001' })]);
  });

  it('more than 10,000 changes in one window come through without a single 400: the window moves up by id', async () => {
    const records = Array.from({ length: 10_500 }, (_, i) => company(1000 + i, '2026-12-01T11:00:00.000Z'));
    const { hubspot, seen } = connector((r) => {
      if (r.url.pathname === '/crm/v3/owners') return json({ results: [] });
      if (r.url.pathname.endsWith('/search')) return searchAnswer(records, r.body as SearchBody, 'hs_lastmodifieddate');
      return json({ results: [] });
    });
    // The stand-in does refuse a page past 10,000, as HubSpot does.
    expect(
      searchAnswer(
        records,
        {
          filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: '0' }] }],
          sorts: [],
          limit: 200,
          after: '9900',
          properties: [],
        },
        'hs_lastmodifieddate',
      ),
    ).toMatchObject({ status: 400 });

    const pages = await drain(hubspot, 'companies', searchWindow('2026-12-01T10:00:00.000Z'));
    const ids = pages.flatMap((p) => p.records.accounts ?? []).map((a) => a.id);
    expect(new Set(ids).size).toBe(10_500);
    const searches = seen.filter((r) => r.url.pathname.endsWith('/search'));
    expect(searches.every((r) => (r.body as SearchBody).after === undefined)).toBe(true);
  });

  it('a record changed behind the walk (lower id, mid-run) is caught by the next run, which reaches back past the lag', async () => {
    const records = Array.from({ length: 300 }, (_, i) => company(i + 1, '2026-11-01T00:00:00.000Z'));
    const { hubspot, clock } = connector((r) => {
      if (r.url.pathname === '/crm/v3/owners') return json({ results: [] });
      if (r.url.pathname.endsWith('/search')) return searchAnswer(records, r.body as SearchBody, 'hs_lastmodifieddate');
      return json({ results: [] });
    });
    const first = await hubspot.pull('companies', searchWindow('2026-10-31T00:00:00.000Z'));
    expect(first.records.accounts).toHaveLength(200);
    records[49] = company(50, new Date(clock.now()).toISOString());
    const rest = await drain(hubspot, 'companies', first.cursor);
    expect(rest.flatMap((p) => p.records.accounts ?? []).map((a) => a.id)).not.toContain('hubspot:company:50');
    clock.t += 60 * 60_000;
    const next = await drain(hubspot, 'companies', rest.at(-1)!.cursor);
    expect(next.flatMap((p) => p.records.accounts ?? []).map((a) => a.id)).toEqual(['hubspot:company:50']);
  });

  it('ends each run with the archived list: records archived since the window are deleted', async () => {
    const { hubspot, seen } = connector((r) => {
      if (r.url.pathname.endsWith('/search')) return json({ total: 0, results: [] });
      if (r.url.searchParams.get('archived') === 'true') return json(fixture('companies-archived.json'));
      return json({ results: [] });
    });
    const pages = await drain(hubspot, 'companies', searchWindow('2026-11-15T00:00:00.000Z'));
    expect(pages.at(-1)!.deleted).toEqual({ accounts: ['hubspot:company:9004'] });
    expect(seen.some((r) => r.url.searchParams.get('archived') === 'true')).toBe(true);
    expect(JSON.parse(pages.at(-1)!.cursor!).phase).toBe('search');
  });
});

describe('HubSpot connection check', () => {
  it('verify names the portal', async () => {
    const { hubspot, seen } = connector(() => json(fixture('account-info.json')));
    await expect(hubspot.verify()).resolves.toEqual({
      label: 'HubSpot portal 24681357 (app-eu1.hubspot.com)',
      accountUrlPrefix: 'https://app-eu1.hubspot.com/contacts/24681357/record/0-2/',
    });
    expect(seen[0].url.pathname).toBe('/account-info/v3/details');
  });

  it('verify with a refused token says to reconnect', async () => {
    const { hubspot } = connector(() => json(fixture('error-401-invalid-token.json'), 401));
    await expect(hubspot.verify()).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/reconnect with a new private-app token/),
    });
  });
});

describe.skipIf(recordingsAbsent)(`HubSpot sync on recorded answers${recordingsNote}`, () => {
  it('verify reads the recorded portal', async () => {
    const { hubspot } = connector(() => json(recorded('account-info-details.json')));
    await expect(hubspot.verify()).resolves.toEqual({
      label: 'HubSpot portal 147893286 (app-eu1.hubspot.com)',
      accountUrlPrefix: 'https://app-eu1.hubspot.com/contacts/147893286/record/0-2/',
    });
  });

  it('a recorded search page with `after` paging is walked by id instead', async () => {
    const { hubspot } = connector((r) => {
      if (r.url.pathname.endsWith('/search')) return json(recorded('contacts-search-page1.json'));
      return json({ results: [{ from: { id: '501' }, to: [{ toObjectId: 29022297485, associationTypes: [{ label: 'Primary' }] }] }] });
    });
    const page = await hubspot.pull('contacts', searchWindow('2025-01-01T00:00:00.000Z'));
    expect(page.records.contacts!.map((c) => c.id)).toEqual(['hubspot:contact:501']);
    // One result is fewer than a page: the search phase is over whatever `paging` says.
    expect(JSON.parse(page.cursor!).phase).toBe('archived');
  });

  it('a recorded company list (no paging block) is a complete first sync', async () => {
    const { hubspot } = connector((r) =>
      r.url.pathname === '/crm/v3/owners' ? json(recorded('owners-list.json')) : json(recorded('companies-list.json')),
    );
    const page = await hubspot.pull('companies', null);
    expect(page.more).toBe(false);
    expect(page.records.accounts).toHaveLength(recorded('companies-list.json').results.length);
  });

  it('the owners pull hands the engine every active owner with an email, for her book', async () => {
    const { hubspot } = connector(() => json(recorded('owners-list.json')));
    const page = await hubspot.pull('owners', null);
    const listed = (recorded('owners-list.json').results as Array<{ email?: string; archived?: boolean }>).filter(
      (o) => o.email && !o.archived,
    );
    expect(page.owners).toHaveLength(listed.length);
    expect(page.owners?.[0]).toMatchObject({ email: listed[0].email!.toLowerCase() });
  });
});
