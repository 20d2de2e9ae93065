/**
 * The durable queue of local changes for the CRMs. A change and its outbox entry are written in the
 * same transaction as the record itself, so neither exists without the other, whatever stops when.
 * The connectors drain it (oldest first) and mark failures for retry.
 */
import type { GlanceDB, OutboxEntry } from '../store/db';

export type NewOutboxEntry = Omit<OutboxEntry, 'seq' | 'status' | 'attempts' | 'createdAt'>;

/** Must be called inside a transaction that includes `db.outbox`. */
export function enqueue(db: GlanceDB, entry: NewOutboxEntry, now = new Date()): Promise<number | undefined> {
  return db.outbox.add({ ...entry, createdAt: now.toISOString(), status: 'pending', attempts: 0 });
}

export function pendingEntries(db: GlanceDB, limit = 100): Promise<OutboxEntry[]> {
  return db.outbox.where('status').equals('pending').limit(limit).toArray();
}

export async function markDelivered(db: GlanceDB, seq: number): Promise<void> {
  await db.outbox.delete(seq);
}

export async function markFailed(db: GlanceDB, seq: number, error: string): Promise<void> {
  await db.outbox
    .where('seq')
    .equals(seq)
    .modify((e) => {
      e.attempts += 1;
      e.lastError = error;
      e.status = e.attempts >= 5 ? 'failed' : 'pending';
    });
}
