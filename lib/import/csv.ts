/**
 * CSV exports (accounts or contacts, one file each, as CRMs export them) mapped onto the bundle model.
 * Columns are matched loosely ("Renewal Date", "renewal_date", "renewalDate"); unknown columns are kept.
 */
import Papa from 'papaparse';
import type { EnvelopeResult } from './validate';

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** squashed column name -> [field path, value kind] */
const ACCOUNT_COLUMNS: Record<string, [string, 'string' | 'number' | 'list']> = {
  id: ['id', 'string'], accountid: ['id', 'string'],
  name: ['name', 'string'], accountname: ['name', 'string'], company: ['name', 'string'], companyname: ['name', 'string'],
  domain: ['domains', 'list'], domains: ['domains', 'list'], website: ['domains', 'list'],
  arr: ['arr', 'number'], annualrecurringrevenue: ['arr', 'number'],
  currency: ['currency', 'string'], tier: ['tier', 'string'],
  renewaldate: ['renewalDate', 'string'], contractstart: ['contractStart', 'string'],
  owner: ['owner', 'string'], csm: ['owner', 'string'], ae: ['ae', 'string'],
  licensedseats: ['licensedSeats', 'number'], activeseats: ['activeSeats', 'number'],
  salesforceid: ['crm.salesforceId', 'string'], hubspotid: ['crm.hubspotId', 'string'],
};

const CONTACT_COLUMNS: Record<string, [string, 'string' | 'number' | 'list']> = {
  id: ['id', 'string'], contactid: ['id', 'string'],
  accountid: ['accountId', 'string'], account: ['accountId', 'string'],
  name: ['name', 'string'], fullname: ['name', 'string'],
  email: ['email', 'string'], emailaddress: ['email', 'string'],
  title: ['title', 'string'], jobtitle: ['title', 'string'], role: ['role', 'string'], status: ['status', 'string'],
  salesforceid: ['crm.salesforceId', 'string'], hubspotid: ['crm.hubspotId', 'string'],
};

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, tail] = path.split('.');
  if (!tail) target[head] = value;
  else target[head] = { ...((target[head] as object) ?? {}), [tail]: value };
}

function convert(raw: string, kind: 'string' | 'number' | 'list'): unknown {
  if (kind === 'number') {
    const n = Number(raw.replace(/[$,\s]/g, ''));
    return Number.isFinite(n) ? n : raw; // left as text so validation names the field
  }
  if (kind === 'list') return raw.split(/[;,\s]+/).map((d) => d.replace(/^https?:\/\//i, '').replace(/\/.*$/, '')).filter(Boolean);
  return raw;
}

export function readCsvText(text: string): EnvelopeResult {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });
  const headers = parsed.meta.fields ?? [];
  if (headers.length < 2 || parsed.data.length === 0) {
    return { ok: false, error: 'This CSV file has no header row with columns, or no rows. Nothing was imported.' };
  }
  const squashed = headers.map(squash);
  const isContacts = squashed.includes('email') || squashed.includes('emailaddress');
  if (!isContacts && !squashed.some((h) => ACCOUNT_COLUMNS[h]?.[0] === 'name')) {
    return { ok: false, error: 'This CSV file is neither an accounts export (needs a "Name" column) nor a contacts export (needs an "Email" column). Nothing was imported.' };
  }
  const columns = isContacts ? CONTACT_COLUMNS : ACCOUNT_COLUMNS;
  const records = parsed.data.map((row) => {
    const record: Record<string, unknown> = {};
    headers.forEach((header, i) => {
      const value = (row[header] ?? '').trim();
      if (value === '') return;
      const mapped = columns[squashed[i]];
      if (mapped) setPath(record, mapped[0], convert(value, mapped[1]));
      else record[header] = value;
    });
    if (isContacts && record.id === undefined && typeof record.email === 'string') record.id = `contact-${record.email.toLowerCase()}`;
    return record;
  });
  return { ok: true, records: isContacts ? { accounts: [], contacts: records } : { accounts: records } };
}
