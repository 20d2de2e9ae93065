import { describe, expect, it } from 'vitest';
import {
  accountFields,
  DEFAULT_FIELD_MAPPING,
  mapAccount,
  mapCase,
  mapContact,
  mapEvent,
  mapTask,
  mappingProblem,
  mapUser,
  type SalesforceFieldMapping,
  type SoqlRecord,
} from '../../../../lib/connectors/salesforce/map';
import { decideMatch, lookupKeys } from '../../../../lib/match/match';
import { GlanceDB } from '../../../../lib/store/db';
import { lookupForPage } from '../../../../lib/store/lookup';
import { writeRecords } from '../../../../lib/store/records';
import { accountSchema, contactSchema, ticketSchema } from '../../../../lib/model/bundle';
import { fixture, HAS_RECORDED, NO_RECORDED_REASON, recorded } from './support';

type Page = { records: SoqlRecord[] };
const accounts = () => [...fixture<Page>('query-accounts-page1.json').records, ...fixture<Page>('query-accounts-page2-last.json').records];
const users = new Map(fixture<Page>('query-users.json').records.map((r) => [mapUser(r)!.id, mapUser(r)!.email]));
const WITH_HEALTH: SalesforceFieldMapping = {
  ...DEFAULT_FIELD_MAPPING,
  account: { ...DEFAULT_FIELD_MAPPING.account, healthScore: 'Health_Score__c' },
};

describe('accounts', () => {
  it('map id, CRM id, registrable domain, ARR, owner email, next renewal and the mapped health score', () => {
    expect(mapAccount(accounts()[0], users, WITH_HEALTH)).toEqual({
      id: 'salesforce:001dM00003jU9GyQAK',
      name: 'Northpeak Logistics',
      crm: { salesforceId: '001dM00003jU9GyQAK' },
      domains: ['northpeak.co.uk'],
      arr: 185000,
      owner: 'maya.chen@example.com',
      renewalDate: '2027-01-31',
      healthHistory: [{ date: '2026-05-01', score: 62 }],
    });
  });

  it('leave out what the org does not have, and custom fields the mapping does not name', () => {
    expect(mapAccount(accounts()[1], users, WITH_HEALTH)).toEqual({
      id: 'salesforce:001dM00003jU9H7QAK',
      name: 'GenePoint',
      crm: { salesforceId: '001dM00003jU9H7QAK' },
      owner: 'noreply@00ddm00000vfgtuuai',
    });
    expect(mapAccount(accounts()[0], users)).not.toHaveProperty('healthHistory');
  });

  it('drop a health score outside 0-100 rather than store a wrong one', () => {
    const edge = mapAccount(accounts()[2], users, WITH_HEALTH)!;
    expect(edge).not.toHaveProperty('healthHistory');
    expect(edge.domains).toEqual(['edgecomm.com']);
  });

  it('read a custom field only once the mapping names it, and refuse a name that is not a field', () => {
    expect(accountFields()).not.toContain('Health_Score__c');
    expect(accountFields(WITH_HEALTH)).toContain('Health_Score__c');
    const bad = { ...DEFAULT_FIELD_MAPPING, account: { ...DEFAULT_FIELD_MAPPING.account, tier: 'Tier__c FROM User --' } };
    expect(mappingProblem(bad)).toBe('"Tier__c FROM User --" (mapped to tier) is not a Salesforce field API name, such as Health_Score__c');
    expect(() => accountFields(bad)).toThrow(/field mapping is wrong/);
  });

  it('take ARR from the renewal opportunity when the mapping says its amount is the ARR', () => {
    const mapping = { ...DEFAULT_FIELD_MAPPING, renewal: { opportunityTypes: ['Renewal'], amountIsArr: true } };
    expect(mapAccount(accounts()[0], users, mapping)?.arr).toBe(180000);
  });

  it('are found by the sidebar on a Lightning page that shows the 15-character id', async () => {
    const db = new GlanceDB('glance-sf-map');
    const mapped = accounts().map((r) => mapAccount(r, users)!);
    const contacts = fixture<Page>('query-contacts.json')
      .records.map(mapContact)
      .filter((c) => c !== null);
    await writeRecords(
      db,
      { accounts: mapped, contacts },
      { at: '2026-12-01T09:00:00.000Z', source: 'crm', name: 'Salesforce', rejected: 0 },
    );
    const page = {
      host: 'salesforce' as const,
      kind: 'record' as const,
      url: 'https://northpeak.lightning.force.com/lightning/r/Contact/003dM00001vWOXJ/view',
      record: { crm: 'salesforce' as const, object: 'contact' as const, id: '003dM00001vWOXJ' },
    };
    const keys = lookupKeys(page, { ownDomains: [] });
    const { results } = await lookupForPage(db, keys);
    expect(decideMatch(page, keys, results)).toMatchObject({
      status: 'matched',
      accountId: 'salesforce:001dM00003jU9GyQAK',
      via: 'crm-id',
    });
    db.close();
  });
});

