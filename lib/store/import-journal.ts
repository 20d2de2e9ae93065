/**
 * Durable imports: staged in IndexedDB while the file is uploaded, then committed as a sequence of
 * small transactions, each applying one staged chunk and, in the same transaction, moving the
 * journal forward and keeping what it replaced (the undo batch).
 *
 * Why a journal rather than one transaction or a generation swap: one transaction over a million
 * records blocks every sidebar look-up for minutes and outlives Chrome's five-minute limit for a
 * service-worker event; a generation swap would double every index and every look-up path. With the
 * journal each step is short, look-ups run between steps, and the state after any crash is exact:
 * - a job still `staging` (upload not finished) has changed nothing: its staged chunks are discarded;
 * - a job `committing` is resumed from its next staged chunk (chunks are applied exactly once, since
 *   applying a chunk and deleting it happen in one transaction) and completes;
 * - a job `rolling-back` (the page gave up on it) keeps restoring undo batches, newest first, until
 *   the store is as it was before the import.
 * Readers may see an import part-way while it is committed (that is what keeps them answering), but
 * an import never stays half-applied: it ends committed or rolled back.
 */
import type { Table } from 'dexie';
import { keepsLocalCommitment } from '../import/local-changes';
import type { Commitment, Contact, RecordsByType } from '../model/bundle';
import { deleteContactsById, putContacts, restorePacks, type PackBefore } from './contacts';
import { RECORD_TABLES, STORE_OF, type GlanceDB, type ImportJob, type StagedChunk, type StoredContact, type UndoBatch } from './db';
import { withAccountKeys, withoutKeys } from './keys';
import { emptyCounts } from './records';

type RecordTable = (typeof RECORD_TABLES)[number];

/**
 * Records per staged chunk, and so per commit transaction: a look-up waits for at most one. Smaller
 * means shorter waits and more transaction overhead; at 2,000 a loaded machine made look-ups wait seconds.
 */
export const STAGED_CHUNK = 500;

/** A staging import untouched this long was abandoned (page closed): its staged records are dropped. */
export const STAGING_TTL_MS = 15 * 60 * 1000;

export const INTERRUPTED_MESSAGE =
  'This import was interrupted (Glance restarted in the meantime). Nothing was changed: please import the file again.';

const JOURNAL = ['importJobs', 'importStaged', 'importUndo'] as const;

const primaryKey = (type: RecordTable, record: Record<string, unknown>): unknown =>
  type === 'usage' ? [record.accountId, record.date] : record.id;

export async function createImportJob(db: GlanceDB, job: { id: string; name: string; generatedAt?: string; at: string }): Promise<void> {
  await db.importJobs.add({
    id: job.id,
    name: job.name,
    generatedAt: job.generatedAt,
    state: 'staging',
    startedAt: job.at,
    touchedAt: job.at,
    total: 0,
    written: 0,
    rejected: 0,
    counts: emptyCounts(),
    kept: 0,
  });
}

/** Stages valid records of one type (in chunks of STAGED_CHUNK, one transaction) and counts the refused ones. */
export async function stageRecords(db: GlanceDB, importId: string, type: RecordTable, records: unknown[], rejected: number, at: string) {
  await db.transaction('rw', [db.importJobs, db.importStaged], async () => {
    const job = await db.importJobs.get(importId);
    if (job?.state !== 'staging') throw new Error(INTERRUPTED_MESSAGE);
    const chunks: StagedChunk[] = [];
    for (let i = 0; i < records.length; i += STAGED_CHUNK) chunks.push({ importId, type, records: records.slice(i, i + STAGED_CHUNK) });
    await db.importStaged.bulkAdd(chunks);
    await db.importJobs.update(importId, { total: job.total + records.length, rejected: job.rejected + rejected, touchedAt: at });
  });
}

/** Moves a staged import to committing. A job already committing or committed is left as it is (a repeated request). */
export async function startCommit(db: GlanceDB, importId: string, at: string): Promise<ImportJob> {
  return db.transaction('rw', db.importJobs, async () => {
    const job = await db.importJobs.get(importId);
    if (!job || !['staging', 'committing', 'committed'].includes(job.state)) throw new Error(INTERRUPTED_MESSAGE);
    if (job.state !== 'staging') return job;
    const next = { ...job, state: 'committing' as const, touchedAt: at };
    await db.importJobs.put(next);
    return next;
  });
}

/**
 * Time one commit transaction may keep taking further staged chunks of the same type. The bound is
 * time rather than a count so that a look-up waits about as long on a loaded machine as on a quiet
 * one; each chunk costs a transaction's fixed price (the journal rows, the commit), so a few per
 * transaction make the import faster.
 */
