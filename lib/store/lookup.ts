/** Index look-ups for matching and search: every one an indexed query, so time stays flat as the book grows. */
import type { LookupKeys, LookupResults } from '../match/types';
import type { Account } from '../model/bundle';
import type { GlanceDB, StoredAccount, StoredContact } from './db';
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

export async function lookupForMatch(db: GlanceDB, keys: LookupKeys, extraAccountIds: string[] = []): Promise<LookupResults> {
  return db.transaction('r', [db.accounts, db.contactPacks], async () => {
    const names = keys.names ?? [];
    const [sfAccounts, hsAccounts, sfContacts, hsContacts, emailContacts, domainAccounts, namedContacts] = await Promise.all([
      keys.salesforceIds.length ? db.accounts.where('_sf').anyOf(keys.salesforceIds).toArray() : [],
      keys.hubspotIds.length ? db.accounts.where('_hs').anyOf(keys.hubspotIds).toArray() : [],
      contactsBy(db, 'sf', keys.salesforceIds),
      contactsBy(db, 'hs', keys.hubspotIds),
      contactsBy(db, 'email', keys.emails),
      keys.domains.length ? db.accounts.where('_domains').anyOf(keys.domains).distinct().toArray() : [],
      contactsBy(db, 'name', names),
    ]);
    const contacts: StoredContact[] = [...sfContacts, ...hsContacts, ...emailContacts, ...namedContacts];
    const wanted = new Set([...contacts.map((c) => c.accountId), ...extraAccountIds]);
    const known = new Map<string, StoredAccount>();
    for (const a of [...sfAccounts, ...hsAccounts, ...domainAccounts]) known.set(a.id, a);
    const missing = [...wanted].filter((id) => !known.has(id));
    for (const a of await db.accounts.bulkGet(missing)) if (a) known.set(a.id, a);

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
  });
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
