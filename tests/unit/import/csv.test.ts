import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../lib/import/csv';
import { validateRecords } from '../../../lib/import/validate';
import { withAccountKeys } from '../../../lib/store/keys';

const ok = (text: string) => {
  const result = readCsvText(text);
  if (!result.ok) throw new Error(result.error);
  return result.records;
};
const refusal = (text: string) => {
  const result = readCsvText(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

describe('readCsvText: accounts', () => {
  const csv = [
    '\uFEFFAccount ID,Account Name,Website,Annual Recurring Revenue,Renewal_Date,licensedSeats,Salesforce ID,HubSpot Id,Industry',
    '001,"Acme, Inc.",https://www.acme.com/about; acme.co.uk,"$1,200,000.50",2027-03-31," 1,200 ",001A0000006Vm9r,4401,Manufacturing',
    '002,Pico Bakery,,,,,,,',
    '',
  ].join('\r\n');

  it('maps loosely named columns onto the bundle fields and keeps unknown columns', () => {
    expect(ok(csv)).toEqual({
      accounts: [
        {
          id: '001',
          name: 'Acme, Inc.',
          domains: ['www.acme.com', 'acme.co.uk'],
          arr: 1200000.5,
          renewalDate: '2027-03-31',
          licensedSeats: 1200,
          crm: { salesforceId: '001A0000006Vm9r', hubspotId: '4401' },
          Industry: 'Manufacturing',
        },
        // Empty cells are absent fields, not empty strings that would fail validation.
        { id: '002', name: 'Pico Bakery' },
      ],
    });
  });

  it('gives records that pass validation and match by their website domain', () => {
    const { accounts } = ok(csv);
    const { valid, rejected } = validateRecords('accounts', accounts!);
    expect(rejected).toEqual([]);
    expect(withAccountKeys(valid[0])._domains).toEqual(['acme.com', 'acme.co.uk']);
  });

  it('reads website addresses whatever their letter case', () => {
    const { accounts } = ok('Id,Name,Website\nacc-1,Acme,HTTPS://WWW.ACME.COM/contact\n');
    expect(withAccountKeys(validateRecords('accounts', accounts!).valid[0])._domains).toEqual(['acme.com']);
  });

  it('leaves a number it cannot read as text, so validation names the field', () => {
    const { accounts } = ok('Id,Name,ARR\nacc-1,Acme,about 5k\n');
    expect(accounts).toEqual([{ id: 'acc-1', name: 'Acme', arr: 'about 5k' }]);
    expect(validateRecords('accounts', accounts!).rejected).toEqual([
      { path: 'accounts[0]', id: 'acc-1', reason: 'arr: expected a number' },
    ]);
  });
});

describe('readCsvText: contacts', () => {
  it('recognises a contacts export by its email column and gives each contact an id', () => {
    const records = ok(
      'Email Address,Full Name,Account,Job Title,Role,Contact ID\nAna.Lopez@Globex.com,Ana Lopez,acc-1,VP Ops,champion,\nbo@globex.com,Bo,acc-1,,,con-7\n',
    );
    expect(records).toEqual({
      accounts: [],
      contacts: [
        {
          email: 'Ana.Lopez@Globex.com',
          name: 'Ana Lopez',
          accountId: 'acc-1',
          title: 'VP Ops',
          role: 'champion',
          id: 'contact-ana.lopez@globex.com',
        },
        { email: 'bo@globex.com', name: 'Bo', accountId: 'acc-1', id: 'con-7' },
      ],
    });
    expect(validateRecords('contacts', records.contacts!).rejected).toEqual([]);
  });
});

describe('readCsvText: refusals', () => {
  it('refuses a file without rows or with a single column', () => {
    const empty = 'This CSV file has no header row with columns, or no rows. Nothing was imported.';
    expect(refusal('Name,Domain\n')).toBe(empty);
    expect(refusal('')).toBe(empty);
    expect(refusal('Name\nAcme\n')).toBe(empty);
  });

  it('refuses a file that is neither an accounts nor a contacts export', () => {
    expect(refusal('Date,Logins\n2026-10-01,40\n')).toBe(
      'This CSV file is neither an accounts export (needs a "Name" column) nor a contacts export (needs an "Email" column). Nothing was imported.',
    );
  });
});
