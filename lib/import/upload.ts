/**
 * Sends a chosen file to the background in chunks and commits it in one go. The file is checked as
 * a whole first (JSON? a bundle?) so a wrong file is refused before anything is sent.
 */
import { RECORD_TYPES, type RecordType } from '../model/bundle';
import type { call as callBackground } from '../messages/client';
import type { RecordCounts } from '../store/records';
import { readCsvText } from './csv';
import { readBundleText, type EnvelopeResult, type Rejection } from './validate';

export const CHUNK_SIZE = 2000;

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

export type ImportOutcome =
  | { ok: true; fileName: string; counts: RecordCounts; rejected: Rejection[] }
  | { ok: false; fileName: string; error: string };

export function readImportText(fileName: string, text: string): EnvelopeResult {
  return /\.csv$/i.test(fileName) ? readCsvText(text) : readBundleText(text);
}

export async function importFile(
  file: { name: string; text(): Promise<string> },
  call: typeof callBackground,
  onProgress: (progress: ImportProgress) => void = () => undefined,
  watchWrite: (importId: string, listener: (written: number, total: number) => void) => () => void = () => () => undefined,
): Promise<ImportOutcome> {
  onProgress({ phase: 'reading', done: 0, total: 1 });
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, fileName: file.name, error: `Could not read the file (${(error as Error).message}). Nothing was imported.` };
  }
  const envelope = readImportText(file.name, text);
  if (!envelope.ok) return { ok: false, fileName: file.name, error: envelope.error };

  const total = RECORD_TYPES.reduce((n, t) => n + (envelope.records[t]?.length ?? 0), 0);
  const rejected: Rejection[] = [];
  let importId: string | undefined;
  try {
    importId = (await call('import.begin', { name: file.name })).importId;
    let done = 0;
    for (const type of RECORD_TYPES as readonly RecordType[]) {
      const list = envelope.records[type] ?? [];
      for (let offset = 0; offset < list.length; offset += CHUNK_SIZE) {
        const records = list.slice(offset, offset + CHUNK_SIZE);
        const result = await call('import.chunk', { importId, type, offset, records });
        rejected.push(...result.rejected);
        done += records.length;
        onProgress({ phase: 'checking', done, total });
      }
    }
    onProgress({ phase: 'writing', done: 0, total });
    const unwatch = watchWrite(importId, (written, all) => onProgress({ phase: 'writing', done: written, total: all }));
    const { counts } = await call('import.commit', { importId }).finally(unwatch);
    return { ok: true, fileName: file.name, counts, rejected };
  } catch (error) {
    if (importId) await call('import.abort', { importId }).catch(() => undefined);
    const message = (error as Error).message;
    // The background's own refusals may already say so; the user should read it once.
    const tail = /nothing was changed/i.test(message) ? '' : ' Nothing was changed.';
    return { ok: false, fileName: file.name, error: `Import failed: ${message}${tail}` };
  }
}
