/**
 * After a full sync: accounts a CRM wrote earlier that the run did not write again are no longer in
 * scope (the sync switched from the whole CRM to her book, the account went to another owner, or it
 * was deleted beyond the CRM's memory of deletions). They leave with what the CRM brought along
 * (its contacts, tickets, activities), a batch of accounts per transaction so the sidebar stays fast.
 *
 * Never removed: accounts that did not come from this CRM (imported, hand-entered, an import later
 * updated by the sync), and accounts holding anything she added in Glance (commitments, usage,
 * customer feedback, logged emails, contacts she added): those stay whole and are counted as kept.
 */
import type { SourceId } from '../sync/types';
import { contactIdsOf, deleteContactsOfAccounts } from './contacts';
import type { GlanceDB, StoredAccount } from './db';

export interface ScopeReconcile {
  source: SourceId;
  /** When the full run began: its pages stamped every account still in scope at or after this. */
  since: string;
  /** Is this the id of an account the CRM's connector made (not an imported one)? */
  crmMade: (accountId: string) => boolean;
  batchSize?: number;
}

export interface ScopeOutcome {
  removed: number;
  /** Out of scope but kept, because they hold her own data; by name. */
  kept: string[];
  accountIds: string[];
}

/** `hubspot:`, `salesforce:`: records the CRM made carry the prefix of the account's id. */
const prefixOf = (accountId: string) => `${accountId.split(':')[0]}:`;

async function holdsHerData(db: GlanceDB, account: StoredAccount): Promise<boolean> {
  const fromCrm = (id: string) => id.startsWith(prefixOf(account.id));
  if (await db.commitments.where('accountId').equals(account.id).count()) return true;
  if (await db.usage.where('accountId').equals(account.id).count()) return true;
  if (await db.feedback.where('accountId').equals(account.id).count()) return true;
  if ((await contactIdsOf(db, account.id)).some((id) => !fromCrm(id))) return true;
  for (const table of [db.activities, db.tickets] as const) {
    const ids = (await table.where('accountId').equals(account.id).primaryKeys()) as string[];
    if (ids.some((id) => !fromCrm(id))) return true;
  }
  return false;
}

export async function removeOutOfScope(db: GlanceDB, r: ScopeReconcile): Promise<ScopeOutcome> {
  const outcome: ScopeOutcome = { removed: 0, kept: [], accountIds: [] };
  const size = r.batchSize ?? 200;
  const tables = [
    db.accounts,
    db.contactPacks,
    db.tickets,
    db.activities,
    db.commitments,
    db.usage,
    db.feedback,
    db.matchChoices,
    db.actionPrefs,
  ];
  let after: string | undefined;
  for (;;) {
    const batch = await (after === undefined ? db.accounts.orderBy(':id') : db.accounts.where(':id').above(after)).limit(size).toArray();
    if (!batch.length) return outcome;
    after = batch[batch.length - 1].id;
    const stale = batch.filter((a) => a._synced?.source === r.source && a._synced.at < r.since && r.crmMade(a.id));
    if (!stale.length) continue;
    await db.transaction('rw', tables, async () => {
      for (const candidate of stale) {
        // Read again inside the transaction: a page written meanwhile may have brought it back in scope.
        const account = await db.accounts.get(candidate.id);
        if (!account || !(account._synced?.source === r.source && account._synced.at < r.since)) continue;
        if (await holdsHerData(db, account)) {
          outcome.kept.push(account.name);
          continue;
        }
        await db.accounts.delete(account.id);
        await deleteContactsOfAccounts(db, [account.id]);
        for (const table of [db.tickets, db.activities, db.matchChoices, db.actionPrefs])
          await table.where('accountId').equals(account.id).delete();
        outcome.removed++;
        outcome.accountIds.push(account.id);
      }
    });
  }
}
