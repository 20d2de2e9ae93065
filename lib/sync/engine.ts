/**
 * The sync engine: pulls each connected CRM object by object (SYNC_ORDER), a page at a time, each
 * page written with its cursor in one bounded transaction (lib/store/sync-writes.ts), and drains the
 * outbox after every run. It knows connectors only by their interface (lib/connectors/types.ts).
 *
 * The next pages are asked for while the current one is written (lib/sync/read-ahead.ts): the
 * network and the store overlap, the store no longer sets the pace of the requests, and with never
 * more than one pull in flight the connector's own pacing (HubSpot's 190 calls / 10 s, its 429
 * handling) is untouched. Pages that are already there when the store is free again are written
 * together, a few at most in one transaction, so a store that falls behind catches up.
 *
 * One run per CRM at a time (single flight in this worker). A run stopped with the worker leaves its
 * progress in the store: the next start (the background resumes interrupted runs) carries on from
 * the stored cursor, never half a page and never blocked by the run that died.
 */
import { ConnectorError, type Connector } from '../connectors/types';
import { changeEvent } from '../messages/server';
import type { ChangeEvent } from '../messages/protocol';
import { requeueFailed } from '../outbox/outbox';
import type { GlanceDB } from '../store/db';
import { readMapping, readSecret, readSource, updateSource, writeOwners, writeSecret } from '../store/sync-state';
import { writeSyncPages } from '../store/sync-writes';
import type { ConnectorFactory } from './connectors';
import { drainOutbox, type DrainOutcome } from './drain';
import { mappingFieldsOf } from './mapping';
import { PAGES_PER_WRITE, READ_AHEAD_PAGES, ReadAhead } from './read-ahead';
import { createRunEvents } from './run-events';
import { reconcileScope } from './scope';
import { SOURCES, SYNC_ORDER, type MappingFields, type RunProgress, type SourceId, type SourceRecord, type SourceSecret } from './types';
import { SOURCE_NAMES } from './words';

export interface SyncEngineDeps {
  db: GlanceDB;
  now: () => Date;
  connectors: ConnectorFactory;
  broadcast: (event: ChangeEvent) => void;
  /** An extension API call every few seconds keeps the service worker alive through a long run. */
  keepAlive?: () => unknown;
  /** Asks to be woken (alarm) at this time to drain again after a backoff. */
  wakeAt?: (atMs: number) => void;
  random?: () => number;
  /** How soon after a new change the outbox is drained. */
  drainDelayMs?: number;
}

/** The same failure twice in a row is not worth a third full resync in the same run. */
const MAX_RESYNCS_PER_RUN = 1;

export function newRun(now: Date, full: boolean): RunProgress {
  return { id: crypto.randomUUID(), startedAt: now.toISOString(), objectIndex: 0, full, written: {}, removed: 0, skipped: 0 };
}