export const COMMIT_TX_MS = 150;

/**
 * Applies the next staged chunk, and the ones after it of the same type while the transaction is
 * younger than COMMIT_TX_MS, in one transaction; or, when none is left, finishes the job (import log
 * entry, undo batches dropped). Returns the job as it now stands.
 */
export async function applyNextBatch(db: GlanceDB, importId: string, at: string, txMs = COMMIT_TX_MS): Promise<ImportJob> {
  // Only the record table of the next chunk is locked, so look-ups on the others are not held up.
  const peek = await db.importStaged.where('importId').equals(importId).first();
  if (!peek) return finishCommit(db, importId, at);
  const table = db.table(STORE_OF[peek.type]);
  return db.transaction('rw', [table, ...JOURNAL.map((t) => db[t])], async () => {
    const started = Date.now();
    let job = await db.importJobs.get(importId);
    let chunk = await db.importStaged.where('importId').equals(importId).first();
    // Another driver (the page, or recovery after a restart) got there first: nothing to do this time.
    if (!job || job.state !== 'committing' || !chunk || chunk.seq !== peek.seq) return job ?? missing(importId);
    for (;;) {
      job = await applyChunk(db, table, job, chunk, at);
      if (Date.now() - started >= txMs) break;
      const next = await db.importStaged.where('importId').equals(importId).first();
      if (!next || next.type !== peek.type) break;
      chunk = next;
    }
    await db.importJobs.put(job);
    return job;
  });
}

/** One staged chunk applied, its undo kept and the chunk dropped, inside applyNextBatch's transaction. */
async function applyChunk(db: GlanceDB, table: Table, job: ImportJob, chunk: StagedChunk, at: string): Promise<ImportJob> {
  if (chunk.type === 'contacts') return applyContacts(db, job, chunk, at);
  const incoming = chunk.records as Record<string, unknown>[];
  const keys = incoming.map((r) => primaryKey(chunk.type, r));
  const before = await table.bulkGet(keys as never[]);
  let kept = 0;
  const applied: Record<string, unknown>[] = [];
  const entries: { key: unknown; before?: unknown }[] = [];
  incoming.forEach((record, i) => {
    if (chunk.type === 'commitments' && keepsLocalCommitment(before[i] as Commitment | undefined, record as Commitment, job.generatedAt)) {
      kept++;
      return;
    }
    applied.push(record);
    // A record that was not there is undone by its key alone: no `before` to store and read back.
    entries.push(before[i] === undefined ? { key: keys[i] } : { key: keys[i], before: before[i] });
  });
  await db.importUndo.add({ importId: job.id, type: chunk.type, entries });
  await table.bulkPut(withDerivedKeys(chunk.type, applied));
  await db.importStaged.delete(chunk.seq!);
  return {
    ...job,
    written: job.written + incoming.length,
    counts: { ...job.counts, [chunk.type]: (job.counts[chunk.type] ?? 0) + applied.length },
    kept: job.kept + kept,
    touchedAt: at,
  };
}

/** Contacts are written pack by pack: the undo keeps each touched pack as it was (lib/store/contacts.ts). */
async function applyContacts(db: GlanceDB, job: ImportJob, chunk: StagedChunk, at: string): Promise<ImportJob> {
  const incoming = chunk.records as Contact[];
  const entries = await putContacts(db, incoming);
  await db.importUndo.add({ importId: job.id, type: 'contacts', entries, packedContacts: incoming.length });
  await db.importStaged.delete(chunk.seq!);
  return {
    ...job,
    written: job.written + incoming.length,
    counts: { ...job.counts, contacts: (job.counts.contacts ?? 0) + incoming.length },
    touchedAt: at,
  };
}

/** Puts back what one undo batch says was there before. */
async function restore(db: GlanceDB, table: Table, batch: UndoBatch): Promise<void> {
  if (batch.type === 'contacts' && batch.packedContacts !== undefined) return restorePacks(db, batch.entries as PackBefore[]);
  const removed = batch.entries.filter((e) => e.before === undefined).map((e) => e.key);
  const restored = batch.entries.filter((e) => e.before !== undefined).map((e) => e.before);
  if (batch.type === 'contacts') {
    // A batch of single contacts, kept by an import that was under way when the store moved to packs.
    await deleteContactsById(db, removed as string[]);
    await putContacts(
      db,
      (restored as StoredContact[]).map((c) => withoutKeys(c)),
    );
    return;
  }
  await table.bulkDelete(removed as never[]);
  await table.bulkPut(restored);
}

