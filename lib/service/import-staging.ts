/**
 * Imports arrive in chunks (a 1,000,000-contact file is far too big for one message and the user wants
 * progress). Each chunk is validated and its valid records are staged in IndexedDB, in the import's
 * journal (lib/store/import-journal.ts): nothing reaches the book before commit, and a staged import
 * survives the service worker being stopped between two chunks.
 */
import type { RecordType } from '../model/bundle';
import type { GlanceDB } from '../store/db';
import { createImportJob, pruneFinishedJobs, stageRecords, startRollback, STAGING_TTL_MS } from '../store/import-journal';
import { validateRecords, type Rejection } from '../import/validate';

export class ImportStaging {
  private nextId = 1;

  constructor(private readonly db: GlanceDB) {}

  async begin(name: string, generatedAt: string | undefined, now = new Date()): Promise<string> {
    await this.expire(now);
    const id = `import-${now.getTime()}-${this.nextId++}-${Math.random().toString(36).slice(2, 8)}`;
    await createImportJob(this.db, { id, name, generatedAt, at: now.toISOString() });
    return id;
  }

  async add(
    importId: string,
    type: RecordType,
    offset: number,
    raw: unknown[],
    now = new Date(),
  ): Promise<{ accepted: number; rejected: Rejection[] }> {
    const { valid, rejected } = validateRecords(type, raw, offset);
    await stageRecords(this.db, importId, type, valid, rejected.length, now.toISOString());
    return { accepted: valid.length, rejected };
  }

  /** Abandoned uploads (the page was closed) are dropped when the next import begins. */
  private async expire(now: Date): Promise<void> {
    const stale = await this.db.importJobs
      .where('state')
      .equals('staging')
      .filter((job) => now.getTime() - Date.parse(job.touchedAt) > STAGING_TTL_MS)
      .toArray();
    for (const job of stale) await startRollback(this.db, job.id, now.toISOString(), 'discarded');
    await pruneFinishedJobs(this.db);
  }
}
