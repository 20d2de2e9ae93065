/**
 * Pure: SOQL query records → bundle records. Glance ids are `salesforce:<18-char id>`, and accounts
 * and contacts also carry `crm.salesforceId`, which is what the sidebar's record matching looks up
 * on a Lightning page. A record that cannot become a valid Glance record (a contact without an
 * email, a case without an account) is skipped, never half-written.
 */
import { toSalesforceId18 } from '../../hosts/salesforce-id';
import { registrableDomain } from '../../match/domains';
import type { Account, Activity, Contact, Ticket } from '../../model/bundle';
import { accountSchema, activitySchema, contactSchema, ticketSchema } from '../../model/bundle';
import { ConnectorError, type ClearableField } from '../types';

export type SoqlRecord = Record<string, unknown>;

/** Which org fields fill which Glance fields. Custom fields differ per org, so they are off until an admin names them. */
export interface SalesforceFieldMapping {
  account: {
    arr: string | null;
    healthScore: string | null;
    renewalDate: string | null;
    tier: string | null;
    licensedSeats: string | null;
    activeSeats: string | null;
    /** A lookup to User naming the account's CSM (e.g. CSM__c); OwnerId when absent. */
    owner?: string | null;
    /** A 0–10 NPS score field. */
    nps?: string | null;
  };
  /** An open opportunity of one of these types is the account's renewal: its close date is the renewal date. */
  renewal: { opportunityTypes: string[]; amountIsArr: boolean };
  /** Case Priority picklist values → Glance ticket priorities; unknown values become P3. */
  casePriorities: Record<string, 'P1' | 'P2' | 'P3' | 'P4'>;
}

export const DEFAULT_FIELD_MAPPING: SalesforceFieldMapping = {
  account: { arr: 'AnnualRevenue', healthScore: null, renewalDate: null, tier: null, licensedSeats: null, activeSeats: null },
  renewal: { opportunityTypes: ['Renewal'], amountIsArr: false },
  casePriorities: { Critical: 'P1', Urgent: 'P1', High: 'P2', Medium: 'P3', Low: 'P4' },
};

export const GLANCE_ID_PREFIX = 'salesforce:';

/** `salesforce:<18-char id>`; null when `id` is not a Salesforce id. */
export function glanceId(id: unknown): string | null {
  const id18 = typeof id === 'string' ? toSalesforceId18(id) : null;
  return id18 ? GLANCE_ID_PREFIX + id18 : null;
}

/** The Salesforce id behind a Glance id made by glanceId, or null for records from elsewhere. */
export function salesforceIdOf(glance: string): string | null {
  return glance.startsWith(GLANCE_ID_PREFIX) ? toSalesforceId18(glance.slice(GLANCE_ID_PREFIX.length)) : null;
}

