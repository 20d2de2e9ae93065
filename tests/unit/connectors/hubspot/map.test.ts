/**
 * HubSpot records as Glance sees them: which account, which domains, whose book, what ARR and
 * renewal, and which records are left out because Glance could not hold them.
 */
import { describe, expect, it } from 'vitest';
import {
  companyOf,
  mapCompany,
  mapContact,
  mapRenewalDeal,
  mapTicket,
  ownerEmails,
  propertiesFor,
  type HubSpotOwner,
} from '../../../../lib/connectors/hubspot/map';
import { DEFAULT_FIELD_MAPPING, type HubSpotFieldMapping } from '../../../../lib/connectors/hubspot/mapping';
import { accountSchema, contactSchema, ticketSchema } from '../../../../lib/model/bundle';
import { fixture, recorded, recordingsAbsent, recordingsNote } from './fake-hubspot';

const owners = ownerEmails(fixture<{ results: HubSpotOwner[] }>('owners.json').results);
const [acme, globex] = fixture('companies-page1.json').results;
const [initech] = fixture('companies-page2.json').results;

describe('HubSpot companies -> accounts', () => {
  it('a customer company with every standard field', () => {
    expect(mapCompany(acme, owners)).toEqual({
      id: 'hubspot:company:9001',
      name: 'Acme Rockets',
      crm: { hubspotId: '9001' },
      domains: ['acme-rockets.example', 'acme.example', 'rockets.acme.example'],
      arr: 120000,
      currency: 'EUR',
      owner: 'dana.csm@northwind.example',
      lifecycleStage: 'customer',
      tier: 'enterprise',
    });
  });

  it('an owner HubSpot no longer lists and an empty domain leave those fields out, not wrong', () => {
    const account = mapCompany(globex, owners);
    expect(account.owner).toBeUndefined();
    expect(account.domains).toBeUndefined();
    expect(account.arr).toBeUndefined();
  });

  it('a company with no name is named by its domain; decimal revenue is kept', () => {
    expect(mapCompany(initech, owners)).toMatchObject({ name: 'initech.example', arr: 48000.5 });
  });

  it('custom properties named in the mapping fill ARR, health, NPS, tier and renewal', () => {
    const mapping: HubSpotFieldMapping = {
      ...DEFAULT_FIELD_MAPPING,
      company: {
        ...DEFAULT_FIELD_MAPPING.company,
        arr: ['arr__c', 'annualrevenue'],
        tier: 'segment',
        health: 'health_score',
        nps: 'nps_score',
        npsDate: 'nps_date',
        renewalDate: 'renewal_date',
      },
    };
    const company = {
      ...acme,
      properties: {
        ...acme.properties,
        arr__c: '90000',
        segment: 'SMB',
        health_score: '42',
        nps_score: '9',
        nps_date: '2026-10-01',
        renewal_date: '1798761600000',
      },
    };
    expect(mapCompany(company, owners, mapping)).toMatchObject({
      arr: 90000,
      tier: 'smb',
      healthHistory: [{ date: '2026-11-20T08:30:00.000Z', score: 42 }],
      nps: [{ date: '2026-10-01', score: 9 }],
      renewalDate: '2027-01-01T00:00:00.000Z',
    });
    expect(propertiesFor('companies', mapping)).toEqual(
      expect.arrayContaining(['arr__c', 'annualrevenue', 'segment', 'health_score', 'nps_score', 'nps_date', 'renewal_date']),
    );
  });

  it('values the model cannot hold are dropped, the account is kept', () => {
    const mapping: HubSpotFieldMapping = {
      ...DEFAULT_FIELD_MAPPING,
      company: { ...DEFAULT_FIELD_MAPPING.company, nps: 'nps_score', health: 'health_score', renewalDate: 'renewal_date' },
    };
    const company = {
      ...acme,
      properties: { ...acme.properties, nps_score: '11', health_score: 'great', renewal_date: '2027-02-30', annualrevenue: '-5' },
    };
    const account = mapCompany(company, owners, mapping);
    expect(account.nps).toBeUndefined();
    expect(account.healthHistory).toBeUndefined();
    expect(account.renewalDate).toBeUndefined();
    expect(account.arr).toBeUndefined();
    expect(account.name).toBe('Acme Rockets');
  });
});

