/**
 * How contacts are stored: one row per account (a contact pack, see SCHEMA_V5 in lib/store/db.ts)
 * holding its contacts sorted by id, with multi-entry indexes over their ids, emails, names and CRM
 * ids. Every read and write of contacts goes through here, so the rest of the store sees contacts
 * one by one, in the order the per-contact table gave them. Functions that write expect to run in a
 * transaction over contactPacks when the caller needs them atomic with other writes.
 */
import type { Contact } from '../model/bundle';
import type { ContactPack, GlanceDB, StoredContact } from './db';
import { rowsWithAnyKey } from './any-key';
import { countInSlices } from './slices';
import { withContactKeys, withoutKeys } from './keys';

/** What a look-up can find contacts by: the index of each. */
export const CONTACT_INDEX = { email: '_emails', name: '_names', sf: '_sf', hs: '_hs' } as const;
export type ContactKey = keyof typeof CONTACT_INDEX;

/** The field of a stored contact each look-up key is read from. */
const FIELD = { email: '_email', name: '_name', sf: '_sf', hs: '_hs' } as const;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function distinct(values: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const v of values) if (v !== undefined) out.add(v);
  return [...out];
}

/** An account's pack: its contacts sorted by id, and the keys the indexes need. */
export function packOf(accountId: string, contacts: StoredContact[]): ContactPack {
  const sorted = [...contacts].sort(byId);
  return {
    accountId,
    contacts: sorted,
    _ids: sorted.map((c) => c.id),
    _emails: distinct(sorted.map((c) => c._email)),
    _names: distinct(sorted.map((c) => c._name)),
    _sf: distinct(sorted.map((c) => c._sf)),
    _hs: distinct(sorted.map((c) => c._hs)),
  };
}

/** An account's contacts, by id. */
export async function contactsOf(db: GlanceDB, accountId: string): Promise<StoredContact[]> {
  return (await db.contactPacks.get(accountId))?.contacts ?? [];
}

/** The contacts of every account with an id from `first` to `last` (both included), by account. */
export async function contactsOfRange(db: GlanceDB, first: string, last: string): Promise<Map<string, StoredContact[]>> {
  const packs = await db.contactPacks.where('accountId').between(first, last, true, true).toArray();
  return new Map(packs.map((p) => [p.accountId, p.contacts]));
}

/** The contacts of these accounts' packs, all together. */
export async function contactsOfAccounts(db: GlanceDB, accountIds: readonly string[]): Promise<StoredContact[]> {
  const packs = await db.contactPacks.bulkGet([...accountIds]);
  return packs.flatMap((p) => p?.contacts ?? []);
}

/**
 * Every contact whose `key` (the derived, normalised field: lowercased email, name key, 18-char
 * Salesforce id, trimmed HubSpot id) is one of `values`, sorted by that key then id as the
 * per-contact index returned them.
 */
export async function contactsBy(db: GlanceDB, key: ContactKey, values: readonly string[]): Promise<StoredContact[]> {
  if (!values.length) return [];
  return contactsInPacks(await rowsWithAnyKey(db.contactPacks, CONTACT_INDEX[key], values), key, values);
}

/** The contacts of these packs whose `key` is one of `values`, sorted by that key, then id. */
export function contactsInPacks(packs: readonly ContactPack[], key: ContactKey, values: readonly string[]): StoredContact[] {
  const wanted = new Set(values);
  const field = FIELD[key];
  const found: StoredContact[] = [];
  for (const pack of packs) for (const c of pack.contacts) if (c[field] !== undefined && wanted.has(c[field])) found.push(c);
  return found.sort((a, b) => {
    const x = a[field]!;
    const y = b[field]!;
    return x < y ? -1 : x > y ? 1 : byId(a, b);
  });
}

/** The packs that hold any of these contact ids, each once. */
function packsHolding(db: GlanceDB, ids: readonly string[]): Promise<ContactPack[]> {
  return rowsWithAnyKey(db.contactPacks, '_ids', ids);
}

/** The stored contact for each id (same order), or undefined. */
export async function contactsById(db: GlanceDB, ids: readonly string[]): Promise<(StoredContact | undefined)[]> {
  if (!ids.length) return [];
  const packs = await packsHolding(db, ids);
  const found = new Map<string, StoredContact>();
  const wanted = new Set(ids);
  for (const pack of packs) for (const c of pack.contacts) if (wanted.has(c.id)) found.set(c.id, c);
  return ids.map((id) => found.get(id));
}

export async function getContact(db: GlanceDB, id: string): Promise<StoredContact | undefined> {
  return (await contactsById(db, [id]))[0];
}

/** A pack as it was before a write: absent when the account had no contacts. */
export interface PackBefore {
  key: string;
  before?: ContactPack;
}

/**
 * Stores these contacts (index keys derived here): each replaces the contact with its id, wherever
 * it was, so a contact that changed account leaves its old pack. Within the call the last of two
 * with one id wins. Resolves with every pack it touched as it was before, for an undo.
 */
