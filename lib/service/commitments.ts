/** Saving commitments: the record and its outbox entry together, in one transaction. */
import { applyPatch, type CommitmentPatch } from '../commitments/patch';
import type { Commitment } from '../model/bundle';
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import { enqueue } from '../outbox/outbox';
import type { GlanceDB } from '../store/db';
import type { ServiceDeps } from './handlers';

/** Same fields with the same values, whatever their order; when each was stamped does not count. */
function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysOf = (o: object) => Object.keys(o).filter((k) => k !== 'updatedAt' && (o as Record<string, unknown>)[k] !== undefined);
  const keysA = keysOf(a);
  const keysB = keysOf(b);
  return (
    keysA.length === keysB.length && keysA.every((k) => sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * Creates a commitment, idempotent by id: the form fixes the id when it opens, so a save sent again
 * (the answer was lost, the user pressed Save twice) finds its record already there and changes
 * nothing, queuing no second outbox entry. A save with the same id and other content updates it.
 */
export async function saveCommitment(db: GlanceDB, commitment: Commitment, now = new Date()): Promise<Commitment> {
  return db.transaction('rw', [db.accounts, db.commitments, db.outbox], async () => {
    if (!(await db.accounts.get(commitment.accountId))) {
      throw new Error(`No account "${commitment.accountId}" in Glance: the promise was not saved.`);
    }
    const stored = await db.commitments.get(commitment.id);
    if (stored && sameRecord(stored, commitment)) return stored;
    await db.commitments.put(commitment);
    await enqueue(
      db,
      { entity: 'commitment', entityId: commitment.id, accountId: commitment.accountId, op: 'upsert', record: commitment },
      now,
    );
    return commitment;
  });
}

/**
 * Applies the changed fields to the commitment as stored now, so changes made elsewhere meanwhile
 * survive; stamps the change, so that re-importing an older file does not revert it.
 */
export async function updateCommitment(db: GlanceDB, id: string, patch: CommitmentPatch, now = new Date()): Promise<Commitment> {
  return db.transaction('rw', [db.commitments, db.outbox], async () => {
    const current = await db.commitments.get(id);
    if (!current) throw new Error(`No commitment "${id}" in Glance.`);
    const patched = applyPatch(current, patch);
    if (sameRecord(current, patched)) return current;
    const updated: Commitment = { ...patched, updatedAt: now.toISOString() };
    await db.commitments.put(updated);
    await enqueue(db, { entity: 'commitment', entityId: id, accountId: updated.accountId, op: 'upsert', record: updated }, now);
    return updated;
  });
}

export function setCommitmentStatus(db: GlanceDB, id: string, status: Commitment['status'], now = new Date()): Promise<Commitment> {
  return updateCommitment(db, id, { status }, now);
}

/** Every local change is stamped, so that re-importing an older file does not revert it. */
export function createCommitmentHandlers({
  db,
  now,
  broadcast,
}: ServiceDeps): Pick<Handlers, 'commitment.save' | 'commitment.update' | 'commitment.setStatus'> {
  return {
    'commitment.save': async ({ commitment }) => {
      const at = now();
      const saved = await saveCommitment(db, { ...commitment, updatedAt: at.toISOString() }, at);
      broadcast(changeEvent(['commitments'], [saved.accountId]));
      return saved;
    },
    'commitment.update': async ({ id, patch }) => {
      const saved = await updateCommitment(db, id, patch, now());
      broadcast(changeEvent(['commitments'], [saved.accountId]));
      return saved;
    },
    'commitment.setStatus': async ({ id, status }) => {
      const saved = await setCommitmentStatus(db, id, status, now());
      broadcast(changeEvent(['commitments'], [saved.accountId]));
      return saved;
    },
  };
}
