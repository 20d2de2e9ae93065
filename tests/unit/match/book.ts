/** A small book and an in-memory stand-in for the store's lookups, shaped like the sample anchors. */
import type { PageContext } from '../../../lib/hosts/types';
import { toSalesforceId18 } from '../../../lib/hosts/salesforce-id';
import { lookupKeys, type MatchOptions } from '../../../lib/match/match';
import { contactNameKey } from '../../../lib/match/names';
import type { LookupKeys, LookupResults } from '../../../lib/match/types';
import type { Account, Contact } from '../../../lib/model/bundle';
import { ANCHORS, SAMPLE_USER } from '../../../lib/sample/anchors';

const { acme, globex, initechUs, initechEmea } = ANCHORS;

export const ACCOUNTS: Account[] = [
  {
    id: acme.accountId,
    name: acme.name,
    domains: [acme.domain],
    crm: { salesforceId: acme.salesforceId15, hubspotId: acme.hubspotCompanyId },
  },
  {
    id: globex.accountId,
    name: globex.name,
    domains: [globex.domain],
    crm: { salesforceId: globex.salesforceId18, hubspotId: globex.hubspotCompanyId },
  },
  { id: initechUs.accountId, name: initechUs.name, domains: [initechUs.domain], crm: { salesforceId: initechUs.salesforceId18 } },
  { id: initechEmea.accountId, name: initechEmea.name, domains: [initechEmea.domain], crm: { salesforceId: initechEmea.salesforceId18 } },
];

export const CONTACTS: Contact[] = [
  {
    ...pick(acme.champion),
    accountId: acme.accountId,
    crm: { salesforceId: acme.champion.salesforceId18, hubspotId: acme.champion.hubspotContactId },
  },
  { ...pick(acme.economicBuyer), accountId: acme.accountId, crm: { salesforceId: acme.economicBuyer.salesforceId18 } },
  { ...pick(globex.contact), accountId: globex.accountId },
];

function pick(p: { id: string; name: string; email: string }) {
  return { id: p.id, name: p.name, email: p.email };
}

/** What the background does with lookup keys: exact-key reads of the store's indexes. */
export function lookup(keys: LookupKeys, accounts = ACCOUNTS, contacts = CONTACTS): LookupResults {
  const sf = (id?: string) => (id ? toSalesforceId18(id) : null);
  const r: LookupResults = {
    accountsBySalesforceId: {},
    accountsByHubspotId: {},
    contactsBySalesforceId: {},
    contactsByHubspotId: {},
    contactsByEmail: {},
    accountsByDomain: {},
    accountsById: {},
  };
  for (const id of keys.salesforceIds) {
    r.accountsBySalesforceId[id] = accounts.filter((a) => sf(a.crm?.salesforceId) === id);
    r.contactsBySalesforceId[id] = contacts.filter((c) => sf(c.crm?.salesforceId) === id);
  }
  for (const id of keys.hubspotIds) {
    r.accountsByHubspotId[id] = accounts.filter((a) => a.crm?.hubspotId === id);
    r.contactsByHubspotId[id] = contacts.filter((c) => c.crm?.hubspotId === id);
  }
  for (const e of keys.emails) r.contactsByEmail[e] = contacts.filter((c) => c.email.toLowerCase() === e);
  for (const d of keys.domains) r.accountsByDomain[d] = accounts.filter((a) => a.domains?.includes(d));
  r.contactsByName = {};
  for (const n of keys.names ?? []) r.contactsByName[n] = contacts.filter((c) => contactNameKey(c.name) === n);
  const referenced = Object.values(r).flatMap((m) => Object.values(m).flat()) as (Account | Contact)[];
  for (const x of referenced) {
    const accountId = 'accountId' in x ? x.accountId : x.id;
    const a = accounts.find((acc) => acc.id === accountId);
    if (a) r.accountsById[a.id] = a;
  }
  return r;
}

export const OPTS: MatchOptions = { ownDomains: [SAMPLE_USER.ownDomain], userEmail: SAMPLE_USER.email };

export function thread(people: { name?: string; email: string }[], threadId = '18e5c2a7f4b91d03'): PageContext {
  return {
    host: 'gmail',
    kind: 'thread',
    url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
    threadId,
    subject: 'Subject',
    people: [...people, { name: SAMPLE_USER.name, email: SAMPLE_USER.email }],
    userEmail: SAMPLE_USER.email,
    messages: [],
  };
}

export function keysAndResults(ctx: PageContext, opts = OPTS) {
  const keys = lookupKeys(ctx, opts);
  return { keys, results: lookup(keys) };
}