export async function putContacts(db: GlanceDB, contacts: readonly Contact[]): Promise<PackBefore[]> {
  if (!contacts.length) return [];
  const incoming = new Map<string, StoredContact>();
  for (const c of contacts) incoming.set(c.id, withContactKeys(c));
  const [target, holders] = await Promise.all([
    db.contactPacks.bulkGet(distinct([...incoming.values()].map((c) => c.accountId))),
    db.contactPacks
      .where('_ids')
      .anyOf([...incoming.keys()])
      .primaryKeys(),
  ]);
  const before = new Map<string, ContactPack | undefined>();
  for (const pack of target) if (pack) before.set(pack.accountId, pack);
  const elsewhere = distinct(holders.filter((id) => !before.has(id)));
  if (elsewhere.length) for (const pack of await db.contactPacks.bulkGet(elsewhere)) if (pack) before.set(pack.accountId, pack);
  for (const c of incoming.values()) if (!before.has(c.accountId)) before.set(c.accountId, undefined);

  // Each touched pack keeps the contacts this call does not bring; the incoming ones join their account's.
  const members = new Map<string, Map<string, StoredContact>>();
  for (const [accountId, pack] of before) {
    const kept = new Map<string, StoredContact>();
    for (const c of pack?.contacts ?? []) if (!incoming.has(c.id)) kept.set(c.id, c);
    members.set(accountId, kept);
  }
  for (const c of incoming.values()) members.get(c.accountId)!.set(c.id, c);
  await writePacks(db, members);
  return [...before].map(([key, pack]) => (pack ? { key, before: pack } : { key }));
}

/** Packs rewritten from their members: an account left without contacts loses its pack. */
async function writePacks(db: GlanceDB, members: Map<string, Map<string, StoredContact>>): Promise<void> {
  const put: ContactPack[] = [];
  const gone: string[] = [];
  for (const [accountId, contacts] of members) {
    if (contacts.size) put.push(packOf(accountId, [...contacts.values()]));
    else gone.push(accountId);
  }
  if (put.length) await db.contactPacks.bulkPut(put);
  if (gone.length) await db.contactPacks.bulkDelete(gone);
}

/** Packs put back as they were before a write (an undo): a pack that was not there is removed. */
export async function restorePacks(db: GlanceDB, entries: readonly PackBefore[]): Promise<void> {
  const gone = entries.filter((e) => e.before === undefined).map((e) => e.key);
  const back = entries.filter((e) => e.before !== undefined).map((e) => e.before!);
  if (gone.length) await db.contactPacks.bulkDelete(gone);
  if (back.length) await db.contactPacks.bulkPut(back);
}

/** Changes some fields of a stored contact; false when there is no such contact. */
export async function updateContact(db: GlanceDB, id: string, changes: Partial<Contact>): Promise<boolean> {
  const [pack] = await packsHolding(db, [id]);
  const contact = pack?.contacts.find((c) => c.id === id);
  if (!pack || !contact) return false;
  const updated = withContactKeys(withoutKeys({ ...contact, ...changes }));
  await db.contactPacks.put(
    packOf(
      pack.accountId,
      pack.contacts.map((c) => (c.id === id ? updated : c)),
    ),
  );
  return true;
}

/** Removes these contacts; resolves with the ones that were stored. */
export async function deleteContactsById(db: GlanceDB, ids: readonly string[]): Promise<StoredContact[]> {
  if (!ids.length) return [];
  const gone = new Set(ids);
  const packs = await packsHolding(db, ids);
  const removed: StoredContact[] = [];
  const members = new Map<string, Map<string, StoredContact>>();
  for (const pack of packs) {
    const kept = new Map<string, StoredContact>();
    for (const c of pack.contacts) {
      if (gone.has(c.id)) removed.push(c);
      else kept.set(c.id, c);
    }
    members.set(pack.accountId, kept);
  }
  await writePacks(db, members);
  return removed;
}

/** Removes every contact of these accounts. */
export async function deleteContactsOfAccounts(db: GlanceDB, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length) await db.contactPacks.bulkDelete([...accountIds]);
}

/** How many contacts are stored: the id index has one entry per contact (counted in slices, lib/store/slices.ts). */
export async function countContacts(db: GlanceDB): Promise<number> {
  return countInSlices(db.contactPacks, '_ids');
}

/**
 * Up to `limit` contacts with ids after `afterId` (from the first when undefined), in id order: an
 * export's page. The id index gives ids and their packs' keys without reading packs; each pack of
 * the page is then read once.
 */
export async function contactsAfter(db: GlanceDB, afterId: string | undefined, limit: number): Promise<StoredContact[]> {
  const range = afterId === undefined ? db.contactPacks.orderBy('_ids') : db.contactPacks.where('_ids').above(afterId);
  const page: { id: string; accountId: string }[] = [];
  await range.limit(limit).eachKey((id, cursor) => {
    page.push({ id: id as string, accountId: cursor.primaryKey as string });
  });
  const packs = await db.contactPacks.bulkGet(distinct(page.map((p) => p.accountId)));
  const found = new Map<string, StoredContact>();
  for (const pack of packs) for (const c of pack?.contacts ?? []) found.set(c.id, c);
  return page.map((p) => found.get(p.id)).filter((c): c is StoredContact => c !== undefined);
}

/** Every contact, in id order (the whole book as one bundle). */
export async function allContacts(db: GlanceDB): Promise<StoredContact[]> {
  const packs = await db.contactPacks.toArray();
  return packs.flatMap((p) => p.contacts).sort(byId);
}

/** The contact ids of an account (whether each came from a CRM, say). */
export async function contactIdsOf(db: GlanceDB, accountId: string): Promise<string[]> {
  return (await db.contactPacks.get(accountId))?._ids ?? [];
}