/** Salesforce writes `2026-05-01T07:25:37.000+0000`; Glance stores ISO with Z. Date-only values stay as they are. */
export function isoFromSalesforce(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() && Number.isFinite(Number(v)) ? Number(v) : undefined;

/** The `{records: [...]}` of a parent-child subquery, or nothing when the parent has no children (Salesforce sends null). */
function children(v: unknown): SoqlRecord[] {
  const records = (v as { records?: unknown } | null)?.records;
  return Array.isArray(records) ? (records as SoqlRecord[]) : [];
}

/** Users by id → their email: how OwnerId becomes the owner's address. */
export type UserDirectory = ReadonlyMap<string, string>;

export interface Owner {
  id: string;
  email: string;
  name: string;
  active: boolean;
}

export function mapUser(r: SoqlRecord): Owner | null {
  const id = typeof r.Id === 'string' ? toSalesforceId18(r.Id) : null;
  const email = str(r.Email)?.toLowerCase();
  if (!id || !email || !email.includes('@')) return null;
  const name = [str(r.FirstName), str(r.LastName)].filter(Boolean).join(' ') || email;
  return { id, email, name, active: r.IsActive !== false };
}

function ownerEmail(ownerId: unknown, users: UserDirectory): string | undefined {
  const id = typeof ownerId === 'string' ? toSalesforceId18(ownerId) : null;
  return id ? users.get(id) : undefined;
}

const TIERS: Record<string, Account['tier']> = {
  enterprise: 'enterprise',
  'mid-market': 'mid-market',
  midmarket: 'mid-market',
  'mid market': 'mid-market',
  smb: 'smb',
  'small business': 'smb',
};

function renewalOf(r: SoqlRecord, mapping: SalesforceFieldMapping): { date?: string; amount?: number } {
  const types = new Set(mapping.renewal.opportunityTypes.map((t) => t.toLowerCase()));
  const open = children(r.Opportunities)
    .filter((o) => o.IsClosed !== true && typeof o.Type === 'string' && types.has(o.Type.toLowerCase()) && isoFromSalesforce(o.CloseDate))
    .sort((a, b) => String(a.CloseDate).localeCompare(String(b.CloseDate)));
  const next = open[0];
  return next ? { date: isoFromSalesforce(next.CloseDate), amount: num(next.Amount) } : {};
}

export function mapAccount(r: SoqlRecord, users: UserDirectory, mapping: SalesforceFieldMapping = DEFAULT_FIELD_MAPPING): Account | null {
  const id = glanceId(r.Id);
  const name = str(r.Name);
  if (!id || !name) return null;
  const f = mapping.account;
  const field = (name: string | null) => (name ? r[name] : undefined);
  const domain = str(r.Website)
    ? registrableDomain(
        str(r.Website)!
          .replace(/^[a-z]+:\/\//i, '')
          .split(/[/?#]/)[0],
      )
    : null;
  const renewal = renewalOf(r, mapping);
  const arr = mapping.renewal.amountIsArr && renewal.amount !== undefined ? renewal.amount : num(field(f.arr));
  const score = num(field(f.healthScore));
  const nps = num(field(f.nps ?? null));
  const owner = ownerEmail(field(f.owner ?? 'OwnerId'), users);
  const modified = isoFromSalesforce(r.SystemModstamp);
  const tier = str(field(f.tier))?.toLowerCase();
  const account: Account = {
    id,
    name: name.slice(0, 500),
    crm: { salesforceId: id.slice(GLANCE_ID_PREFIX.length) },
    ...(domain && domain.includes('.') ? { domains: [domain] } : {}),
    ...(arr !== undefined && arr >= 0 ? { arr } : {}),
    ...(owner ? { owner } : {}),
    ...(renewal.date
      ? { renewalDate: renewal.date }
      : isoFromSalesforce(field(f.renewalDate))
        ? { renewalDate: isoFromSalesforce(field(f.renewalDate)) }
        : {}),
    ...(tier && TIERS[tier] ? { tier: TIERS[tier] } : {}),
    ...(num(field(f.licensedSeats)) !== undefined ? { licensedSeats: num(field(f.licensedSeats)) } : {}),
    ...(num(field(f.activeSeats)) !== undefined ? { activeSeats: num(field(f.activeSeats)) } : {}),
    // The CRM holds one score, the one as of its last change: one point of history on that day.
    ...(score !== undefined && modified && score >= 0 && score <= 100 ? { healthHistory: [{ date: modified.slice(0, 10), score }] } : {}),
    ...(nps !== undefined && modified && nps >= 0 && nps <= 10 ? { nps: [{ date: modified.slice(0, 10), score: nps }] } : {}),
  };
  return accountSchema.safeParse(account).success ? account : null;
}

/**
 * Account fields the org has emptied: SOQL answers every field it was asked for, null when empty, so a
 * null (or a renewal subquery with no open renewal left) clears what Glance holds; a field the query
 * did not name says nothing.
 */
export function clearedAccountFields(r: SoqlRecord, mapping: SalesforceFieldMapping = DEFAULT_FIELD_MAPPING): ClearableField[] {
  const f = mapping.account;
  const emptied = (name: string | null | undefined) => !!name && name in r && (r[name] === null || r[name] === '');
  const cleared: ClearableField[] = [];
  const renewal = renewalOf(r, mapping);
  const renewalsRead = mapping.renewal.opportunityTypes.length > 0 && 'Opportunities' in r;
  const arrFromRenewal = mapping.renewal.amountIsArr && renewal.amount !== undefined;
  if (!arrFromRenewal && (f.arr ? emptied(f.arr) : mapping.renewal.amountIsArr && renewalsRead)) cleared.push('arr');
  if (!renewal.date && (renewalsRead || f.renewalDate) && (!f.renewalDate || emptied(f.renewalDate))) cleared.push('renewalDate');
  if (emptied(f.tier)) cleared.push('tier');
  if (emptied(f.licensedSeats)) cleared.push('licensedSeats');
  if (emptied(f.activeSeats)) cleared.push('activeSeats');
  if (emptied('Website')) cleared.push('domains');
  return cleared;
}

export function mapContact(r: SoqlRecord): Contact | null {
  const id = glanceId(r.Id);
  const accountId = glanceId(r.AccountId);
  const email = str(r.Email)?.toLowerCase();
  if (!id || !accountId || !email) return null;
  const contact: Contact = {
    id,
    accountId,
    name: [str(r.FirstName), str(r.LastName)].filter(Boolean).join(' ') || email,
    email,
    crm: { salesforceId: id.slice(GLANCE_ID_PREFIX.length) },
    ...(str(r.Title) ? { title: str(r.Title) } : {}),
  };
  return contactSchema.safeParse(contact).success ? contact : null;
}

export function mapCase(r: SoqlRecord, mapping: SalesforceFieldMapping = DEFAULT_FIELD_MAPPING): Ticket | null {
  const id = glanceId(r.Id);
  const accountId = glanceId(r.AccountId);
  const openedAt = isoFromSalesforce(r.CreatedDate);
  if (!id || !accountId || !openedAt) return null;
  const closed = r.IsClosed === true;
  const closedAt = closed ? isoFromSalesforce(r.ClosedDate) : undefined;
  const subject = str(r.Subject) ?? (str(r.CaseNumber) ? `Case ${str(r.CaseNumber)}` : undefined);
  const ticket: Ticket = {
    id,
    accountId,
    openedAt,
    priority: (typeof r.Priority === 'string' && mapping.casePriorities[r.Priority]) || 'P3',
    status: closed ? 'closed' : 'open',
    ...(closedAt ? { closedAt } : {}),
    ...(subject ? { subject } : {}),
  };
  return ticketSchema.safeParse(ticket).success ? ticket : null;
}

/** Tasks Glance wrote itself carry this marker; they are commitments already, not activities. */
export const GLANCE_MARKER = /\[glance:[^\]]+\]/;

/** The account a Task or Event belongs to: its AccountId, or WhatId when that is an account. */
function activityAccount(r: SoqlRecord): string | null {
  if (typeof r.AccountId === 'string') return glanceId(r.AccountId);
  return typeof r.WhatId === 'string' && r.WhatId.startsWith('001') ? glanceId(r.WhatId) : null;
}

function activityContacts(r: SoqlRecord): string[] {
  const who = typeof r.WhoId === 'string' && r.WhoId.startsWith('003') ? glanceId(r.WhoId) : null;
  return who ? [who] : [];
}

const TASK_TYPES: Record<string, Activity['type']> = { call: 'call', email: 'email', listemail: 'email' };

export function mapTask(r: SoqlRecord): Activity | null {
  const id = glanceId(r.Id);
  const accountId = activityAccount(r);
  const date = isoFromSalesforce(r.ActivityDate) ?? isoFromSalesforce(r.CreatedDate);
  if (!id || !accountId || !date) return null;
  if (typeof r.Description === 'string' && GLANCE_MARKER.test(r.Description)) return null;
  const subtype = (str(r.TaskSubtype) ?? str(r.Type) ?? '').toLowerCase();
  const contactIds = activityContacts(r);
  const activity: Activity = {
    id,
    accountId,
    type: TASK_TYPES[subtype] ?? 'note',
    date,
    ...(str(r.Subject) ? { summary: str(r.Subject) } : {}),
    ...(contactIds.length ? { contactIds } : {}),
  };
  return activitySchema.safeParse(activity).success ? activity : null;
}

export function mapEvent(r: SoqlRecord): Activity | null {
  const id = glanceId(r.Id);
  const accountId = activityAccount(r);
  const date = isoFromSalesforce(r.StartDateTime) ?? isoFromSalesforce(r.ActivityDateTime) ?? isoFromSalesforce(r.ActivityDate);
  if (!id || !accountId || !date) return null;
  const subject = str(r.Subject);
  const contactIds = activityContacts(r);
  const activity: Activity = {
    id,
    accountId,
    type: subject && /\bQBR\b|business review/i.test(subject) ? 'qbr' : 'meeting',
    date,
    ...(subject ? { summary: subject } : {}),
    ...(contactIds.length ? { contactIds } : {}),
  };
  return activitySchema.safeParse(activity).success ? activity : null;
}

/** The SOQL field lists each mapping reads; custom fields only when the mapping names them. */
/** A field's API name as Salesforce spells it (`AnnualRevenue`, `Health_Score__c`, `ns__Seats__c`). */
const API_NAME = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:__c)?$/;

/** What is wrong with a field mapping (it goes into SOQL as written), or null. */
export function mappingProblem(mapping: SalesforceFieldMapping): string | null {
  for (const [glance, field] of Object.entries(mapping.account)) {
    if (field !== null && !API_NAME.test(field))
      return `"${field}" (mapped to ${glance}) is not a Salesforce field API name, such as Health_Score__c`;
  }
  return null;
}

export function accountFields(mapping: SalesforceFieldMapping = DEFAULT_FIELD_MAPPING): string[] {
  const problem = mappingProblem(mapping);
  if (problem) throw new ConnectorError(`The Salesforce field mapping is wrong: ${problem}.`, 'permanent');
  const custom = Object.values(mapping.account).filter((f): f is string => !!f);
  const types = mapping.renewal.opportunityTypes.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ');
  const renewals = `(SELECT Id, Type, CloseDate, Amount, IsClosed FROM Opportunities WHERE IsClosed = false AND Type IN (${types}) ORDER BY CloseDate LIMIT 5)`;
  return [...new Set(['Id', 'Name', 'Website', 'OwnerId', 'SystemModstamp', ...custom]), ...(types ? [renewals] : [])];
}

export const SOQL_FIELDS = {
  User: ['Id', 'Email', 'FirstName', 'LastName', 'IsActive', 'SystemModstamp'],
  Contact: ['Id', 'FirstName', 'LastName', 'Email', 'Title', 'AccountId', 'SystemModstamp'],
  Opportunity: ['Id', 'AccountId', 'SystemModstamp'],
  Case: ['Id', 'CaseNumber', 'Subject', 'Status', 'Priority', 'AccountId', 'CreatedDate', 'ClosedDate', 'IsClosed', 'SystemModstamp'],
  Task: ['Id', 'Subject', 'Description', 'ActivityDate', 'CreatedDate', 'TaskSubtype', 'AccountId', 'WhatId', 'WhoId', 'SystemModstamp'],
  Event: ['Id', 'Subject', 'StartDateTime', 'ActivityDate', 'AccountId', 'WhatId', 'WhoId', 'SystemModstamp'],
} as const;