function withDerivedKeys(type: RecordTable, records: Record<string, unknown>[]): unknown[] {
  if (type === 'accounts') return records.map((r) => withAccountKeys(r as RecordsByType['accounts'][number]));
  return records;
}

async function finishCommit(db: GlanceDB, importId: string, at: string): Promise<ImportJob> {
  return db.transaction('rw', [db.importLog, ...JOURNAL.map((t) => db[t])], async () => {
    const job = await db.importJobs.get(importId);
    if (!job || job.state !== 'committing') return job ?? missing(importId);
    if ((await db.importStaged.where('importId').equals(importId).count()) > 0) return job;
    await db.importUndo.where('importId').equals(importId).delete();
    const done: ImportJob = { ...job, state: 'committed', touchedAt: at, finishedAt: at };
    await db.importJobs.put(done);
    await db.importLog.add({
      at,
      source: 'file',
      name: job.name,
      counts: job.counts,
      rejected: job.rejected,
      ...(job.kept ? { kept: job.kept } : {}),
      ...(job.recovery === 'resumed' ? { recovery: 'resumed' as const } : {}),
    });
    return done;
  });
}

/** Turns an unfinished import back: staged records dropped, and what a commit already applied restored. */
export async function startRollback(
  db: GlanceDB,
  importId: string,
  at: string,
  recovery?: ImportJob['recovery'],
): Promise<ImportJob | undefined> {
  return db.transaction(
    'rw',
    JOURNAL.map((t) => db[t]),
    async () => {
      const job = await db.importJobs.get(importId);
      if (!job || !['staging', 'committing', 'rolling-back'].includes(job.state)) return job;
      await db.importStaged.where('importId').equals(importId).delete();
      const nothingApplied = (await db.importUndo.where('importId').equals(importId).count()) === 0;
      const state = nothingApplied ? (job.state === 'staging' ? 'discarded' : 'rolled-back') : 'rolling-back';
      const next: ImportJob = {
        ...job,
        state,
        touchedAt: at,
        ...(nothingApplied ? { finishedAt: at } : {}),
        ...(recovery ? { recovery: job.state === 'staging' ? 'discarded' : recovery } : {}),
      };
      await db.importJobs.put(next);
      return next;
    },
  );
}

/** Restores the newest undo batch in its own transaction; when none is left the job is rolled back. */
export async function rollbackNextBatch(db: GlanceDB, importId: string, at: string): Promise<ImportJob> {
  const peek = await db.importUndo.where('importId').equals(importId).last();
  if (!peek) {
    return db.transaction('rw', db.importJobs, async () => {
      const job = (await db.importJobs.get(importId)) ?? missing(importId);
      if (job.state !== 'rolling-back') return job;
      const done: ImportJob = { ...job, state: 'rolled-back', touchedAt: at, finishedAt: at };
      await db.importJobs.put(done);
      return done;
    });
  }
  const table = db.table(STORE_OF[peek.type]);
  return db.transaction('rw', [table, db.importJobs, db.importUndo], async () => {
    const job = (await db.importJobs.get(importId)) ?? missing(importId);
    const batch = await db.importUndo.where('importId').equals(importId).last();
    if (job.state !== 'rolling-back' || !batch || batch.seq !== peek.seq) return job;
    await restore(db, table, batch);
    await db.importUndo.delete(batch.seq!);
    const next = { ...job, written: Math.max(0, job.written - (batch.packedContacts ?? batch.entries.length)), touchedAt: at };
    await db.importJobs.put(next);
    return next;
  });
}

function missing(importId: string): never {
  throw new Error(`${INTERRUPTED_MESSAGE} (import ${importId} is unknown)`);
}

/** Imports that need work after a restart: unfinished commits and roll-backs, and staging left behind. */
export async function unfinishedJobs(db: GlanceDB): Promise<ImportJob[]> {
  return db.importJobs.where('state').anyOf(['staging', 'committing', 'rolling-back']).toArray();
}

/** The import the options page should tell about: the newest one Glance had to finish on its own. */
export async function lastRecoveredJob(db: GlanceDB): Promise<ImportJob | undefined> {
  const recovered = await db.importJobs.filter((job) => job.recovery !== undefined).toArray();
  return recovered.sort((a, b) => a.touchedAt.localeCompare(b.touchedAt)).at(-1);
}

/** Finished jobs are kept only as a short history. */
export async function pruneFinishedJobs(db: GlanceDB, keep = 10): Promise<void> {
  const finished = await db.importJobs.where('state').anyOf(['committed', 'rolled-back', 'discarded']).toArray();
  const old = finished.sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? '')).slice(keep);
  if (old.length) await db.importJobs.bulkDelete(old.map((j) => j.id));
}