describe('HubSpot contacts, tickets and deals', () => {
  const [grace, noEmail, loner] = fixture('contacts-list.json').results;

  it('a contact belongs to its primary company, not an unlabeled one', () => {
    expect(mapContact(grace)).toEqual({
      id: 'hubspot:contact:501',
      accountId: 'hubspot:company:9001',
      name: 'Grace Hopper',
      email: 'grace.hopper@acme-rockets.example',
      crm: { hubspotId: '501' },
      title: 'VP Engineering',
    });
  });

  it('a contact without an email or without a company is left out', () => {
    expect(mapContact(noEmail)).toBeNull();
    expect(mapContact(loner)).toBeNull();
  });

  it('tickets: open with HubSpot priority, closed by close date', () => {
    const [open, closed] = fixture('tickets-list.json').results.map((t) => mapTicket(t));
    expect(open).toEqual({
      id: 'hubspot:ticket:7701',
      accountId: 'hubspot:company:9001',
      openedAt: '2026-11-10T09:00:00.000Z',
      priority: 'P2',
      status: 'open',
      subject: 'Launch pad API returns 500',
    });
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-10-03T16:00:00.000Z', priority: 'P3' });
    expect(ticketSchema.safeParse(open).success).toBe(true);
  });

  it('a renewal deal gives its account a renewal date and amount; a new-business deal gives nothing', () => {
    const [renewal, pilot] = fixture('deals-list.json').results;
    expect(mapRenewalDeal(renewal)).toEqual({
      accountId: 'hubspot:company:9001',
      dealId: 'hubspot:deal:3301',
      renewalDate: '2027-03-31T00:00:00Z',
      amount: 130000,
      closed: false,
    });
    expect(mapRenewalDeal(pilot)).toBeNull();
  });
});

describe.skipIf(recordingsAbsent)(`HubSpot mapping on recorded answers${recordingsNote}`, () => {
  it('every recorded company maps to a valid account with a prefixed id and a clean domain', () => {
    const companies = recorded('companies-list.json').results;
    expect(companies.length).toBeGreaterThan(10);
    for (const company of companies) {
      const account = mapCompany(company, new Map());
      expect(accountSchema.safeParse(account).success).toBe(true);
      expect(account.id).toBe(`hubspot:company:${company.id}`);
      for (const domain of account.domains ?? []) expect(domain).toMatch(/^[a-z0-9.-]+$/);
    }
    const test = companies.find((c) => c.id === '406260751575')!;
    expect(mapCompany(test, new Map()).domains).toEqual(['testcompany.com']);
  });

  it('recorded owners give the emails accounts are assigned by', () => {
    const map = ownerEmails(recorded<{ results: HubSpotOwner[] }>('owners-list.json').results);
    expect(map.get('88842095')).toBe('owner1@example.com');
  });

  it('recorded contacts list without associations: left out rather than guessed onto an account', () => {
    const contacts = recorded('contacts-list.json').results;
    expect(contacts.every((c) => mapContact(c) === null)).toBe(true);
  });

  it('recorded contacts with the v4 association answer land on the primary company', () => {
    const [contact] = recorded('contacts-search-page1.json').results;
    const assoc = recorded<{ results: Array<{ from: { id: string }; to: Array<{ toObjectId: number }> }> }>(
      'associations-v4-batch-read-contacts-companies.json',
    );
    const to = assoc.results.find((r) => r.from.id === contact.id)!.to[0];
    const mapped = mapContact({ ...contact, associations: { companies: { results: [{ id: String(to.toObjectId), type: 'primary' }] } } });
    expect(mapped).toMatchObject({ id: 'hubspot:contact:501', accountId: 'hubspot:company:29022297485', name: 'First501 Last501' });
    expect(contactSchema.safeParse(mapped).success).toBe(true);
  });

  it('the recorded task list shows the association shape companyOf reads', () => {
    const withContacts = recorded('tasks-list-with-associations.json').results.find((t) => t.associations);
    expect(withContacts!.associations!.contacts.results[0]).toEqual({ id: expect.any(String), type: 'task_to_contact' });
    expect(companyOf({ id: '1', properties: {}, associations: { companies: { results: [{ id: '5', type: 'deal_to_company' }] } } })).toBe(
      '5',
    );
  });

  it('recorded deals carry no renewal dealtype: none is mistaken for a renewal', () => {
    const deals = recorded('deals-list-with-associations.json').results;
    expect(deals.map((d) => mapRenewalDeal(d)).filter(Boolean)).toEqual([]);
  });
});
