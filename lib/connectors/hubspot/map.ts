/**
 * HubSpot CRM v3 payloads -> Glance records. Pure. Ids carry the source and object type
 * (`hubspot:company:9001`) so they never clash with Salesforce or imported records. A value that
 * would not pass the bundle schema is left out rather than failing the whole record.
 */
import { accountSchema, isoDateProblem, type Account, type Contact, type Ticket } from '../../model/bundle';
import type { ClearableField } from '../types';
import { DEFAULT_FIELD_MAPPING, type HubSpotFieldMapping } from './mapping';

export interface HubSpotObject {
  id: string;
  properties: Record<string, string | null | undefined>;
  createdAt?: string;
  updatedAt?: string;
  archived?: boolean;
  archivedAt?: string;
  associations?: Record<string, { results: Array<{ id: string; type?: string }> }>;
}

export interface HubSpotOwner {
  id: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  archived?: boolean;
}

/** Owner id -> email, from GET /crm/v3/owners. */
export type OwnerEmails = ReadonlyMap<string, string>;

export const glanceId = {
  company: (id: string) => `hubspot:company:${id}`,
  contact: (id: string) => `hubspot:contact:${id}`,
  deal: (id: string) => `hubspot:deal:${id}`,
  ticket: (id: string) => `hubspot:ticket:${id}`,
};

/** The HubSpot id inside a Glance id of the given type, or null when the record came from elsewhere. */
export function hubspotIdOf(glance: string, type: keyof typeof glanceId): string | null {
  const prefix = `hubspot:${type}:`;
  return glance.startsWith(prefix) ? glance.slice(prefix.length) : null;
}

export function ownerEmails(owners: HubSpotOwner[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const owner of owners) if (owner.email) map.set(owner.id, owner.email.toLowerCase());
  return map;
}

const text = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const numberOf = (value: string | null | undefined): number | undefined => {
  const t = text(value);
  if (t === undefined) return undefined;
  const n = Number(t.replace(/[,\s]/g, ''));
  return Number.isFinite(n) ? n : undefined;
};

/** HubSpot dates come as ISO timestamps, date-only strings or epoch milliseconds. */
export function dateOf(value: string | null | undefined): string | undefined {
  const t = text(value);
  if (t === undefined) return undefined;
  if (/^\d{10,}$/.test(t)) return new Date(Number(t)).toISOString();
  return isoDateProblem(t) === null ? t : undefined;
}

/** A company domain as the matcher expects it: host only, lower case, no www. */
export function normaliseDomain(value: string): string | undefined {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/^www\./, '');
  return host.length <= 253 && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : undefined;
}

