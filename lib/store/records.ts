/** Reading and writing whole records: imports, export, the sample book, one account's data. */
import type { AccountData, Bundle, RecordsByType } from '../model/bundle';
import { allContacts, contactsOf, countContacts, deleteContactsOfAccounts, putContacts } from './contacts';
import { countInSlices } from './slices';
import { RECORD_TABLES, recordStores, type GlanceDB, type ImportLogRow } from './db';
import { withAccountKeys, withoutKeys } from './keys';

export type RecordCounts = Record<(typeof RECORD_TABLES)[number], number>;

/**
 * Writes every record in one transaction: merge by id (a stored record with the same id is replaced,
 * nothing else is removed). Either all of it lands or, if anything fails, none of it does.
 */
export async function writeRecords(
  db: GlanceDB,
  records: Partial<RecordsByType>,
  log: Omit<ImportLogRow, 'seq' | 'counts'>,
  onProgress?: (written: number, total: number) => void,
): Promise<RecordCounts> {
  const counts = emptyCounts();
  const total = RECORD_TABLES.reduce((n, t) => n + (records[t]?.length ?? 0), 0);
  let written = 0;
  const tables = [...recordStores(db), db.importLog];
  await db.transaction('rw', tables, async () => {
    for (const type of RECORD_TABLES) {
      const list = records[type] ?? [];
      for (let i = 0; i < list.length; i += BATCH) {
        const batch = list.slice(i, i + BATCH);
        if (type === 'accounts') await db.accounts.bulkPut(batch.map((r) => withAccountKeys(r as RecordsByType['accounts'][number])));
        else if (type === 'contacts') await putContacts(db, batch as RecordsByType['contacts']);
        else await db.table(type).bulkPut(batch);
        written += batch.length;
        onProgress?.(written, total);
      }
      counts[type] = list.length;
    }
    await db.importLog.add({ ...log, counts });
  });
  return counts;
}

const BATCH = 5000;

export function emptyCounts(): RecordCounts {
  return { accounts: 0, contacts: 0, usage: 0, tickets: 0, commitments: 0, activities: 0 };
}

export async function countRecords(db: GlanceDB): Promise<RecordCounts> {
  const counts = emptyCounts();
  // One table after another, each a slice at a time (lib/store/slices.ts): look-ups get in between.
  for (const t of RECORD_TABLES) counts[t] = t === 'contacts' ? await countContacts(db) : await countInSlices(db.table(t), ':id');
  return counts;
}

/** The whole store as a bundle that imports back to the same state. */
export async function exportBundle(db: GlanceDB, now = new Date()): Promise<Bundle> {
  return db.transaction('r', recordStores(db), async () => {
    const [accounts, contacts, usage, tickets, commitments, activities] = await Promise.all([
      db.accounts.toArray(),
      allContacts(db),
      db.usage.toArray(),
      db.tickets.toArray(),
      db.commitments.toArray(),
      db.activities.toArray(),
    ]);
    return {
      format: 'glance.bundle' as const,
      version: 1 as const,
      generatedAt: now.toISOString(),
      accounts: accounts.map(withoutKeys),
      contacts: contacts.map(withoutKeys),
      usage,
      tickets,
      commitments,
      activities,
    };
  });
}

/** Removes every record of the given accounts and the records that hang off them, in one transaction. */
export async function removeAccounts(db: GlanceDB, accountIds: string[]): Promise<number> {
  const tables = [...recordStores(db), db.matchChoices, db.actionPrefs, db.outbox, db.feedback];
  return db.transaction('rw', tables, async () => {
    await db.accounts.bulkDelete(accountIds);
    await deleteContactsOfAccounts(db, accountIds);
    for (const table of [db.tickets, db.commitments, db.activities, db.matchChoices, db.actionPrefs, db.feedback]) {
      await table.where('accountId').anyOf(accountIds).delete();
    }
    await db.usage.where('accountId').anyOf(accountIds).delete();
    const ids = new Set(accountIds);
    await db.outbox.filter((e) => ids.has(e.accountId)).delete();
    return accountIds.length;
  });
}

export async function loadAccountData(db: GlanceDB, accountId: string): Promise<AccountData | null> {
  return db.transaction('r', recordStores(db), async () => {
    const account = await db.accounts.get(accountId);
    if (!account) return null;
    const [contacts, usage, tickets, commitments, activities] = await Promise.all([
      contactsOf(db, accountId),
      db.usage.where('accountId').equals(accountId).toArray(),
      db.tickets.where('accountId').equals(accountId).toArray(),
      db.commitments.where('accountId').equals(accountId).toArray(),
      db.activities.where('accountId').equals(accountId).toArray(),
    ]);
    return { account: withoutKeys(account), contacts: contacts.map(withoutKeys), usage, tickets, commitments, activities };
  });
}
