import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExportText, type ExportReading } from '../../../lib/import/exports/read';
import { recogniseLayout } from '../../../lib/import/exports/recognise';
import { validateRecords } from '../../../lib/import/validate';
import { mayAsk } from '../../../lib/access/roles';

const TODAY = '2026-12-01';
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/exports', name), 'utf8');
const read = (name: string) => readExportText(fixture(name), { today: TODAY });
function records(reading: ExportReading) {
  if (reading.kind !== 'records') throw new Error(`expected records, got ${reading.kind}`);
  return reading;
}
/** Every record passes the bundle's validation: what the store would accept. */
function allValid(reading: ExportReading) {
  const r = records(reading).records as Partial<Record<'accounts' | 'contacts' | 'tickets', Array<Record<string, unknown>>>>;
  for (const type of ['accounts', 'contacts', 'tickets'] as const) {
    expect(validateRecords(type, r[type] ?? []).rejected, type).toEqual([]);
  }
  return r;
}

describe('recognising exports by their headers', () => {
  it.each([
    ['hubspot-companies.csv', 'HubSpot companies export'],
    ['hubspot-contacts.csv', 'HubSpot contacts export'],
    ['hubspot-deals.csv', 'HubSpot deals export'],
    ['hubspot-tickets.csv', 'HubSpot tickets export'],
    ['salesforce-accounts.csv', 'Salesforce accounts export'],
    ['salesforce-contacts.csv', 'Salesforce contacts export'],
    ['salesforce-opportunities.csv', 'Salesforce opportunities export'],
    ['salesforce-cases.csv', 'Salesforce cases export'],
    ['salesforce-report.csv', 'Salesforce contacts report'],
    ['salesforce-contacts-by-account.csv', 'Salesforce contacts report'],
    ['gainsight-health.csv', 'Gainsight health export'],
  ])('%s is a %s', (name, label) => {
    expect(records(read(name)).layout).toBe(label);
  });

  it('does not guess at an unknown layout: it proposes a mapping with samples', () => {
    const reading = read('unknown-layout.csv');
    if (reading.kind !== 'needs-mapping') throw new Error('expected a proposal');
    expect(reading.proposal.columns.map((c) => [c.header, c.choice])).toEqual([
      ['Customer', 'account.name'],
      ['Site', 'ignore'],
      ['Contract value', 'account.arr'],
      ['Renews', 'account.renewalDate'],
      ['Segment', 'account.tier'],
      ['Notes', 'ignore'],
    ]);
    expect(reading.proposal.columns[0].samples).toEqual(['Acme Corporation', 'Globex', 'Initech']);
  });

  it('recognises ChurnZero and Totango health exports', () => {
    expect(recogniseLayout(['Account Name', 'ChurnScore', 'NPS Score', 'Total Contract Amount', 'Next Renewal Date'])?.layout.id).toBe(
      'churnzero-health',
    );
    expect(recogniseLayout(['Account Name', 'Health', 'Contract Value', 'Contract Renewal Date'])?.layout.id).toBe('totango-health');
  });
});

describe('HubSpot exports', () => {
  it('imports all 20 companies with their HubSpot ids, domains, owner and revenue', () => {
    const { accounts } = allValid(read('hubspot-companies.csv'));
    expect(accounts).toHaveLength(20);
    expect(accounts![0]).toMatchObject({
      id: 'hubspot-company-9800000',
      name: 'Acme Corporation',
      crm: { hubspotId: '9800000' },
      domains: ['acme.com'],
      owner: 'Jane Doe',
      arr: 1200000,
      'Lifecycle Stage': 'Customer',
    });
  });

  it('combines first and last names, links contacts to their company, and names the row without an email', () => {
    const reading = records(read('hubspot-contacts.csv'));
    const { contacts, accounts } = allValid(reading);
    expect(contacts).toHaveLength(33);
    expect(accounts).toHaveLength(20);
    expect(contacts![0]).toMatchObject({
      id: 'hubspot-contact-51000',
      name: 'Ada Lovelace',
      email: 'ada.lovelace@acme.com',
      accountId: 'name-acme-corporation',
      title: 'VP Operations',
    });
    expect(reading.skipped).toEqual([{ row: 15, reason: 'no email for Margaret Hamilton' }]);
  });

  it('links contacts to the company record HubSpot names as their primary association', () => {
    const text =
      'Record ID,First Name,Last Name,Email,Associated Company,Associated Company IDs\n51,Ada,Lovelace,ada@acme.com,Acme Corporation,9800000;9800037\n';
    const { contacts, accounts } = allValid(readExportText(text, { today: TODAY }));
    expect(contacts![0].accountId).toBe('hubspot-company-9800000');
    expect(accounts![0]).toMatchObject({ id: 'hubspot-company-9800000', name: 'Acme Corporation', crm: { hubspotId: '9800000' } });
  });

  it('never gives a contact without a company the company of the row above', () => {
    const text = 'Record ID,First Name,Last Name,Email,Associated Company\n51,Ada,Lovelace,ada@acme.com,Acme\n52,Bo,Bell,bo@gmail.com,\n';
    const reading = records(readExportText(text, { today: TODAY }));
    expect((reading.records.contacts as unknown[]).length).toBe(1);
    expect(reading.skipped).toEqual([{ row: 3, reason: 'no company name' }]);
  });

  it('takes the renewal date and amount from renewal deals only', () => {
    const { accounts } = allValid(read('hubspot-deals.csv'));
    expect(accounts![0]).toMatchObject({ name: 'Acme Corporation', renewalDate: '2027-01-15', arr: 1200000 });
    expect(accounts![1].renewalDate).toBeUndefined();
  });

  it('reads tickets with HubSpot priorities and statuses', () => {
    const { tickets } = allValid(read('hubspot-tickets.csv'));
    expect(tickets).toHaveLength(8);
    expect(tickets![0]).toMatchObject({
      id: 'hubspot-ticket-300',
      priority: 'P2',
      status: 'open',
      openedAt: '2026-10-01',
      accountId: 'name-acme-corporation',
    });
    expect(tickets![3]).toMatchObject({ priority: 'P1', status: 'closed' });
  });
});

