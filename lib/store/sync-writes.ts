/**
 * Pages of a CRM sync, written in one bounded transaction together with the cursor after the last
 * of them and the run's progress: a worker stopped at any moment leaves either the whole pages and
 * their cursor, or none of them, and the next run starts from the stored cursor. The engine hands
 * over more than one page only when they are already pulled (a few at most), and the transaction
 * locks only the tables the pages can touch, so a sidebar's look-up waits for a few hundred records
 * at most, and look-ups of other tables not at all.
 *
 * Each kind of record on a page is read in bulk (by id, then by CRM id for the rest) and written in
 * bulk: a few requests per page instead of two per record, so the transaction stays short and the
 * sidebar's look-ups get their turn between pages. Inside the transaction only Dexie is awaited.
 * Accounts are found as lib/store/sync-accounts.ts says; contacts are read and written only through
 * lib/store/sync-contacts.ts.
 */
import type { Account, Activity, Contact, RecordsByType, Ticket } from '../model/bundle';
import type { PullPage } from '../connectors/types';
import { applyRenewals, clearFields, trackRenewal, untrackDeals, type TrackedAccount } from '../sync/account-fields';
import type { RunProgress, SourceId, SourceRecord, SyncObject } from '../sync/types';
import { SYNC_ORDER } from '../sync/types';
import type { GlanceDB, StoredAccount } from './db';
import { withAccountKeys, withoutKeys } from './keys';
import { PageAccounts } from './sync-accounts';
import { deleteContacts, deleteContactsOf, readStoredContacts, writeContacts } from './sync-contacts';
import { readSource, sourceKey } from './sync-state';

export interface SyncPageWrite {
  source: SourceId;
  object: SyncObject;
  /** Consecutive pages of this object, in the order pulled: written in turn, in one transaction, with the last one's cursor. */
  pages: readonly PullPage[];
  /** The run these pages were pulled for: a run started over meanwhile does not take them. */
  runId: string | undefined;
  /** The account's id in this CRM from a Glance id the connector made (null for other ids). */
  crmAccountId: (glanceId: string) => string | null;
  /** Her book: only accounts owned by this email are written; absent for the whole CRM. */
  ownerEmail?: string;
  now: Date;
}

export interface PageOutcome {
  written: Record<string, number>;
  removed: number;
  skipped: number;
  /** The record after the write (cursor moved, run advanced), or null when the run was gone (disconnected meanwhile). */
  record: SourceRecord | null;
  accountIds: string[];
  /**
   * Set when the run was started over while these pages were on their way (the book or the mapping
   * changed): nothing of them is kept, and `record` is where the new run stands.
   */
  startedOver?: boolean;
}

const INDEX: Record<SourceId, '_hs' | '_sf'> = { hubspot: '_hs', salesforce: '_sf' };
const CRM_FIELD: Record<SourceId, 'hubspotId' | 'salesforceId'> = { hubspot: 'hubspotId', salesforce: 'salesforceId' };
const MAX_HISTORY = 1000;

type Dated = { date: string };
/** Score histories keep every day's point; the CRM's point for a day replaces the one stored for it. */
function mergeByDate<T extends Dated>(stored: T[] | undefined, incoming: T[] | undefined): T[] | undefined {
  if (!incoming?.length) return stored;
  const byDate = new Map<string, T>();
  for (const point of [...(stored ?? []), ...incoming]) byDate.set(point.date, point);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)).slice(-MAX_HISTORY);
}

/** The CRM's fields win; what only Glance holds (usage, goals, imported extras) stays. */
function mergeAccount(stored: StoredAccount | undefined, incoming: Account): Account {
  if (!stored) return incoming;
  const base = withoutKeys(stored) as Account;
  const merged: Account = { ...base, ...incoming, id: stored.id, crm: { ...base.crm, ...incoming.crm } };
  const health = mergeByDate(base.healthHistory, incoming.healthHistory);
  if (health) merged.healthHistory = health;
  const nps = mergeByDate(base.nps, incoming.nps);
  if (nps) merged.nps = nps;
  return merged;
}

function addCount(counts: Record<string, number>, type: string, n: number) {
  if (n) counts[type] = (counts[type] ?? 0) + n;
}

/** The next run state after these pages: the object is done when the connector says no more pages. */
function advance(run: RunProgress, object: SyncObject, page: PullPage, outcome: Omit<PageOutcome, 'record' | 'accountIds'>): RunProgress {
  const written = { ...run.written };
  for (const [type, n] of Object.entries(outcome.written)) addCount(written, type, n);
  const index = SYNC_ORDER.indexOf(object);
  return {
    ...run,
    written,
    removed: run.removed + outcome.removed,
    skipped: run.skipped + outcome.skipped,
    objectIndex: page.more ? index : index + 1,
  };
}

/** What one page wrote, added into the totals of the pages written with it. */
interface PageTally {
  written: Record<string, number>;
  removed: number;
  skipped: number;
  touched: Set<string>;
}

