/**
 * import.*: the file is staged chunk by chunk, then committed step by step: each `import.commit`
 * request applies staged batches (one transaction each) for about a second and says how far it is,
 * so no service-worker event runs long and sidebar look-ups are answered between batches. An import
 * the service worker was stopped in the middle of is finished by `recoverImports` on the next start.
 */
import type { ImportCommitStep } from '../messages/protocol';
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import { ImportStaging } from './import-staging';
import type { ImportJob } from '../store/db';
import {
  applyNextBatch,
  COMMIT_TX_MS,
  INTERRUPTED_MESSAGE,
  rollbackNextBatch,
  startCommit,
  startRollback,
  unfinishedJobs,
} from '../store/import-journal';
import { emptyCounts, type RecordCounts } from '../store/records';
import type { ServiceDeps } from './handlers';

/** How long one commit request keeps applying batches before it answers (it always applies at least one). */
export const COMMIT_STEP_MS = 1000;

type ImportHandlers = Pick<Handlers, 'import.begin' | 'import.chunk' | 'import.commit' | 'import.abort'>;

const isRunning = (job: ImportJob) => job.state === 'committing' || job.state === 'rolling-back';

export function createImportService(deps: ServiceDeps) {
  const { db, now, broadcast } = deps;
  const staging = new ImportStaging(db);
  const stepMs = deps.commitStepMs ?? COMMIT_STEP_MS;
  // A transaction never outlasts the step it is part of.
  const txMs = Math.min(stepMs, COMMIT_TX_MS);
  /** Imports a background drive is finishing: one drive per import, whoever else asks. */
  const driving = new Map<string, Promise<ImportJob>>();

  /** Applies (or rolls back) batches until the job is finished or `budgetMs` has passed. */
  async function advance(importId: string, budgetMs: number): Promise<ImportJob> {
    const started = Date.now();
    let job: ImportJob;
    do {
      const current = await db.importJobs.get(importId);
      if (!current) throw new Error(INTERRUPTED_MESSAGE);
      const at = now().toISOString();
      job = current.state === 'rolling-back' ? await rollbackNextBatch(db, importId, at) : await applyNextBatch(db, importId, at, txMs);
      // Views built from the book before this batch are stale now.
      deps.invalidate?.();
      await deps.keepAlive?.();
    } while (isRunning(job) && Date.now() - started < budgetMs);
    if (!isRunning(job)) broadcast(changeEvent(['records', 'commitments']));
    return job;
  }

  /** Runs an import to its end in the background (no page waiting on it), once per import. */
  function driveToEnd(importId: string): Promise<ImportJob> {
    const running = driving.get(importId);
    if (running) return running;
    const drive = (async () => {
      let job = (await db.importJobs.get(importId))!;
      while (job && isRunning(job)) job = await advance(importId, stepMs);
      return job;
    })().finally(() => driving.delete(importId));
    driving.set(importId, drive);
    return drive;
  }

  const stepOf = (job: ImportJob): ImportCommitStep => ({
    done: job.state === 'committed',
    written: job.written,
    total: job.total,
    counts: { ...emptyCounts(), ...job.counts } as RecordCounts,
    kept: job.kept,
  });

  const handlers: ImportHandlers = {
    'import.begin': async ({ name, generatedAt }) => ({ importId: await staging.begin(name, generatedAt, now()) }),
    'import.chunk': ({ importId, type, offset, records }) => staging.add(importId, type, offset, records, now()),
    'import.commit': async ({ importId }) => {
      const started = await startCommit(db, importId, now().toISOString());
      if (started.state === 'committed') return stepOf(started);
      // While a background drive finishes this import (after a restart), the page only reads how far it is.
      const job = driving.has(importId) ? await db.importJobs.get(importId) : await advance(importId, stepMs);
      if (!job || !['committing', 'committed'].includes(job.state)) throw new Error(INTERRUPTED_MESSAGE);
      return stepOf(job);
    },
    'import.abort': async ({ importId }) => {
      const job = await startRollback(db, importId, now().toISOString());
      if (!job) return { state: 'unknown' };
      if (job.state === 'rolling-back') void driveToEnd(importId);
      return { state: job.state };
    },
  };

  /**
   * After a restart: an upload left half-way is discarded, a commit is resumed to its end and a
   * roll-back finished; each job is marked so that the options page tells the user what happened.
   */
  async function recoverImports(): Promise<ImportJob[]> {
    const jobs = await unfinishedJobs(db);
    const finished: ImportJob[] = [];
    for (const job of jobs) {
      const at = now().toISOString();
      if (job.state === 'staging') {
        const dropped = await startRollback(db, job.id, at, 'discarded');
        if (dropped) finished.push(dropped);
        continue;
      }
      await db.importJobs.update(job.id, { recovery: job.state === 'committing' ? 'resumed' : 'rolled-back' });
      finished.push(await driveToEnd(job.id));
    }
    if (finished.length) broadcast(changeEvent(['records', 'commitments']));
    return finished;
  }

  return { handlers, recoverImports };
}
