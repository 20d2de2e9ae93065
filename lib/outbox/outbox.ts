/**
 * The durable queue of local changes for the CRMs. A change and its outbox entry are written in the
 * same transaction as the record itself, so neither exists without the other, whatever stops when.
 *
 * Each entry remembers, per connected CRM, how far it got (lib/store/db.ts Delivery): the task id is
 * recorded the moment a push returns, and a push repeated after a stop in between relies on the
 * connector finding its own task (marker or external id) instead of making a second one.
 */
import type { SourceId } from '../connectors/types';
import type { Delivery, GlanceDB, OutboxEntry } from '../store/db';

export type NewOutboxEntry = Omit<OutboxEntry, 'seq' | 'status' | 'attempts' | 'createdAt'>;

/** How long a delivered change stays listed on the options page. */
export const SENT_KEPT_MS = 24 * 60 * 60 * 1000;

/** Must be called inside a transaction that includes `db.outbox`. */
export function enqueue(db: GlanceDB, entry: NewOutboxEntry, now = new Date()): Promise<number | undefined> {
  return db.outbox.add({ ...entry, createdAt: now.toISOString(), status: 'pending', attempts: 0 });
}

/** Changes some connected CRM still has to take, oldest first. */
export function pendingEntries(db: GlanceDB, limit = 200): Promise<OutboxEntry[]> {
  return db.outbox.where('status').equals('pending').limit(limit).toArray();
}

export function countPending(db: GlanceDB): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

/** The newest entries of every state, for the options page. */
export async function recentEntries(db: GlanceDB, limit = 200): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('seq').reverse().limit(limit).toArray();
}

/** The entry's status from its CRMs' deliveries: pending while any still has to take it. */
export function overallStatus(entry: OutboxEntry, sources: readonly SourceId[]): Pick<OutboxEntry, 'status' | 'lastError'> {
  const deliveries = sources.map((s) => entry.delivery?.[s] ?? { state: 'pending' as const, attempts: 0 });
  if (!sources.length || deliveries.some((d) => d.state === 'pending')) return { status: 'pending', lastError: entry.lastError };
  const failed = deliveries.find((d) => d.state === 'failed');
  if (failed) return { status: 'failed', lastError: failed.lastError };
  if (deliveries.every((d) => d.state === 'skipped')) return { status: 'failed', lastError: deliveries[0].lastError };
  return { status: 'sent', lastError: undefined };
}

/** Records one CRM's side of an entry and settles the entry's status, in one transaction. */
export function recordDelivery(
  db: GlanceDB,
  seq: number,
  source: SourceId,
  delivery: Delivery,
  connected: readonly SourceId[],
  now: Date,
): Promise<OutboxEntry | undefined> {
  return db.transaction('rw', db.outbox, async () => {
    const entry = await db.outbox.get(seq);
    if (!entry) return undefined;
    const next: OutboxEntry = { ...entry, delivery: { ...entry.delivery, [source]: delivery } };
    if (delivery.state !== 'sent') next.attempts = entry.attempts + 1;
    const { status, lastError } = overallStatus(next, connected);
    next.status = status;
    next.lastError = lastError ?? (delivery.state === 'pending' ? delivery.lastError : undefined);
    if (status === 'sent') next.sentAt = now.toISOString();
    await db.outbox.put(next);
    return next;
  });
}

/** "Retry": the commitment's refused changes go back in the queue, their attempts counted afresh. */
export function requeueFailed(db: GlanceDB, entityId: string): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const failed = await db.outbox
      .where('entityId')
      .equals(entityId)
      .filter((e) => e.status === 'failed')
      .toArray();
    for (const entry of failed) {
      const delivery: OutboxEntry['delivery'] = {};
      for (const [source, d] of Object.entries(entry.delivery ?? {}) as [SourceId, Delivery][])
        delivery[source] = d.state === 'failed' || d.state === 'skipped' ? { state: 'pending', attempts: 0 } : d;
      await db.outbox.put({ ...entry, delivery, status: 'pending', attempts: 0, lastError: undefined });
    }
    return failed.length;
  });
}

/** Delivered changes are listed for a day, then dropped. */
export async function pruneSent(db: GlanceDB, now: Date): Promise<number> {
  const before = new Date(now.getTime() - SENT_KEPT_MS).toISOString();
  return db.outbox
    .where('status')
    .equals('sent')
    .filter((e) => (e.sentAt ?? e.createdAt) < before)
    .delete();
}