export function createSyncEngine(deps: SyncEngineDeps) {
  const { db } = deps;
  const running = new Map<SourceId, Promise<void>>();
  const connectors = new Map<SourceId, Connector>();
  let draining: Promise<DrainOutcome> | null = null;
  let drainAgain = false;
  let drainTimer: ReturnType<typeof setTimeout> | undefined;

  async function connectorFor(source: SourceId): Promise<Connector | null> {
    const kept = connectors.get(source);
    if (kept) return kept;
    const secret = await readSecret(db, source);
    if (!secret) return null;
    const mapping = mappingFieldsOf(source, await readMapping<Partial<MappingFields>>(db, source));
    const connector = deps.connectors(secret, mapping, (next) => writeSecret(db, next));
    connectors.set(source, connector);
    return connector;
  }

  /** A connector for credentials not stored yet: connecting verifies them first. */
  function connectorForSecret(secret: SourceSecret, mapping: MappingFields): Connector {
    return deps.connectors(secret, mapping, async () => undefined);
  }

  /** Credentials or mapping changed: the next call builds the connector afresh. */
  function forget(source: SourceId) {
    connectors.delete(source);
  }

  async function run(source: SourceId): Promise<void> {
    let record = await readSource(db, source);
    if (!record.connected || record.state === 'reconnect') return;
    const connector = await connectorFor(source);
    if (!connector) return;
    const full = !Object.keys(record.cursors).length;
    const resumed = record.run !== undefined;
    record = await updateSource(db, source, (r) => ({ ...r, state: 'syncing', error: undefined, run: r.run ?? newRun(deps.now(), full) }));
    deps.broadcast(changeEvent(['sync']));
    const events = createRunEvents({ broadcast: deps.broadcast, nowMs: () => deps.now().getTime(), keepAlive: deps.keepAlive, resumed });
    let resyncs = 0;
    // Reads from where the run stands (nothing when there is no run).
    const readerFor = (r: SourceRecord) =>
      new ReadAhead(connector, SYNC_ORDER, { objectIndex: r.run?.objectIndex ?? SYNC_ORDER.length, cursors: r.cursors }, READ_AHEAD_PAGES);
    let reader = readerFor(record);
    try {
      while (record.run && record.run.objectIndex < SYNC_ORDER.length) {
        const { object, page } = await reader.next();
        if (page.resyncRequired) {
          reader.stop();
          if (resyncs++ >= MAX_RESYNCS_PER_RUN)
            throw new ConnectorError(`${SOURCE_NAMES[source]} asked for a full resync twice in one run`, 'transient');
          record = await startOver(
            source,
            `${SOURCE_NAMES[source]} no longer has the changes since the last sync (it keeps deletions 15 days), so Glance read everything again.`,
          );
          reader = readerFor(record);
          continue;
        }
        if (page.owners) await writeOwners(db, source, page.owners);
        const pages = [page, ...reader.ready(object, PAGES_PER_WRITE - 1)];
        const ownerEmail = record.herBook ? record.ownerEmail : undefined;
        const outcome = await writeSyncPages(db, {
          source,
          object,
          pages,
          runId: record.run.id,
          crmAccountId: (id) => connector.crmAccountId(id),
          ownerEmail,
          now: deps.now(),
        });
        if (!outcome.record) return;
        record = outcome.record;
        if (outcome.startedOver) {
          // The book or the mapping changed meanwhile (sync.configure): read everything again, under the new rule.
          reader.stop();
          reader = readerFor(record);
          continue;
        }
        events.page(outcome.accountIds, outcome.removed, !pages[pages.length - 1].more);
      }
      events.end();
      // A full run wrote every account in scope: those it did not write are out of scope now.
      const scope = await reconcileScope(db, record, connector);
      if (scope.accountIds.length) deps.broadcast(changeEvent(['records'], scope.accountIds));
      await updateSource(db, source, (r) => {
        if (!r.run) return r;
        const { id: _i, startedAt: _s, objectIndex: _o, ...totals } = r.run;
        // What a resync told stays until a later, ordinary run.
        const notice = r.run.full ? [r.notice, scope.notice].filter(Boolean).join(' ') || undefined : undefined;
        return {
          ...r,
          state: 'ok',
          error: undefined,
          notice,
          run: undefined,
          lastSyncAt: deps.now().toISOString(),
          lastResult: { ...totals, removed: totals.removed + scope.removed, finishedAt: deps.now().toISOString() },
        };
      });
    } catch (error) {
      const failure = error instanceof ConnectorError ? error : null;
      const message = error instanceof Error ? error.message : String(error);
      // The run stays where it stopped: the next sync resumes it from the stored cursor.
      await updateSource(db, source, (r) => ({ ...r, state: failure?.kind === 'auth' ? 'reconnect' : 'error', error: message }));
      if (failure?.kind === 'auth') forget(source);
    } finally {
      reader.stop();
      events.end();
      deps.broadcast(changeEvent(['sync']));
    }
  }

  /** Cursors dropped, every object read again from the start (the book switched, or the CRM's window ran out). */
  function startOver(source: SourceId, notice?: string): Promise<SourceRecord> {
    return updateSource(db, source, (r) => ({ ...r, cursors: {}, run: r.connected ? newRun(deps.now(), true) : undefined, notice }));
  }

  /** Single flight: asking again while a run is going joins it. */
  function syncSource(source: SourceId): Promise<void> {
    const current = running.get(source);
    if (current) return current;
    const started = run(source)
      .then(() => drain().then(() => undefined))
      .finally(() => running.delete(source));
    running.set(source, started);
    return started;
  }

  async function syncAll(): Promise<void> {
    await Promise.all(SOURCES.map(syncSource));
  }

  /** One drain at a time; a request during one runs another right after it. */
  function drain(): Promise<DrainOutcome> {
    if (draining) {
      drainAgain = true;
      return draining;
    }
    draining = (async () => {
      let outcome: DrainOutcome;
      do {
        drainAgain = false;
        outcome = await drainOutbox({ db, now: deps.now, random: deps.random, connectorFor, wakeAt: deps.wakeAt });
      } while (drainAgain);
      deps.broadcast(changeEvent(['sync']));
      return outcome;
    })().finally(() => (draining = null));
    return draining;
  }

  /** A new change is drained soon, not at once: a few quick edits go out together. */
  function drainSoon() {
    clearTimeout(drainTimer);
    drainTimer = setTimeout(() => void drain().catch(() => undefined), deps.drainDelayMs ?? 2000);
  }

  /** At start: runs that died with the previous worker carry on, and the outbox is drained. */
  async function resume(): Promise<void> {
    const records = await Promise.all(SOURCES.map((s) => readSource(db, s)));
    const interrupted = records.filter((r) => r.connected && (r.state === 'syncing' || r.run));
    await Promise.all(interrupted.map((r) => syncSource(r.source)));
    if (!interrupted.length) await drain();
  }

  async function retry(commitmentId: string): Promise<number> {
    const requeued = await requeueFailed(db, commitmentId);
    deps.broadcast(changeEvent(['sync']));
    void drain().catch(() => undefined);
    return requeued;
  }

  return {
    connectorFor,
    connectorForSecret,
    forget,
    syncSource,
    syncAll,
    drain,
    drainSoon,
    resume,
    retry,
    startOver,
    running: (s: SourceId) => running.has(s),
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