function firstProperty(object: HubSpotObject, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = text(object.properties[name]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The company a contact or ticket belongs to: the primary association first, then any. */
export function companyOf(object: HubSpotObject): string | undefined {
  const companies = object.associations?.companies?.results ?? [];
  const primary = companies.find((c) => !c.type || !/unlabeled/i.test(c.type));
  return primary?.id ?? companies[0]?.id ?? text(object.properties.associatedcompanyid);
}

export function mapCompany(company: HubSpotObject, owners: OwnerEmails, mapping: HubSpotFieldMapping = DEFAULT_FIELD_MAPPING): Account {
  const p = company.properties;
  const m = mapping.company;
  const domains = [text(p.domain), ...(text(p.hs_additional_domains)?.split(';') ?? [])]
    .map((d) => (d ? normaliseDomain(d) : undefined))
    .filter((d): d is string => !!d);
  const account: Account = {
    id: glanceId.company(company.id),
    name: (text(p.name) ?? domains[0] ?? `HubSpot company ${company.id}`).slice(0, 500),
    crm: { hubspotId: company.id },
  };
  if (domains.length) account.domains = [...new Set(domains)].slice(0, 1000);
  const arr = numberOf(firstProperty(company, m.arr));
  if (arr !== undefined && arr >= 0) account.arr = arr;
  const currency = text(p.hs_annual_revenue_currency_code);
  if (currency) account.currency = currency;
  const owner = text(p[m.owner ?? 'hubspot_owner_id']);
  if (owner && owners.get(owner)) account.owner = owners.get(owner);
  const lifecycle = text(p.lifecyclestage);
  if (lifecycle) account.lifecycleStage = lifecycle;
  const tier = m.tier ? m.tierValues[text(p[m.tier])?.toLowerCase() ?? ''] : undefined;
  if (tier) account.tier = tier;
  const renewal = m.renewalDate ? dateOf(p[m.renewalDate]) : undefined;
  if (renewal) account.renewalDate = renewal;
  const asOf = dateOf(p.hs_lastmodifieddate) ?? dateOf(company.updatedAt) ?? new Date(0).toISOString();
  const health = m.health ? numberOf(p[m.health]) : undefined;
  if (health !== undefined && health >= 0 && health <= 100) account.healthHistory = [{ date: asOf, score: health }];
  const nps = m.nps ? numberOf(p[m.nps]) : undefined;
  if (nps !== undefined && nps >= 0 && nps <= 10) account.nps = [{ date: (m.npsDate && dateOf(p[m.npsDate])) || asOf, score: nps }];
  // Belt and braces: a mapping edited later must not be able to store a record the app cannot read.
  return accountSchema.parse(account);
}

/**
 * Fields the portal has emptied. HubSpot answers a requested property that has no value as null (or
 * ""), and leaves out one it was not asked for: only a property present and empty clears the field.
 */
export function clearedCompanyFields(company: HubSpotObject, mapping: HubSpotFieldMapping = DEFAULT_FIELD_MAPPING): ClearableField[] {
  const p = company.properties;
  const m = mapping.company;
  const emptied = (...names: Array<string | undefined>) =>
    names.length > 0 && names.every((name) => !!name && name in p && text(p[name]) === undefined);
  const cleared: ClearableField[] = [];
  if (m.arr.length && emptied(...m.arr)) cleared.push('arr');
  if (m.renewalDate && emptied(m.renewalDate)) cleared.push('renewalDate');
  if (m.tier && emptied(m.tier)) cleared.push('tier');
  if (emptied('hs_annual_revenue_currency_code')) cleared.push('currency');
  if (emptied(m.owner ?? 'hubspot_owner_id')) cleared.push('owner');
  if (emptied('lifecyclestage')) cleared.push('lifecycleStage');
  if (emptied('domain', 'hs_additional_domains')) cleared.push('domains');
  return cleared;
}

/** Null when the contact cannot be a Glance contact: no email, or no company to hang it on. */
export function mapContact(contact: HubSpotObject): Contact | null {
  const p = contact.properties;
  const email = text(p.email)?.toLowerCase();
  const company = companyOf(contact);
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || !company) return null;
  const name = [text(p.firstname), text(p.lastname)].filter(Boolean).join(' ') || email;
  const result: Contact = {
    id: glanceId.contact(contact.id),
    accountId: glanceId.company(company),
    name: name.slice(0, 500),
    email,
    crm: { hubspotId: contact.id },
  };
  const title = text(p.jobtitle);
  if (title) result.title = title.slice(0, 500);
  return result;
}

export function mapTicket(ticket: HubSpotObject, mapping: HubSpotFieldMapping = DEFAULT_FIELD_MAPPING): Ticket | null {
  const p = ticket.properties;
  const company = companyOf(ticket);
  const openedAt = dateOf(p.createdate) ?? dateOf(ticket.createdAt);
  if (!company || !openedAt) return null;
  const closedAt = dateOf(p.closed_date);
  const closed = !!closedAt || mapping.ticket.closedStages.includes(text(p.hs_pipeline_stage) ?? '');
  const result: Ticket = {
    id: glanceId.ticket(ticket.id),
    accountId: glanceId.company(company),
    openedAt,
    priority: mapping.ticket.priorityValues[text(p.hs_ticket_priority)?.toUpperCase() ?? ''] ?? mapping.ticket.defaultPriority,
    status: closed ? 'closed' : 'open',
  };
  if (closedAt) result.closedAt = closedAt;
  const subject = text(p.subject);
  if (subject) result.subject = subject.slice(0, 10_000);
  return result;
}

/** What a renewal deal says about its account. Not a record of its own: the sync engine merges it in. */
export interface RenewalFacts {
  accountId: string;
  dealId: string;
  renewalDate?: string;
  amount?: number;
  closed: boolean;
}

/** Null for deals the mapping does not treat as renewals, or with no company. */
export function mapRenewalDeal(deal: HubSpotObject, mapping: HubSpotFieldMapping = DEFAULT_FIELD_MAPPING): RenewalFacts | null {
  const p = deal.properties;
  const m = mapping.deal;
  const isRenewal =
    m.renewalDealTypes.includes(text(p.dealtype) ?? '') ||
    m.renewalPipelines.includes(text(p.pipeline) ?? '') ||
    (m.renewalNamePattern?.test(text(p.dealname) ?? '') ?? false);
  const company = companyOf(deal);
  if (!isRenewal || !company) return null;
  const facts: RenewalFacts = { accountId: glanceId.company(company), dealId: glanceId.deal(deal.id), closed: p.hs_is_closed === 'true' };
  const date = dateOf(p[m.renewalDate]);
  if (date) facts.renewalDate = date;
  const amount = numberOf(p[m.amount]);
  if (amount !== undefined && amount >= 0) facts.amount = amount;
  return facts;
}

/** The properties a pull asks for, so the mapping and the request never drift apart. */
export function propertiesFor(
  object: 'companies' | 'contacts' | 'deals' | 'tickets',
  mapping: HubSpotFieldMapping = DEFAULT_FIELD_MAPPING,
): string[] {
  const m = mapping;
  const lists: Record<typeof object, Array<string | undefined>> = {
    companies: [
      'name',
      'domain',
      'hs_additional_domains',
      m.company.owner ?? 'hubspot_owner_id',
      'lifecyclestage',
      'hs_annual_revenue_currency_code',
      'hs_lastmodifieddate',
      ...m.company.arr,
      m.company.tier,
      m.company.renewalDate,
      m.company.health,
      m.company.nps,
      m.company.npsDate,
    ],
    contacts: ['email', 'firstname', 'lastname', 'jobtitle', 'associatedcompanyid', 'lastmodifieddate'],
    deals: ['dealname', 'dealtype', 'pipeline', 'dealstage', 'hs_is_closed', 'hs_lastmodifieddate', m.deal.renewalDate, m.deal.amount],
    tickets: ['subject', 'createdate', 'closed_date', 'hs_pipeline_stage', 'hs_ticket_priority', 'hs_lastmodifieddate'],
  };
  return [...new Set(lists[object].filter((p): p is string => !!p))];
}