describe('Salesforce exports', () => {
  it('a report export gives both accounts and contacts, ids in 18 characters, and its footer is not a record', () => {
    const reading = records(read('salesforce-report.csv'));
    const { accounts, contacts } = allValid(reading);
    expect(reading.skipped).toEqual([]);
    expect(accounts).toHaveLength(12);
    expect(contacts).toHaveLength(20);
    expect(accounts![0]).toMatchObject({
      id: '0015g0000000000AAA',
      crm: { salesforceId: '0015g0000000000AAA' },
      name: 'Acme Corporation',
      domains: ['acme.com'],
      owner: 'Jane Doe',
    });
    expect(contacts![0]).toMatchObject({
      name: 'Ada Lovelace',
      accountId: '0015g0000000000AAA',
      email: 'ada.lovelace@acme.com',
      title: 'VP Operations',
    });
  });

  it("a contact report grouped by account gives each contact its group's account", () => {
    const { accounts, contacts } = allValid(read('salesforce-contacts-by-account.csv'));
    expect(accounts).toHaveLength(5);
    expect(contacts).toHaveLength(15);
    expect(contacts!.slice(0, 3).map((c) => c.accountId)).toEqual(Array(3).fill(accounts![0].id));
    expect(contacts![3].accountId).toBe(accounts![1].id);
  });

  it('the Contact object export links by AccountId without inventing accounts', () => {
    const { accounts, contacts } = allValid(read('salesforce-contacts.csv'));
    expect(accounts).toEqual([]);
    expect(contacts![0]).toMatchObject({ id: '0035g0000000000AAA', accountId: '0015g0000000000AAA', name: 'Ada Lovelace' });
  });

  it('reads accounts with websites as domains and dollar amounts', () => {
    const { accounts } = allValid(read('salesforce-accounts.csv'));
    expect(accounts![1]).toMatchObject({ name: 'Globex', domains: ['globex.co.uk'], arr: 240000, currency: 'USD' });
  });

  it('renewal opportunities give the renewal date, month-first as Salesforce writes US dates', () => {
    const { accounts } = allValid(read('salesforce-opportunities.csv'));
    expect(accounts![0]).toMatchObject({ renewalDate: '2027-01-28', arr: 1200000 });
  });

  it('cases become tickets on their account', () => {
    const { tickets } = allValid(read('salesforce-cases.csv'));
    expect(tickets![1]).toMatchObject({
      id: '5005g0000000001AAA',
      accountId: '0015g0000000001AAA',
      openedAt: '2026-10-02',
      closedAt: '2026-10-04',
      status: 'closed',
      priority: 'P3',
    });
  });
});

describe('health platform exports', () => {
  it('reads scores, NPS, euro amounts and day-first dates', () => {
    const { accounts } = allValid(read('gainsight-health.csv'));
    expect(accounts![0]).toMatchObject({
      id: 'domain-acme.com',
      arr: 1200000,
      currency: 'EUR',
      renewalDate: '2027-01-01',
      healthHistory: [{ date: '2026-11-30', score: 40 }],
      nps: [{ date: '2026-11-30', score: 0 }],
    });
    expect(accounts![19].renewalDate).toBe('2027-08-20');
  });
});

describe('a confirmed mapping', () => {
  it('maps an unknown layout as the user chose, with a stable id from the domain', () => {
    const mapping = ['account.name', 'account.website', 'account.arr', 'account.renewalDate', 'account.tier', 'keep'] as const;
    const { accounts } = allValid(readExportText(fixture('unknown-layout.csv'), { today: TODAY, mapping: [...mapping] }));
    expect(accounts![0]).toMatchObject({
      id: 'domain-acme.com',
      name: 'Acme Corporation',
      arr: 1200000,
      renewalDate: '2027-01-01',
      tier: 'enterprise',
      Notes: 'quarterly call',
    });
  });

  it('is refused when it names no account column', () => {
    const reading = readExportText(fixture('unknown-layout.csv'), { today: TODAY, mapping: Array(6).fill('ignore') });
    expect(reading).toEqual({ kind: 'refused', error: expect.stringContaining('names no account column') });
  });

  it("is remembered only through Glance's own pages, never from the sidebar", () => {
    expect(mayAsk('page', 'import.mapping.save')).toBe(true);
    expect(mayAsk('sidebar', 'import.mapping.save')).toBe(false);
    expect(mayAsk('sidebar', 'import.mapping.get')).toBe(false);
  });
});

describe('rows that are not records', () => {
  it('names a row without a company', () => {
    const reading = records(readExportText('Record ID,Company name,Company Domain Name\n1,Acme,acme.com\n2,,\n', { today: TODAY }));
    expect(reading.records.accounts).toHaveLength(1);
    expect(reading.skipped).toEqual([{ row: 3, reason: 'no company name' }]);
  });
});
