/**
 * How a sync page reads, writes and removes contacts: the only place in the sync's write that knows
 * how contacts are stored. Called inside the page's transaction, so these await nothing but Dexie.
 */
import type { Contact } from '../model/bundle';
import type { GlanceDB, StoredContact } from './db';
import { contactsBy, contactsById, deleteContactsById, deleteContactsOfAccounts, putContacts } from './contacts';

/** An incoming contact's Glance id and, when the CRM sent one, its id in that CRM. */
export interface ContactRef {
  id: string;
  crmId?: string;
}

/**
 * The stored contact for each incoming one (same order): by its Glance id, else by the CRM id on
 * `index` (a contact imported from a file with the same CRM id), else undefined. The read by id and
 * the contacts with the CRM ids go out together (one wait, not two).
 */
export async function readStoredContacts(
  db: GlanceDB,
  index: '_hs' | '_sf',
  refs: readonly ContactRef[],
): Promise<(StoredContact | undefined)[]> {
  const crmIds = [...new Set(refs.filter((r) => r.crmId).map((r) => r.crmId!))];
  const [byId, keyed] = await Promise.all([
    contactsById(
      db,
      refs.map((r) => r.id),
    ),
    contactsBy(db, index === '_hs' ? 'hs' : 'sf', crmIds),
  ]);
  // The first contact per CRM id in index order (CRM id, then id) is the one `.first()` would give.
  const byCrmId = new Map<string, StoredContact>();
  for (const contact of keyed) if (!byCrmId.has(contact[index]!)) byCrmId.set(contact[index]!, contact);
  return refs.map((r, i) => byId[i] ?? (r.crmId ? byCrmId.get(r.crmId) : undefined));
}

/** Stores these contacts (whole records, index keys derived here) in one write. */
export async function writeContacts(db: GlanceDB, contacts: readonly Contact[]): Promise<void> {
  await putContacts(db, contacts);
}

/** Removes these contacts; resolves with the account of each one that was stored (one entry per contact removed). */
export async function deleteContacts(db: GlanceDB, ids: readonly string[]): Promise<string[]> {
  return (await deleteContactsById(db, ids)).map((c) => c.accountId);
}

/** Removes every contact of an account (the account was deleted in the CRM). */
export async function deleteContactsOf(db: GlanceDB, accountId: string): Promise<void> {
  await deleteContactsOfAccounts(db, [accountId]);
}
