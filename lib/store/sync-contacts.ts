/**
 * How a sync page reads, writes and removes contacts: the only place in the sync's write that knows
 * how contacts are stored. Called inside the page's transaction, so these await nothing but Dexie.
 */
import type { Contact } from '../model/bundle';
import type { GlanceDB, StoredContact } from './db';
import { withContactKeys } from './keys';

/** An incoming contact's Glance id and, when the CRM sent one, its id in that CRM. */
export interface ContactRef {
  id: string;
  crmId?: string;
}

/**
 * The stored contact for each incoming one (same order): by its Glance id, else by the CRM id on
 * `index` (a contact imported from a file with the same CRM id), else undefined. The read by id and
 * the index's keys for the CRM ids go out together (one wait, not two); a contact is read a second
 * time only when it is stored under another id, which a sync of its own contacts never is.
 */
export async function readStoredContacts(
  db: GlanceDB,
  index: '_hs' | '_sf',
  refs: readonly ContactRef[],
): Promise<(StoredContact | undefined)[]> {
  const crmIds = [...new Set(refs.filter((r) => r.crmId).map((r) => r.crmId!))];
  const [byId, keyed] = await Promise.all([
    db.contacts.bulkGet(refs.map((r) => r.id)),
    crmIds.length ? db.contacts.where(index).anyOf(crmIds).primaryKeys() : [],
  ]);
  const own = new Set(refs.map((r) => r.id));
  const elsewhere = keyed.filter((id) => !own.has(id));
  const found = [...byId, ...(elsewhere.length ? await db.contacts.bulkGet(elsewhere) : [])];
  // The first row per CRM id in index order (CRM id, then primary key) is the one `.first()` would give.
  const byCrmId = new Map<string, StoredContact>();
  for (const contact of found) {
    const crmId = contact?.[index];
    if (!crmId) continue;
    const first = byCrmId.get(crmId);
    if (!first || contact.id < first.id) byCrmId.set(crmId, contact);
  }
  return refs.map((r, i) => byId[i] ?? (r.crmId ? byCrmId.get(r.crmId) : undefined));
}

/** Stores these contacts (whole records, index keys derived here) in one bulk write. */
export async function writeContacts(db: GlanceDB, contacts: readonly Contact[]): Promise<void> {
  if (contacts.length) await db.contacts.bulkPut(contacts.map(withContactKeys));
}

/** Removes these contacts; resolves with the account of each one that was stored (one entry per contact removed). */
export async function deleteContacts(db: GlanceDB, ids: readonly string[]): Promise<string[]> {
  const present = (await db.contacts.bulkGet([...ids])).filter((c) => c !== undefined);
  await db.contacts.bulkDelete([...ids]);
  return present.map((c) => c.accountId);
}

/** Removes every contact of an account (the account was deleted in the CRM). */
export async function deleteContactsOf(db: GlanceDB, accountId: string): Promise<void> {
  await db.contacts.where('accountId').equals(accountId).delete();
}
