/** Index look-ups for matching and search: every one an indexed query, so time stays flat as the book grows. */
import type { LookupKeys, LookupResults } from '../match/types';
import type { Account } from '../model/bundle';
import type { ContactPack, GlanceDB, MatchChoice, StoredAccount, StoredContact } from './db';
import { distinctAscending, eachRowOnce } from './any-key';
import { CONTACT_INDEX, contactsInPacks, type ContactKey } from './contacts';
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
 * The look-ups for a page, with the account the user chose for it before, in one read-only
 * transaction of the browser's own IndexedDB: every key is its own request, all sent together, and
 * the accounts the contacts point at follow in a second round. This is the one read on the path of
 * every thread swap, so it skips Dexie's transaction and query layers (its zone bookkeeping and
 * middleware cost about as much as the reads themselves here); everything else uses Dexie.
 */
export async function lookupForPage(
  db: GlanceDB,
  keys: LookupKeys,
  pageKey?: string,
): Promise<{ choice?: MatchChoice; results: LookupResults }> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction(['accounts', 'contactPacks', 'matchChoices'], 'readonly');
  const accounts = tx.objectStore('accounts');
  const packs = tx.objectStore('contactPacks');
  const [choice, ...found] = await Promise.all([
    pageKey ? request<MatchChoice | undefined>(tx.objectStore('matchChoices').get(pageKey)) : undefined,
    rowsWithAny<StoredAccount>(accounts, '_sf', keys.salesforceIds, 'id'),
    rowsWithAny<StoredAccount>(accounts, '_hs', keys.hubspotIds, 'id'),
    contactsWith(packs, 'sf', keys.salesforceIds),
    contactsWith(packs, 'hs', keys.hubspotIds),
    contactsWith(packs, 'email', keys.emails),
    rowsWithAny<StoredAccount>(accounts, '_domains', keys.domains, 'id'),
    contactsWith(packs, 'name', keys.names ?? []),
  ]);
  const [sfAccounts, hsAccounts, sfContacts, hsContacts, emailContacts, domainAccounts, namedContacts] = found;
  const contacts: StoredContact[] = [...sfContacts, ...hsContacts, ...emailContacts, ...namedContacts];
  const known = new Map<string, StoredAccount>();
  for (const a of [...sfAccounts, ...hsAccounts, ...domainAccounts]) known.set(a.id, a);
  const missing = [...new Set([...contacts.map((c) => c.accountId), ...(choice ? [choice.accountId] : [])])].filter((id) => !known.has(id));
  // Still inside the transaction: these requests go out from the first round's answers.
  for (const a of await Promise.all(missing.map((id) => request<StoredAccount | undefined>(accounts.get(id))))) if (a) known.set(a.id, a);
  return { choice, results: resultsOf(keys, found, known) };
}

type Found = [StoredAccount[], StoredAccount[], StoredContact[], StoredContact[], StoredContact[], StoredAccount[], StoredContact[]];

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

/** Rows whose index holds any of the keys, as rowsWithAnyKey gives them: by key, then primary key, each once. */
async function rowsWithAny<T>(store: IDBObjectStore, index: string, keys: readonly string[], primaryKey: string): Promise<T[]> {
  if (!keys.length) return [];
  const groups = await Promise.all(distinctAscending(keys).map((key) => request<T[]>(store.index(index).getAll(key))));
  return eachRowOnce(groups, primaryKey);
}

/** Contacts with any of these keys, picked out of their packs: as contactsBy gives them. */
async function contactsWith(packs: IDBObjectStore, key: ContactKey, values: readonly string[]): Promise<StoredContact[]> {
  if (!values.length) return [];
  return contactsInPacks(await rowsWithAny<ContactPack>(packs, CONTACT_INDEX[key], values, 'accountId'), key, values);
}

/** All that was found, grouped by key. */
function resultsOf(keys: LookupKeys, found: Found, known: Map<string, StoredAccount>): LookupResults {
  const [sfAccounts, hsAccounts, sfContacts, hsContacts, emailContacts, domainAccounts, namedContacts] = found;
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