describe('contacts, cases, tasks and events', () => {
  it('map contacts to their account, skipping those without an email or an account', () => {
    expect(fixture<Page>('query-contacts.json').records.map(mapContact)).toEqual([
      {
        id: 'salesforce:003dM00001vWOXJQA4',
        accountId: 'salesforce:001dM00003jU9GyQAK',
        name: 'Ana Silva',
        email: 'ana.silva@northpeak.co.uk',
        crm: { salesforceId: '003dM00001vWOXJQA4' },
        title: 'VP Operations',
      },
      null,
      null,
    ]);
  });

  it('map cases to tickets with priorities by the mapping, closed ones with their close date', () => {
    const [open, closed, orphan] = fixture<Page>('query-cases.json').records.map((r) => mapCase(r));
    expect(open).toEqual({
      id: 'salesforce:500dM00003F2OMjQAN',
      accountId: 'salesforce:001dM00003jU9GyQAK',
      openedAt: '2026-04-28T09:00:00.000Z',
      priority: 'P2',
      status: 'open',
      subject: 'Label printer offline at the Leeds depot',
    });
    expect(closed).toMatchObject({ priority: 'P4', status: 'closed', closedAt: '2026-03-11T18:59:51.000Z', subject: 'Case 00001000' });
    expect(orphan).toBeNull();
  });

  it("map tasks to calls, emails and notes, but not Glance's own commitment tasks", () => {
    expect(fixture<Page>('query-tasks.json').records.map(mapTask)).toEqual([
      {
        id: 'salesforce:00TdM00000Kx1aAUAR',
        accountId: 'salesforce:001dM00003jU9GyQAK',
        type: 'call',
        date: '2026-04-29',
        summary: 'Call about the depot rollout',
        contactIds: ['salesforce:003dM00001vWOXJQA4'],
      },
      null,
      {
        id: 'salesforce:00TdM00000Kx1aCUAR',
        accountId: 'salesforce:001dM00003jU9H7QAK',
        type: 'email',
        date: '2026-04-30T09:30:00.000Z',
        summary: 'Email: pricing follow-up',
      },
    ]);
  });

  it('map events to meetings, a QBR by its subject', () => {
    expect(mapEvent(fixture<Page>('query-events.json').records[0])).toEqual({
      id: 'salesforce:00UdM00000Ab1cDUAR',
      accountId: 'salesforce:001dM00003jU9GyQAK',
      type: 'qbr',
      date: '2026-05-04T14:00:00.000Z',
      summary: 'Q2 QBR with Northpeak',
      contactIds: ['salesforce:003dM00001vWOXJQA4'],
    });
  });
});

describe.skipIf(!HAS_RECORDED)(`mapping recorded query results (skipped when ${NO_RECORDED_REASON})`, () => {
  const records = (name: string) => recorded<Page>(name).body.records;

  it('turns every recorded account into a valid Glance account with its 18-character id', () => {
    const all = [...records('query-accounts-page1.json'), ...records('query-accounts-page2-last.json')];
    const mapped = all.map((r) => mapAccount(r, new Map()));
    expect(mapped.every((a) => a !== null && accountSchema.safeParse(a).success)).toBe(true);
    expect(mapped.every((a) => a!.id === `salesforce:${a!.crm!.salesforceId}` && a!.crm!.salesforceId!.length === 18)).toBe(true);
    expect(mapped.find((a) => a!.name === 'Burlington Textiles Corp of America')?.domains).toEqual(['burlington.com']);
  });

  it('maps the recorded full Account (sobject get): ARR from AnnualRevenue, owner unknown until the users are read', () => {
    const account = recorded<SoqlRecord>('sobject-get.json').body;
    expect(mapAccount(account, new Map())).toMatchObject({ name: 'Edge Communications', domains: ['edgecomm.com'], arr: 139000000 });
    expect(mapAccount(account, new Map())).not.toHaveProperty('owner');
  });

  it('keeps recorded contacts that have an account and an email, all valid', () => {
    const all = records('query-contacts.json');
    const mapped = all.map(mapContact).filter((c) => c !== null);
    const eligible = all.filter((r) => r.AccountId && r.Email);
    expect(mapped).toHaveLength(eligible.length);
    expect(mapped.every((c) => contactSchema.safeParse(c).success && c.accountId.startsWith('salesforce:001'))).toBe(true);
  });

  it('maps recorded cases: High is P2, closed cases are closed', () => {
    const all = records('query-cases.json');
    const mapped = all.map((r) => mapCase(r)).filter((t) => t !== null);
    expect(mapped).toHaveLength(all.filter((r) => r.AccountId).length);
    expect(mapped.every((t) => ticketSchema.safeParse(t).success)).toBe(true);
    const first = mapped.find((t) => t.id === 'salesforce:500dM00003F2OMjQAN');
    expect(first).toMatchObject({ priority: 'P2', status: 'closed', closedAt: '2025-03-11T18:59:51.000Z' });
  });

  it('reads recorded users into an owner directory, lower-cased emails', () => {
    const owners = records('query-users.json')
      .map(mapUser)
      .filter((u) => u !== null);
    expect(owners.find((u) => u.id === '005dM00000awSFJQA2')).toEqual({
      id: '005dM00000awSFJQA2',
      email: 'api-user@example.com',
      name: 'Nango API',
      active: true,
    });
  });
});
