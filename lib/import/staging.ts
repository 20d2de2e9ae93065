/**
 * Imports arrive in chunks (a 100,000-contact file is too big for one message and the user wants
 * progress). Chunks are validated and held here, in memory, until commit writes them all in one
 * transaction: if the service worker dies mid-import, nothing has been written.
 */
import { RECORD_TYPES, type RecordType, type RecordsByType } from '../model/bundle';
import { validateRecords, type Rejection } from './validate';

interface StagedImport {
  name: string;
  startedAt: number;
  records: { [T in RecordType]: RecordsByType[T] };
  rejected: number;
}

const MAX_AGE_MS = 15 * 60 * 1000;

export class ImportStaging {
  private imports = new Map<string, StagedImport>();
  private nextId = 1;

  begin(name: string, now = Date.now()): string {
    this.expire(now);
    const id = `import-${now}-${this.nextId++}`;
    const records = Object.fromEntries(RECORD_TYPES.map((t) => [t, []])) as unknown as StagedImport['records'];
    this.imports.set(id, { name, startedAt: now, records, rejected: 0 });
    return id;
  }

  add(importId: string, type: RecordType, offset: number, raw: unknown[]): { accepted: number; rejected: Rejection[] } {
    const staged = this.get(importId);
    const { valid, rejected } = validateRecords(type, raw, offset);
    for (const record of valid) (staged.records[type] as unknown[]).push(record);
    staged.rejected += rejected.length;
    return { accepted: valid.length, rejected };
  }

  take(importId: string): StagedImport {
    const staged = this.get(importId);
    this.imports.delete(importId);
    return staged;
  }

  abort(importId: string): void {
    this.imports.delete(importId);
  }

  private get(importId: string): StagedImport {
    const staged = this.imports.get(importId);
    if (!staged) {
      throw new Error('This import was interrupted (Glance restarted in the meantime). Nothing was changed: please import the file again.');
    }
    return staged;
  }

  private expire(now: number): void {
    for (const [id, staged] of this.imports) if (now - staged.startedAt > MAX_AGE_MS) this.imports.delete(id);
  }
}
