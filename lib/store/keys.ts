/** Derived index fields: what the sidebar looks records up by, normalised so look-ups are exact. */
import type { Account, Contact } from '../model/bundle';
import { registrableDomain } from '../match/domains';
import { contactNameKey } from '../match/names';
import { toSalesforceId18 } from '../hosts/salesforce-id';
import type { AccountKeys, ContactKeys, StoredAccount, StoredContact } from './db';

/**
 * `_synced`: which CRM sync last wrote the account and when; `_renewals`: the CRM's open renewal deals
 * behind its renewal date. Kept out of exports like the index fields.
 */
const DERIVED = ['_domains', '_sf', '_hs', '_name', '_email', '_synced', '_renewals'] as const;

/** Trimmed as the page side trims it (lookupKeys), so " 4401" in a file still matches the page's 4401. */
function hubspotKey(id: string | undefined): string | undefined {
  return id === undefined ? undefined : String(id).trim() || undefined;
}

export function withAccountKeys(account: Account): StoredAccount {
  const domains = new Set<string>();
  for (const d of account.domains ?? []) {
    const reg = registrableDomain(d);
    if (reg) domains.add(reg);
  }
  const keys: AccountKeys = { _domains: [...domains], _name: account.name.toLowerCase() };
  const sf = account.crm?.salesforceId ? toSalesforceId18(account.crm.salesforceId) : null;
  if (sf) keys._sf = sf;
  const hs = hubspotKey(account.crm?.hubspotId);
  if (hs) keys._hs = hs;
  return { ...account, ...keys };
}

export function withContactKeys(contact: Contact): StoredContact {
  const keys: ContactKeys = { _email: contact.email.trim().toLowerCase() };
  const name = contactNameKey(contact.name);
  if (name) keys._name = name;
  const sf = contact.crm?.salesforceId ? toSalesforceId18(contact.crm.salesforceId) : null;
  if (sf) keys._sf = sf;
  const hs = hubspotKey(contact.crm?.hubspotId);
  if (hs) keys._hs = hs;
  return { ...contact, ...keys };
}

/** The record as the user gave it: index fields removed. */
export function withoutKeys<T extends object>(stored: T): T {
  const copy = { ...stored } as Record<string, unknown>;
  for (const key of DERIVED) delete copy[key];
  return copy as T;
}
