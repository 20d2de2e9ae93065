/**
 * Which account a page is about. Pure: the background looks up the keys from `lookupKeys` in the
 * store and hands the results to `decideMatch`. Steps, strongest first: a remembered manual
 * choice, a CRM record id, an exact contact email, a registrable domain. The first step that finds
 * anything decides; when it finds several accounts the answer is 'ambiguous', never a guess.
 */
import { toSalesforceId18 } from '../hosts/salesforce-id';
import type { CrmRecordRef, PageContext, Person } from '../hosts/types';
import type { Account, Contact } from '../model/bundle';
import { isFreeMailDomain, registrableDomain } from './domains';
import { contactNameKey } from './names';
import type { LookupKeys, LookupResults, MatchResult, MatchVia } from './types';

export interface MatchOptions {
  /** The user's own company domains from settings; people there are colleagues, not customers. */
  ownDomains: string[];
  /** The signed-in user's address when the page does not show it. */
  userEmail?: string;
}

export interface DecideOptions extends Partial<MatchOptions> {
  /** The account the user picked for this thread or record before (see pageKey). */
  remembered?: { accountId: string } | null;
}

/** The people on the page who are not the user or the user's colleagues. */
export function externalPeople(ctx: PageContext, opts: Partial<MatchOptions> = {}): Person[] {
  if (ctx.kind !== 'thread') return [];
  const userEmails = new Set([opts.userEmail, ctx.userEmail].filter(Boolean).map((e) => e!.trim().toLowerCase()));
  const own = new Set<string>();
  for (const d of opts.ownDomains ?? []) {
    const rd = registrableDomain(d);
    if (rd) own.add(rd);
  }
  for (const e of userEmails) {
    const rd = registrableDomain(e);
    // A user on a free-mail address does not make every free-mail sender a colleague.
    if (rd && !isFreeMailDomain(rd)) own.add(rd);
  }
  return ctx.people.filter((p) => {
    // Outlook names recipients without an address: such a person is matched by name, not here.
    const email = p.email?.trim().toLowerCase() ?? '';
    const domain = registrableDomain(email);
    return email.includes('@') && !userEmails.has(email) && !(domain && own.has(domain));
  });
}

export function lookupKeys(ctx: PageContext, opts: MatchOptions): LookupKeys {
  const keys: LookupKeys = { salesforceIds: [], hubspotIds: [], emails: [], domains: [] };
  if (ctx.kind === 'record') {
    const ids = [ctx.record.id, ctx.record.relatedAccountId].filter((x): x is string => !!x);
    if (ctx.record.crm === 'salesforce') keys.salesforceIds = unique(ids.map((id) => toSalesforceId18(id)));
    else keys.hubspotIds = unique(ids.map((id) => id.trim()));
    return keys;
  }
  const people = externalPeople(ctx, opts);
  keys.emails = unique(people.map((p) => p.email?.trim().toLowerCase()));
  keys.domains = unique(keys.emails.map((e) => registrableDomain(e)).filter((d) => d && !isFreeMailDomain(d)));
  if (ctx.kind === 'thread') {
    // Everyone with an address is matched by it; a name stands in only where the page shows no address.
    const named = unique(ctx.people.filter((p) => !p.email && p.name).map((p) => contactNameKey(p.name)));
    if (named.length) keys.names = named;
  }
  return keys;
}

/** Accounts found by one step, in the order found, with the reasons they were found. */
class Found {
  private byId = new Map<string, { account: Account; reasons: string[] }>();
  add(account: Account | undefined, reason: string) {
    if (!account) return;
    const hit = this.byId.get(account.id);
    if (!hit) this.byId.set(account.id, { account, reasons: [reason] });
    else if (!hit.reasons.includes(reason)) hit.reasons.push(reason);
  }
  conclude(via: MatchVia): MatchResult | null {
    const hits = [...this.byId.values()];
    const because = (reasons: string[]) => reasons.slice(0, 3).join('; ');
    if (hits.length === 0) return null;
    if (hits.length === 1) return { status: 'matched', accountId: hits[0].account.id, via, reason: because(hits[0].reasons) };
    return {
      status: 'ambiguous',
      via,
      candidates: hits.map(({ account, reasons }) => ({ accountId: account.id, name: account.name, reason: because(reasons) })),
    };
  }
}

