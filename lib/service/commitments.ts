/** Saving commitments: the record and its outbox entry together, in one transaction. */
import type { Commitment } from '../model/bundle';
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import { enqueue } from '../outbox/outbox';
import type { GlanceDB } from '../store/db';
import type { ServiceDeps } from './handlers';

export async function saveCommitment(db: GlanceDB, commitment: Commitment, now = new Date()): Promise<Commitment> {
  await db.transaction('rw', [db.accounts, db.commitments, db.outbox], async () => {
    if (!(await db.accounts.get(commitment.accountId))) {
      throw new Error(`No account "${commitment.accountId}" in Glance: the promise was not saved.`);
    }
    await db.commitments.put(commitment);
    await enqueue(db, { entity: 'commitment', entityId: commitment.id, accountId: commitment.accountId, op: 'upsert', record: commitment }, now);
  });
  return commitment;
}

export async function setCommitmentStatus(
  db: GlanceDB,
  id: string,
  status: Commitment['status'],
  now = new Date(),
): Promise<Commitment> {
  return db.transaction('rw', [db.commitments, db.outbox], async () => {
    const current = await db.commitments.get(id);
    if (!current) throw new Error(`No commitment "${id}" in Glance.`);
    const updated: Commitment = { ...current, status, updatedAt: now.toISOString() };
    await db.commitments.put(updated);
    await enqueue(db, { entity: 'commitment', entityId: id, accountId: updated.accountId, op: 'upsert', record: updated }, now);
    return updated;
  });
}

/** Every local change is stamped, so that re-importing an older file does not revert it. */
export function createCommitmentHandlers({ db, now, broadcast }: ServiceDeps): Pick<Handlers, 'commitment.save' | 'commitment.setStatus'> {
  return {
    'commitment.save': async ({ commitment }) => {
      const at = now();
      const saved = await saveCommitment(db, { ...commitment, updatedAt: at.toISOString() }, at);
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
