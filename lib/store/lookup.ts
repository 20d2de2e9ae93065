/** Index look-ups for matching and search: every one an indexed query, so time stays flat as the book grows. */
import type { LookupKeys, LookupResults } from '../match/types';
import type { Account } from '../model/bundle';
import type { GlanceDB, MatchChoice, StoredAccount, StoredContact } from './db';
import { rowsWithAnyKey } from './any-key';
import { contactsBy } from './contacts';
import { withoutKeys } from './keys';

function groupBy<T>(items: T[], key: (item: T) => string | undefined): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) (out[k] ??= []).push(item);
  }
  return out;
}

/**
 * The look-ups for a page, with the account the user chose for it before: the choice is read beside
 * the index queries, in the same transaction, rather than in one of its own ahead of them (a thread
 * swap then waits on two rounds of requests to the store, not three).
 */
export async function lookupForPage(
  db: GlanceDB,
  keys: LookupKeys,
  pageKey?: string,
): Promise<{ choice?: MatchChoice; results: LookupResults }> {
  return db.transaction('r', [db.accounts, db.contactPacks, db.matchChoices], async () => {
    const [choice, found] = await Promise.all([pageKey ? db.matchChoices.get(pageKey) : undefined, queryKeys(db, keys)]);
    return { choice, results: await resultsOf(db, keys, found, choice ? [choice.accountId] : []) };
  });
}

type Found = Awaited<ReturnType<typeof queryKeys>>;

function queryKeys(db: GlanceDB, keys: LookupKeys) {
  return Promise.all([
    keys.salesforceIds.length ? db.accounts.where('_sf').anyOf(keys.salesforceIds).toArray() : [],
    keys.hubspotIds.length ? db.accounts.where('_hs').anyOf(keys.hubspotIds).toArray() : [],
    contactsBy(db, 'sf', keys.salesforceIds),
    contactsBy(db, 'hs', keys.hubspotIds),
    contactsBy(db, 'email', keys.emails),
    rowsWithAnyKey(db.accounts, '_domains', keys.domains),
    contactsBy(db, 'name', keys.names ?? []),
  ]);
}

/** The accounts the queries point at but did not bring (a contact's account, a remembered choice) are read, then all is grouped by key. */
async function resultsOf(db: GlanceDB, keys: LookupKeys, found: Found, extraAccountIds: string[]): Promise<LookupResults> {
  const [sfAccounts, hsAccounts, sfContacts, hsContacts, emailContacts, domainAccounts, namedContacts] = found;
  const contacts: StoredContact[] = [...sfContacts, ...hsContacts, ...emailContacts, ...namedContacts];
  const wanted = new Set([...contacts.map((c) => c.accountId), ...extraAccountIds]);
  const known = new Map<string, StoredAccount>();
  for (const a of [...sfAccounts, ...hsAccounts, ...domainAccounts]) known.set(a.id, a);
  const missing = [...wanted].filter((id) => !known.has(id));
  if (missing.length) for (const a of await db.accounts.bulkGet(missing)) if (a) known.set(a.id, a);

  const plain = (a: StoredAccount): Account => withoutKeys(a);
  const accountsById: Record<string, Account> = {};
  for (const [id, a] of known) accountsById[id] = plain(a);
  return {
    accountsBySalesforceId: stripped(groupBy(sfAccounts, (a) => a._sf)),
    accountsByHubspotId: stripped(groupBy(hsAccounts, (a) => a._hs)),
    contactsBySalesforceId: stripped(groupBy(sfContacts, (c) => c._sf)),
    contactsByHubspotId: stripped(groupBy(hsContacts, (c) => c._hs)),
    contactsByEmail: stripped(groupBy(emailContacts, (c) => c._email)),
    accountsByDomain: groupByMany(domainAccounts, keys.domains),
    contactsByName: stripped(groupBy(namedContacts, (c) => c._name)),
    accountsById,
  };
}

function stripped<T extends object>(groups: Record<string, T[]>): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const [key, items] of Object.entries(groups)) out[key] = items.map(withoutKeys);
  return out;
}

function groupByMany(accounts: StoredAccount[], domains: string[]): Record<string, Account[]> {
  const out: Record<string, Account[]> = {};
  for (const domain of domains) {
    const hits = accounts.filter((a) => a._domains.includes(domain)).map((a) => withoutKeys(a) as Account);
    if (hits.length) out[domain] = hits;
  }
  return out;
}
