/**
 * CSV exports (accounts or contacts, one file each, as CRMs export them) mapped onto the bundle model.
 * Columns are matched loosely ("Renewal Date", "renewal_date", "renewalDate"); unknown columns are kept.
 */
import Papa from 'papaparse';
import type { EnvelopeResult } from './validate';

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

type ValueKind = 'string' | 'number' | 'list';

/*
 * Column names come from the file, so they are looked up in Maps and written with defineProperty:
 * a header named "constructor" or "__proto__" must never reach an object's inherited members.
 */
/** squashed column name -> [field path, value kind] */
const ACCOUNT_COLUMNS = new Map<string, [string, ValueKind]>(
  Object.entries({
    id: ['id', 'string'],
    accountid: ['id', 'string'],
    name: ['name', 'string'],
    accountname: ['name', 'string'],
    company: ['name', 'string'],
    companyname: ['name', 'string'],
    domain: ['domains', 'list'],
    domains: ['domains', 'list'],
    website: ['domains', 'list'],
    arr: ['arr', 'number'],
    annualrecurringrevenue: ['arr', 'number'],
    currency: ['currency', 'string'],
    tier: ['tier', 'string'],
    renewaldate: ['renewalDate', 'string'],
    contractstart: ['contractStart', 'string'],
    owner: ['owner', 'string'],
    csm: ['owner', 'string'],
    ae: ['ae', 'string'],
    licensedseats: ['licensedSeats', 'number'],
    activeseats: ['activeSeats', 'number'],
    salesforceid: ['crm.salesforceId', 'string'],
    hubspotid: ['crm.hubspotId', 'string'],
  } satisfies Record<string, [string, ValueKind]>),
);

const CONTACT_COLUMNS = new Map<string, [string, ValueKind]>(
  Object.entries({
    id: ['id', 'string'],
    contactid: ['id', 'string'],
    accountid: ['accountId', 'string'],
    account: ['accountId', 'string'],
    name: ['name', 'string'],
    fullname: ['name', 'string'],
    email: ['email', 'string'],
    emailaddress: ['email', 'string'],
    title: ['title', 'string'],
    jobtitle: ['title', 'string'],
    role: ['role', 'string'],
    status: ['status', 'string'],
    salesforceid: ['crm.salesforceId', 'string'],
    hubspotid: ['crm.hubspotId', 'string'],
  } satisfies Record<string, [string, ValueKind]>),
);

/** An own, ordinary property whatever the key (an assignment to `__proto__` would change the prototype instead). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, tail] = path.split('.');
  if (!tail) setOwn(target, head, value);
  else setOwn(target, head, { ...((target[head] as object) ?? {}), [tail]: value });
}

/** Repeated header names get a suffix (`Name`, `Name_1`), as spreadsheets and papaparse do, so no column overwrites another. */
export function uniqueHeaders(row: string[]): string[] {
  const seen = new Set<string>();
  return row.map((header) => {
    let name = header;
    for (let n = 1; seen.has(name); n++) name = `${header}_${n}`;
    seen.add(name);
    return name;
  });
}

function convert(raw: string, kind: ValueKind): unknown {
  if (kind === 'number') {
    const n = Number(raw.replace(/[$,\s]/g, ''));
    return Number.isFinite(n) ? n : raw; // left as text so validation names the field
  }
  if (kind === 'list')
    return raw
      .split(/[;,\s]+/)
      .map((d) => d.replace(/^https?:\/\//i, '').replace(/\/.*$/, ''))
      .filter(Boolean);
  return raw;
}

export function readCsvText(text: string): EnvelopeResult {
  // Rows as arrays, not papaparse's header objects: those are plain objects, where a "__proto__" column's values vanish.
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const [headerRow = [], ...rows] = parsed.data;
  const headers = uniqueHeaders(headerRow);
  if (headers.length < 2 || rows.length === 0) {
    return { ok: false, error: 'This CSV file has no header row with columns, or no rows. Nothing was imported.' };
  }
  const squashed = headers.map(squash);
  const isContacts = squashed.includes('email') || squashed.includes('emailaddress');
  if (!isContacts && !squashed.some((h) => ACCOUNT_COLUMNS.get(h)?.[0] === 'name')) {
    return {
      ok: false,
      error:
        'This CSV file is neither an accounts export (needs a "Name" column) nor a contacts export (needs an "Email" column). Nothing was imported.',
    };
  }
  const columns = isContacts ? CONTACT_COLUMNS : ACCOUNT_COLUMNS;
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    headers.forEach((header, i) => {
      const value = (row[i] ?? '').trim();
      if (value === '') return;
      const mapped = columns.get(squashed[i]);
      if (mapped) setPath(record, mapped[0], convert(value, mapped[1]));
      else setOwn(record, header, value);
    });
    if (isContacts && record.id === undefined && typeof record.email === 'string') record.id = `contact-${record.email.toLowerCase()}`;
    return record;
  });
  return { ok: true, records: isContacts ? { accounts: [], contacts: records } : { accounts: records } };
}
