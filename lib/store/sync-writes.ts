/**
 * One page of a CRM sync, written in one bounded transaction together with the cursor after it and
 * the run's progress: a worker stopped at any moment leaves either the whole page and its cursor,
 * or neither, and the next run starts from the stored cursor.
 *
 * An account the CRM sends may already be here under another id (imported from a file with the same
 * CRM id): it is updated in place through the `_hs` / `_sf` index, never duplicated, and what hangs
 * off it (contacts, tickets, activities) follows it.
 */
import type { Account, Activity, Contact, RecordsByType, Ticket } from '../model/bundle';
import type { PullPage } from '../connectors/types';
import { applyRenewals, clearFields, trackRenewal, untrackDeals, type TrackedAccount } from '../sync/account-fields';
import type { RunProgress, SourceId, SourceRecord, SyncObject } from '../sync/types';
import { SYNC_ORDER } from '../sync/types';
import type { GlanceDB, StoredAccount, StoredContact } from './db';
import { withAccountKeys, withContactKeys, withoutKeys } from './keys';
import { readSource, sourceKey } from './sync-state';

export interface SyncPageWrite {
  source: SourceId;
  object: SyncObject;
  page: PullPage;
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

/** The next run state after this page: the object is done when the connector says no more pages. */
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

export async function writeSyncPage(db: GlanceDB, w: SyncPageWrite): Promise<PageOutcome> {
  const { page, source } = w;
  const index = INDEX[source];
  const field = CRM_FIELD[source];
  const stamp = w.now.toISOString();
  const today = stamp.slice(0, 10);
  const tables = [
    db.accounts,
    db.contacts,
    db.tickets,
    db.activities,
    db.commitments,
    db.usage,
    db.matchChoices,
    db.actionPrefs,
    db.settings,
  ];
  return db.transaction('rw', tables, async () => {
    const record = await readSource(db, source);
    // Disconnected (or the run was reset) while this page was on its way: nothing of it is kept.
    if (!record.connected || !record.run) return { written: {}, removed: 0, skipped: 0, record: null, accountIds: [] };
    const written: Record<string, number> = {};
    let skipped = (page as { skipped?: number }).skipped ?? 0;
    let removed = 0;
    const touched = new Set<string>();
    /** CRM-made account id -> the id it is stored under. */
    const aliases = new Map<string, string | null>();

    async function storedAccount(glanceId: string): Promise<StoredAccount | undefined> {
      const byId = await db.accounts.get(glanceId);
      if (byId) return byId;
      const crmId = w.crmAccountId(glanceId);
      return crmId ? db.accounts.where(index).equals(crmId).first() : undefined;
    }

    async function resolveAccount(glanceId: string): Promise<string | null> {
      if (!aliases.has(glanceId)) aliases.set(glanceId, (await storedAccount(glanceId))?.id ?? null);
      return aliases.get(glanceId)!;
    }

    for (const incoming of page.records.accounts ?? []) {
      if (w.ownerEmail && incoming.owner?.toLowerCase() !== w.ownerEmail) {
        skipped++;
        continue;
      }
      const crmId = incoming.crm?.[field];
      const stored =
        (await db.accounts.get(incoming.id)) ?? (crmId ? await db.accounts.where(index).equals(String(crmId)).first() : undefined);
      let merged: TrackedAccount = clearFields(mergeAccount(stored, incoming), page.cleared?.[incoming.id], incoming);
      const track = (stored as TrackedAccount | undefined)?._renewals;
      // The account record's own fields came again: the renewal deals still say what they said.
      if (track) merged = applyRenewals(merged, track, today);
      await db.accounts.put({ ...withAccountKeys(merged), _synced: { source, at: stamp, crmId: String(crmId ?? incoming.id) } });
      aliases.set(incoming.id, merged.id);
      touched.add(merged.id);
      addCount(written, 'accounts', 1);
    }

    for (const incoming of page.records.contacts ?? []) {
      const accountId = await resolveAccount(incoming.accountId);
      if (!accountId) {
        skipped++;
        continue;
      }
      const crmId = incoming.crm?.[field];
      const stored: StoredContact | undefined =
        (await db.contacts.get(incoming.id)) ?? (crmId ? await db.contacts.where(index).equals(String(crmId)).first() : undefined);
      const contact: Contact = { ...(stored ? withoutKeys(stored) : {}), ...incoming, id: stored?.id ?? incoming.id, accountId };
      await db.contacts.put(withContactKeys(contact));
      touched.add(accountId);
      addCount(written, 'contacts', 1);
    }

    for (const type of ['tickets', 'activities'] as const) {
      for (const incoming of (page.records[type] ?? []) as (Ticket | Activity)[]) {
        const accountId = await resolveAccount(incoming.accountId);
        if (!accountId) {
          skipped++;
          continue;
        }
        await (db[type] as typeof db.tickets).put({ ...(incoming as Ticket), accountId });
        touched.add(accountId);
        addCount(written, type, 1);
      }
    }

    for (const renewal of page.renewals ?? []) {
      const accountId = await resolveAccount(renewal.accountId);
      const stored = accountId ? await db.accounts.get(accountId) : undefined;
      if (!stored) {
        skipped++;
        continue;
      }
      const tracked = stored as StoredAccount & TrackedAccount;
      const updated = applyRenewals(tracked, trackRenewal(tracked._renewals, renewal), today);
      await db.accounts.put(updated);
      if (updated.renewalDate !== stored.renewalDate || updated.arr !== stored.arr) {
        touched.add(stored.id);
        addCount(written, 'renewals', 1);
      }
    }

    if (page.deletedDeals?.length) {
      // Deals carry no account of their own once deleted: the accounts whose renewal they fed are found by the track.
      const gone = new Set(page.deletedDeals);
      const fed = await db.accounts.filter((a) => untrackDeals((a as TrackedAccount)._renewals, gone) !== null).toArray();
      for (const stored of fed as Array<StoredAccount & TrackedAccount>) {
        const updated = applyRenewals(stored, untrackDeals(stored._renewals, gone)!, today);
        await db.accounts.put(updated);
        touched.add(stored.id);
        addCount(written, 'renewals', 1);
      }
    }

    removed += await applyDeletions(db, page.deleted ?? {}, storedAccount, touched);

    const outcome = { written, removed, skipped };
    const next: SourceRecord = {
      ...record,
      cursors: { ...record.cursors, [w.object]: page.cursor },
      run: advance(record.run, w.object, page, outcome),
    };
    await db.settings.put({ key: sourceKey(source), value: next });
    return { ...outcome, record: next, accountIds: [...touched] };
  });
}

/**
 * Records removed in the CRM: an account goes with everything that hangs off it. The accounts affected
 * join `touched`, so the change event names them and the book's insights drop or recompute them.
 */
async function applyDeletions(
  db: GlanceDB,
  deleted: NonNullable<PullPage['deleted']>,
  storedAccount: (id: string) => Promise<StoredAccount | undefined>,
  touched: Set<string>,
): Promise<number> {
  let removed = 0;
  for (const id of deleted.accounts ?? []) {
    const stored = await storedAccount(id);
    if (!stored) continue;
    await db.accounts.delete(stored.id);
    for (const table of [db.contacts, db.tickets, db.commitments, db.activities, db.matchChoices, db.actionPrefs])
      await table.where('accountId').equals(stored.id).delete();
    await db.usage.where('accountId').equals(stored.id).delete();
    touched.add(stored.id);
    removed++;
  }
  for (const type of ['contacts', 'tickets', 'activities'] as const) {
    const ids = (deleted as Partial<Record<keyof RecordsByType, string[]>>)[type] ?? [];
    if (!ids.length) continue;
    const present = (await db[type].bulkGet(ids)).filter((r) => r !== undefined);
    await db[type].bulkDelete(ids);
    for (const r of present) touched.add(r.accountId);
    removed += present.length;
  }
  return removed;
}
