/**
 * Carries the outbox to every connected CRM, oldest change first, each exactly once:
 * - the task id is recorded the moment a push returns; a push repeated after a stop in between
 *   finds the task it made (the connectors' idempotent find / upsert) instead of making another;
 * - a busy or failing CRM gets backoff with jitter, never sooner than its Retry-After, and the rest
 *   of its queue waits too (no retry storm); a later change to the same commitment waits for the
 *   earlier one, so a CRM never sees them out of order;
 * - a refused sign-in puts the CRM in `reconnect` (nothing is dropped); a refusal for good marks the
 *   change failed with the CRM's reason until the user retries it.
 */
import { ConnectorError, type Connector, type SourceId } from '../connectors/types';
import { pendingEntries, pruneSent, recordDelivery } from '../outbox/outbox';
import type { GlanceDB, OutboxEntry } from '../store/db';
import { accountCrmId, readSource, updateSource } from '../store/sync-state';
import { backoffMs } from './backoff';
import { SOURCE_NAMES } from './words';
import { SOURCES } from './types';

export interface DrainDeps {
  db: GlanceDB;
  now: () => Date;
  random?: () => number;
  connectorFor: (source: SourceId) => Promise<Connector | null>;
  /** Asks to be drained again at this time (an alarm in the background). */
  wakeAt?: (atMs: number) => void;
}

export interface DrainOutcome {
  sent: number;
  failed: number;
  waiting: number;
}

/** The commitment as the CRM's connector knows its account: by the id that connector gave it. */
async function forConnector(db: GlanceDB, entry: OutboxEntry, source: SourceId, connector: Connector): Promise<OutboxEntry | null> {
  if (connector.crmAccountId(entry.accountId)) return entry;
  const crmId = await accountCrmId(db, entry.accountId, source);
  if (!crmId) return null;
  const accountId = connector.glanceAccountId(crmId);
  const record = entry.record && typeof entry.record === 'object' ? { ...(entry.record as object), accountId } : entry.record;
  return { ...entry, accountId, record };
}

export async function drainOutbox(deps: DrainDeps): Promise<DrainOutcome> {
  const { db } = deps;
  const outcome: DrainOutcome = { sent: 0, failed: 0, waiting: 0 };
  const records = await Promise.all(SOURCES.map((s) => readSource(db, s)));
  const connected = records.filter((r) => r.connected).map((r) => r.source);
  await pruneSent(db, deps.now());
  // Before any CRM is connected, changes wait.
  if (!connected.length) return outcome;

  const usable = new Map<SourceId, Connector>();
  for (const record of records) {
    if (!record.connected || record.state === 'reconnect') continue;
    const paused = record.outboxPausedUntil ? Date.parse(record.outboxPausedUntil) : 0;
    if (paused > deps.now().getTime()) {
      deps.wakeAt?.(paused);
      continue;
    }
    const connector = await deps.connectorFor(record.source);
    if (connector) usable.set(record.source, connector);
  }

  const held = new Set<string>();
  let wake = Infinity;
  for (const entry of await pendingEntries(db)) {
    for (const source of connected) {
      const delivery = entry.delivery?.[source];
      if (delivery && delivery.state !== 'pending') continue;
      const key = `${source} ${entry.entityId}`;
      const connector = usable.get(source);
      const due = delivery?.nextAttemptAt ? Date.parse(delivery.nextAttemptAt) : 0;
      if (!connector || held.has(key) || due > deps.now().getTime()) {
        if (due) wake = Math.min(wake, due);
        held.add(key);
        outcome.waiting++;
        continue;
      }
      const attempts = delivery?.attempts ?? 0;
      const target = await forConnector(db, entry, source, connector);
      if (!target) {
        const lastError = `The account is not linked to a ${SOURCE_NAMES[source]} record, so the change stays in Glance only.`;
        await recordDelivery(db, entry.seq!, source, { state: 'skipped', attempts, lastError }, connected, deps.now());
        continue;
      }
      try {
        const { remoteId } = await connector.push(target);
        await recordDelivery(
          db,
          entry.seq!,
          source,
          { state: 'sent', remoteId, attempts, at: deps.now().toISOString() },
          connected,
          deps.now(),
        );
        outcome.sent++;
      } catch (error) {
        const failure =
          error instanceof ConnectorError ? error : new ConnectorError(error instanceof Error ? error.message : String(error), 'transient');
        const now = deps.now();
        if (failure.kind === 'permanent') {
          await recordDelivery(
            db,
            entry.seq!,
            source,
            { state: 'failed', attempts: attempts + 1, lastError: failure.message },
            connected,
            now,
          );
          outcome.failed++;
          continue;
        }
        held.add(key);
        if (failure.kind === 'auth') {
          await updateSource(db, source, (r) => ({ ...r, state: 'reconnect', error: failure.message }));
          usable.delete(source);
          continue;
        }
        const next = now.getTime() + backoffMs(attempts + 1, failure.retryAfterMs, deps.random);
        const nextAttemptAt = new Date(next).toISOString();
        await recordDelivery(
          db,
          entry.seq!,
          source,
          { state: 'pending', attempts: attempts + 1, lastError: failure.message, nextAttemptAt },
          connected,
          now,
        );
        wake = Math.min(wake, next);
        // The CRM is busy or failing: the rest of its queue waits for the same moment.
        usable.delete(source);
        if (failure.kind === 'rate-limit') await updateSource(db, source, (r) => ({ ...r, outboxPausedUntil: nextAttemptAt }));
      }
    }
  }
  if (Number.isFinite(wake)) deps.wakeAt?.(wake);
  return outcome;
}