export function decideMatch(ctx: PageContext, keys: LookupKeys, results: LookupResults, opts: DecideOptions = {}): MatchResult {
  const accountsById = results.accountsById ?? {};
  if (opts.remembered && (ctx.kind === 'thread' || ctx.kind === 'record')) {
    const chosen = accountsById[opts.remembered.accountId];
    if (chosen) return { status: 'matched', accountId: chosen.id, via: 'manual', reason: `you chose ${chosen.name} for this page` };
  }
  if (ctx.kind === 'record')
    return byCrmId(ctx.record, results).conclude('crm-id') ?? { status: 'none', reason: noRecordReason(ctx.record) };
  if (ctx.kind !== 'thread')
    return { status: 'none', reason: ctx.kind === 'unreadable' ? ctx.reason : 'no single record or thread on this page' };

  const byEmail = new Found();
  for (const email of keys.emails) {
    for (const c of listAt(results.contactsByEmail, email))
      byEmail.add(accountsById[c.accountId], `${email} is a contact of ${accountsById[c.accountId]?.name}`);
  }
  const emailResult = byEmail.conclude('email');
  if (emailResult) return emailResult;

  const byDomain = new Found();
  for (const domain of keys.domains) {
    const who = keys.emails.find((e) => registrableDomain(e) === domain) ?? domain;
    for (const a of listAt(results.accountsByDomain, domain)) byDomain.add(a, `${who} writes from ${domain}, a domain of ${a.name}`);
  }
  const domainResult = byDomain.conclude('domain');
  if (domainResult) return domainResult;

  // Weakest: a whole display name the book knows. Two contacts of that name at two accounts is a choice.
  const byName = new Found();
  for (const name of keys.names ?? []) {
    for (const c of listAt(results.contactsByName, name))
      byName.add(
        accountsById[c.accountId],
        `${c.name} (named on the thread, no address shown) is a contact of ${accountsById[c.accountId]?.name}`,
      );
  }
  return byName.conclude('name') ?? { status: 'none', reason: noThreadReason(ctx, keys, opts) };
}

function byCrmId(record: CrmRecordRef, results: LookupResults): Found {
  const found = new Found();
  const sf = record.crm === 'salesforce';
  const crmLabel = sf ? 'Salesforce' : 'HubSpot';
  const norm = sf ? (id: string) => toSalesforceId18(id) ?? id : (id: string) => id.trim();
  const accounts = (id: string) => listAtNormalised(sf ? results.accountsBySalesforceId : results.accountsByHubspotId, norm(id), norm);
  const contacts = (id: string) => listAtNormalised(sf ? results.contactsBySalesforceId : results.contactsByHubspotId, norm(id), norm);
  const object = record.object;

  if (object === 'account' || object === 'company') {
    for (const a of accounts(record.id)) found.add(a, `this ${crmLabel} ${object} (${record.id}) is ${a.name}`);
    return found;
  }
  if (object === 'contact') {
    for (const c of contacts(record.id)) {
      const a = results.accountsById?.[c.accountId];
      if (a) found.add(a, `${crmLabel} contact ${c.name || record.id} belongs to ${a.name}`);
    }
  }
  if (record.relatedAccountId) {
    for (const a of accounts(record.relatedAccountId))
      found.add(a, `this ${object}'s ${sf ? 'Account' : 'company'} on the page is ${a.name}`);
  }
  return found;
}

function noRecordReason(record: CrmRecordRef): string {
  const crm = record.crm === 'salesforce' ? 'Salesforce' : 'HubSpot';
  const ids = [record.id, record.relatedAccountId].filter(Boolean).join(' or ');
  const what = record.object === 'account' || record.object === 'company' ? 'account' : 'account or contact';
  return `no stored ${what} has ${crm} id ${ids}`;
}

function noThreadReason(ctx: Extract<PageContext, { kind: 'thread' }>, keys: LookupKeys, opts: DecideOptions): string {
  const emails = keys.emails.length ? keys.emails : externalPeople(ctx, opts).map((p) => p.email!.toLowerCase());
  if (emails.length === 0) {
    return ctx.people.length ? 'only you and your colleagues are on this thread' : 'no sender or recipient could be read on this thread';
  }
  const shown = emails.slice(0, 3).map((e) => (isFreeMailDomain(e) ? `${e} (free-mail)` : e));
  const more = emails.length > 3 ? ` and ${emails.length - 3} more` : '';
  return `no stored contact or account domain matches ${shown.join(', ')}${more}`;
}

function listAt<T>(map: Record<string, T[]> | undefined, key: string): T[] {
  return map?.[key] ?? map?.[key.toLowerCase()] ?? [];
}

/** Entries under any spelling of the key (15- or 18-character Salesforce ids, stray spaces). */
function listAtNormalised<T extends Account | Contact>(
  map: Record<string, T[]> | undefined,
  key: string,
  norm: (id: string) => string,
): T[] {
  if (!map) return [];
  const out = [...(map[key] ?? [])];
  for (const k of Object.keys(map)) if (k !== key && norm(k) === key) out.push(...map[k]);
  return out;
}

function unique(xs: (string | null | undefined)[]): string[] {
  return [...new Set(xs.filter((x): x is string => !!x))];
}