/** The tables a write of these pages can touch: the transaction locks only those, so look-ups of the rest go on. */
function tablesFor(db: GlanceDB, pages: readonly PullPage[]) {
  const carries = (type: keyof RecordsByType) => pages.some((p) => p.records[type]?.length || p.deleted?.[type]?.length);
  const accountsGo = pages.some((p) => p.deleted?.accounts?.length);
  return [
    db.accounts,
    db.settings,
    ...(accountsGo || carries('contacts') ? [db.contactPacks] : []),
    ...(accountsGo || carries('tickets') ? [db.tickets] : []),
    ...(accountsGo || carries('activities') ? [db.activities] : []),
    ...(accountsGo ? [db.commitments, db.usage, db.matchChoices, db.actionPrefs] : []),
  ];
}

/** The accounts the records of these pages hang off, as the page names them. */
function accountsNamed(pages: readonly PullPage[]): string[] {
  const ids: string[] = [];
  for (const page of pages) {
    for (const type of ['contacts', 'tickets', 'activities'] as const) for (const r of page.records[type] ?? []) ids.push(r.accountId);
    for (const r of page.renewals ?? []) ids.push(r.accountId);
  }
  return ids;
}

export async function writeSyncPages(db: GlanceDB, w: SyncPageWrite): Promise<PageOutcome> {
  const { pages, source } = w;
  const last = pages[pages.length - 1];
  return db.transaction('rw', tablesFor(db, pages), async () => {
    const refs = new PageAccounts(db, INDEX[source], w.crmAccountId);
    // The accounts the pages hang off are read alongside the run's state: one wait for both.
    const [record] = await Promise.all([readSource(db, source), refs.resolve(accountsNamed(pages))]);
    // Disconnected (or the run was reset) while these pages were on their way: nothing of them is kept.
    if (!record.connected || !record.run) return { written: {}, removed: 0, skipped: 0, record: null, accountIds: [] };
    // Pulled under the old rule: written, they would move the new run past the objects it has not read yet.
    if (record.run.id !== w.runId) return { written: {}, removed: 0, skipped: 0, record, accountIds: [], startedOver: true };
    const tally: PageTally = { written: {}, removed: 0, skipped: 0, touched: new Set() };
    for (const page of pages) await writePage(db, w, page, refs, tally);
    const outcome = { written: tally.written, removed: tally.removed, skipped: tally.skipped };
    const next: SourceRecord = {
      ...record,
      cursors: { ...record.cursors, [w.object]: last.cursor },
      run: advance(record.run, w.object, last, outcome),
    };
    await db.settings.put({ key: sourceKey(source), value: next });
    return { ...outcome, record: next, accountIds: [...tally.touched] };
  });
}

