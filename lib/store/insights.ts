/** The insights cache's rows, and the book's records read a bounded chunk of accounts at a time. */
import type { InsightsStore } from '../insights/cache';
import type { AccountData } from '../model/bundle';
import type { GlanceDB } from './db';
import { contactsOfRange } from './contacts';
import { withoutKeys } from './keys';
import { loadAccountData } from './records';
import { readInSlices } from './slices';

/** Set while a pass over the whole book is owed (lib/insights/cache.ts): a settings row, so no schema change. */
const PASS_PENDING_KEY = 'insights.passPending';

/**
 * The book's opening answer as last computed from a settled cache (lib/book/first-screen.ts): a
 * settings row too. Every write of insight rows deletes it in the same transaction, so a stored one
 * never shows rows from before a change.
 */
const FIRST_SCREEN_KEY = 'book.firstScreen';

/** The stored opening answer, or null when there is none or a pass over the book is owed. */
export async function readFirstScreen(db: GlanceDB): Promise<unknown> {
  const [screen, pending] = await db.settings.bulkGet([FIRST_SCREEN_KEY, PASS_PENDING_KEY]);
  return pending?.value === true ? null : (screen?.value ?? null);
}

export async function writeFirstScreen(db: GlanceDB, value: unknown): Promise<void> {
  await db.settings.put({ key: FIRST_SCREEN_KEY, value });
}

export async function dropFirstScreen(db: GlanceDB): Promise<void> {
  await db.settings.delete(FIRST_SCREEN_KEY);
}

/** Accounts per chunk: with ten contacts each, a chunk's records stay a few MB. */
export const INSIGHT_CHUNK = 1000;

function groupByAccount<T extends { accountId: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.accountId);
    if (list) list.push(item);
    else out.set(item.accountId, [item]);
  }
  return out;
}

/** Accounts after `afterId` in id order, with every record hanging off them, in one read transaction. */
export async function readAccountChunk(db: GlanceDB, afterId: string | null, limit = INSIGHT_CHUNK): Promise<AccountData[]> {
  return db.transaction('r', [db.accounts, db.contactPacks, db.usage, db.tickets, db.commitments, db.activities], async () => {
    const accounts = await (afterId === null ? db.accounts.orderBy('id') : db.accounts.where('id').above(afterId)).limit(limit).toArray();
    if (!accounts.length) return [];
    const first = accounts[0].id;
    const last = accounts[accounts.length - 1].id;
    const inRange = <T extends { accountId: string }>(list: Promise<T[]>) => list.then(groupByAccount);
    const between = (table: 'usage' | 'tickets' | 'commitments' | 'activities') =>
      db[table].where('accountId').between(first, last, true, true);
    const [contacts, usage, tickets, commitments, activities] = await Promise.all([
      contactsOfRange(db, first, last),
      inRange(between('usage').toArray() as Promise<AccountData['usage']>),
      inRange(between('tickets').toArray() as Promise<AccountData['tickets']>),
      inRange(between('commitments').toArray() as Promise<AccountData['commitments']>),
      inRange(between('activities').toArray() as Promise<AccountData['activities']>),
    ]);
    return accounts.map((a) => ({
      account: withoutKeys(a),
      contacts: (contacts.get(a.id) ?? []).map(withoutKeys),
      usage: usage.get(a.id) ?? [],
      tickets: tickets.get(a.id) ?? [],
      commitments: commitments.get(a.id) ?? [],
      activities: activities.get(a.id) ?? [],
    }));
  });
}

export function insightsStore(db: GlanceDB, loaders: Pick<InsightsStore, 'settings'>): InsightsStore {
  return {
    async eachAccountChunk(visit) {
      let after: string | null = null;
      for (;;) {
        const chunk = await readAccountChunk(db, after);
        if (!chunk.length) return;
        await visit(chunk);
        after = chunk[chunk.length - 1].account.id;
      }
    },
    async loadAccounts(ids) {
      const found = await Promise.all(ids.map((id) => loadAccountData(db, id)));
      return found.filter((d): d is AccountData => d !== null);
    },
    // A slice at a time: the whole cache of a 100k-account book in one read would hold every look-up.
    readCache: () => readInSlices(db.insights, (row) => row),
    async readCacheRows(ids) {
      return (await db.insights.bulkGet(ids)).filter((row): row is NonNullable<typeof row> => row !== undefined);
    },
    async passPending() {
      return (await db.settings.get(PASS_PENDING_KEY))?.value === true;
    },
    async setPassPending(pending) {
      if (pending) await db.settings.put({ key: PASS_PENDING_KEY, value: true });
      else await db.settings.delete(PASS_PENDING_KEY);
    },
    async writeCache(rows, removedIds) {
      await db.transaction('rw', db.insights, db.settings, async () => {
        if (rows.length) await db.insights.bulkPut(rows);
        if (removedIds.length) await db.insights.bulkDelete(removedIds);
        await db.settings.delete(FIRST_SCREEN_KEY);
      });
    },
    settings: loaders.settings,
    actionPrefs: () => db.actionPrefs.toArray(),
  };
}
