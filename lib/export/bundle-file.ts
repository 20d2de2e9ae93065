/**
 * Builds the export file in the options page, a page of records at a time: the bundle's JSON text is
 * written as Blob parts (one per page), so neither the background nor a message ever holds the whole
 * book. The result is an ordinary bundle-v1 file (docs/bundle-v1.md) that imports back to the same book.
 */
import type { call as callBackground } from '../messages/client';
import type { RecordKey } from '../messages/protocol';
import { RECORD_TYPES, type RecordType } from '../model/bundle';
import type { RecordCounts } from '../store/records';

export interface ExportProgress {
  type: RecordType;
  /** Records written to the file so far, of all types, and how many the book holds. */
  done: number;
  total: number;
}

export type ExportOutcome = { ok: true; file: Blob; fileName: string; counts: RecordCounts } | { ok: false; error: string };

export async function exportBookFile(
  call: typeof callBackground,
  onProgress: (progress: ExportProgress) => void = () => undefined,
  pageLimit?: number,
): Promise<ExportOutcome> {
  let begun: Awaited<ReturnType<typeof callBackground<'export.begin'>>>;
  try {
    begun = await call('export.begin', {});
  } catch (error) {
    return { ok: false, error: `Export failed before it started: ${(error as Error).message} No file was saved.` };
  }
  const { exportId, generatedAt } = begun;
  const total = RECORD_TYPES.reduce((n, t) => n + begun.counts[t], 0);
  const parts: string[] = [`{"format":"glance.bundle","version":1,"generatedAt":${JSON.stringify(generatedAt)}`];
  const counts = Object.fromEntries(RECORD_TYPES.map((t) => [t, 0])) as RecordCounts;
  let done = 0;
  for (const type of RECORD_TYPES) {
    parts.push(`,${JSON.stringify(type)}:[`);
    let afterKey: RecordKey | undefined;
    onProgress({ type, done, total });
    for (;;) {
      let page: Awaited<ReturnType<typeof callBackground<'export.page'>>>;
      try {
        page = await call('export.page', { exportId, type, afterKey, ...(pageLimit ? { limit: pageLimit } : {}) });
      } catch (error) {
        const where = `${type} (${counts[type].toLocaleString()} of ${begun.counts[type].toLocaleString()} written)`;
        return { ok: false, error: `Export failed while reading ${where}: ${(error as Error).message} No file was saved.` };
      }
      if (page.records.length) {
        parts.push(`${counts[type] ? ',' : ''}${page.records.map((r) => JSON.stringify(r)).join(',')}`);
        counts[type] += page.records.length;
        done += page.records.length;
        onProgress({ type, done, total: Math.max(total, done) });
      }
      if (page.done || !page.records.length) break;
      afterKey = page.lastKey;
    }
    parts.push(']');
  }
  parts.push('}\n');
  return {
    ok: true,
    file: new Blob(parts, { type: 'application/json' }),
    fileName: `glance-export-${generatedAt.slice(0, 10)}.json`,
    counts,
  };
}