/** One page, inside the transaction of writeSyncPages: as if written alone, after the pages before it. */
async function writePage(db: GlanceDB, w: SyncPageWrite, page: PullPage, refs: PageAccounts, tally: PageTally): Promise<void> {
  const { source } = w;
  const field = CRM_FIELD[source];
  const stamp = w.now.toISOString();
  const today = stamp.slice(0, 10);
  const crmIdOf = (r: { crm?: { hubspotId?: string; salesforceId?: string } }) => {
    const id = r.crm?.[field];
    return id ? String(id) : undefined;
  };
  const { written, touched } = tally;
  const accounts = page.records.accounts ?? [];
  const inScope = w.ownerEmail ? accounts.filter((a) => a.owner?.toLowerCase() === w.ownerEmail) : accounts;
  tally.skipped += ((page as { skipped?: number }).skipped ?? 0) + accounts.length - inScope.length;

  if (inScope.length) {
    const stored = await refs.read(inScope.map((a) => ({ id: a.id, crmId: crmIdOf(a) })));
    const rows = new Map<string, StoredAccount>();
    inScope.forEach((incoming, i) => {
      // The same account twice on a page: the second merges onto the first, as two writes would.
      const before = rows.get(stored[i]?.id ?? incoming.id) ?? stored[i];
      let merged: TrackedAccount = clearFields(mergeAccount(before, incoming), page.cleared?.[incoming.id], incoming);
      const track = (before as TrackedAccount | undefined)?._renewals;
      // The account record's own fields came again: the renewal deals still say what they said.
      if (track) merged = applyRenewals(merged, track, today);
      rows.set(merged.id, {
        ...withAccountKeys(merged),
        _synced: { source, at: stamp, crmId: String(incoming.crm?.[field] ?? incoming.id) },
      });
      refs.alias(incoming.id, merged.id);
      touched.add(merged.id);
    });
    await db.accounts.bulkPut([...rows.values()]);
    addCount(written, 'accounts', inScope.length);
  }

  const contacts = page.records.contacts ?? [];
  if (contacts.length) {
    await refs.resolve(contacts.map((c) => c.accountId));
    const placed = contacts.filter((c) => refs.resolved(c.accountId));
    tally.skipped += contacts.length - placed.length;
    const stored = await readStoredContacts(
      db,
      INDEX[source],
      placed.map((c) => ({ id: c.id, crmId: crmIdOf(c) })),
    );
    const rows = new Map<string, Contact>();
    placed.forEach((incoming, i) => {
      const accountId = refs.resolved(incoming.accountId)!;
      const id = stored[i]?.id ?? incoming.id;
      const before = rows.get(id) ?? (stored[i] ? withoutKeys(stored[i]) : {});
      rows.set(id, { ...before, ...incoming, id, accountId });
      touched.add(accountId);
    });
    await writeContacts(db, [...rows.values()]);
    addCount(written, 'contacts', placed.length);
  }

  for (const type of ['tickets', 'activities'] as const) {
    const incoming = (page.records[type] ?? []) as (Ticket | Activity)[];
    if (!incoming.length) continue;
    await refs.resolve(incoming.map((r) => r.accountId));
    const placed = incoming.filter((r) => refs.resolved(r.accountId));
    tally.skipped += incoming.length - placed.length;
    const rows = placed.map((r) => ({ ...(r as Ticket), accountId: refs.resolved(r.accountId)! }));
    for (const r of rows) touched.add(r.accountId);
    if (rows.length) await (db[type] as typeof db.tickets).bulkPut(rows);
    addCount(written, type, rows.length);
  }

  const renewals = page.renewals ?? [];
  if (renewals.length) {
    await refs.resolve(renewals.map((r) => r.accountId));
    const ids = [...new Set(renewals.map((r) => refs.resolved(r.accountId)).filter((id) => id !== null))];
    const current = new Map<string, StoredAccount & TrackedAccount>();
    for (const account of ids.length ? await db.accounts.bulkGet(ids) : []) if (account) current.set(account.id, account);
    const changed = new Set<string>();
    for (const renewal of renewals) {
      const accountId = refs.resolved(renewal.accountId);
      const stored = accountId ? current.get(accountId) : undefined;
      if (!stored) {
        tally.skipped++;
        continue;
      }
      const updated = applyRenewals(stored, trackRenewal(stored._renewals, renewal), today);
      current.set(updated.id, updated);
      changed.add(updated.id);
      if (updated.renewalDate !== stored.renewalDate || updated.arr !== stored.arr) {
        touched.add(stored.id);
        addCount(written, 'renewals', 1);
      }
    }
    if (changed.size) await db.accounts.bulkPut([...changed].map((id) => current.get(id)!));
  }

  if (page.deletedDeals?.length) {
    // Deals carry no account of their own once deleted: the accounts whose renewal they fed are found by the track.
    const gone = new Set(page.deletedDeals);
    const fed = (await db.accounts.filter((a) => untrackDeals((a as TrackedAccount)._renewals, gone) !== null).toArray()) as Array<
      StoredAccount & TrackedAccount
    >;
    if (fed.length) await db.accounts.bulkPut(fed.map((stored) => applyRenewals(stored, untrackDeals(stored._renewals, gone)!, today)));
    for (const stored of fed) touched.add(stored.id);
    addCount(written, 'renewals', fed.length);
  }

  tally.removed += await applyDeletions(db, page.deleted ?? {}, refs, touched);
}

/**
/**
 * Records removed in the CRM: an account goes with everything that hangs off it. The accounts affected
 * join `touched`, so the change event names them and the book's insights drop or recompute them.
 */
async function applyDeletions(
  db: GlanceDB,
  deleted: NonNullable<PullPage['deleted']>,
  refs: PageAccounts,
  touched: Set<string>,
): Promise<number> {
  let removed = 0;
  const accountIds = deleted.accounts ?? [];
  const accounts = accountIds.length ? await refs.readByGlanceId(accountIds) : [];
  for (const stored of accounts) {
    if (!stored) continue;
    await db.accounts.delete(stored.id);
    await deleteContactsOf(db, stored.id);
    for (const table of [db.tickets, db.commitments, db.activities, db.matchChoices, db.actionPrefs])
      await table.where('accountId').equals(stored.id).delete();
    await db.usage.where('accountId').equals(stored.id).delete();
    touched.add(stored.id);
    removed++;
  }
  const contactIds = deleted.contacts ?? [];
  if (contactIds.length) {
    const owners = await deleteContacts(db, contactIds);
    for (const accountId of owners) touched.add(accountId);
    removed += owners.length;
  }
  for (const type of ['tickets', 'activities'] as const) {
    const ids = (deleted as Partial<Record<keyof RecordsByType, string[]>>)[type] ?? [];
    if (!ids.length) continue;
    const present = (await db[type].bulkGet(ids)).filter((r) => r !== undefined);
    await db[type].bulkDelete(ids);
    for (const r of present) touched.add(r.accountId);
    removed += present.length;
  }
  return removed;
}
