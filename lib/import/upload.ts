/**
 * Sends a chosen file to the background in chunks and commits it in one go. The file is checked as
 * a whole first (JSON? a bundle?) so a wrong file is refused before anything is sent; records too
 * big to send and all but the last copy of a repeated id are held back here, on the page, which is
 * the only place that sees the whole file.
 */
import { RECORD_TYPES, type RecordType } from '../model/bundle';
import type { call as callBackground } from '../messages/client';
import type { RecordCounts } from '../store/records';
import { readCsvText } from './csv';
import { decodeFileBytes } from './decode';
import { shapeProblem } from './limits';
import { findDuplicates, readBundleText, type Duplicate, type EnvelopeResult, type Rejection } from './validate';

export const CHUNK_SIZE = 2000;

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

export type ImportOutcome =
  | { ok: true; fileName: string; counts: RecordCounts; rejected: Rejection[]; duplicates: Duplicate[]; notes: string[] }
  | { ok: false; fileName: string; error: string; notes?: string[] };

export interface ImportableFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function readImportText(fileName: string, text: string): EnvelopeResult {
  return /\.csv$/i.test(fileName) ? readCsvText(text) : readBundleText(text);
}

/** Runs of consecutive positions still to send, at most CHUNK_SIZE long, so each chunk keeps its offset in the file. */
function chunksToSend(length: number, held: Set<number>): Array<{ offset: number; end: number }> {
  const chunks: Array<{ offset: number; end: number }> = [];
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const sendable = i < length && !held.has(i);
    if (sendable && start === -1) start = i;
    if (start !== -1 && (!sendable || i - start === CHUNK_SIZE)) {
      chunks.push({ offset: start, end: i });
      start = sendable ? i : -1;
    }
  }
  return chunks;
}

export async function importFile(
  file: ImportableFile,
  call: typeof callBackground,
  onProgress: (progress: ImportProgress) => void = () => undefined,
  watchWrite: (importId: string, listener: (written: number, total: number) => void) => () => void = () => () => undefined,
): Promise<ImportOutcome> {
  onProgress({ phase: 'reading', done: 0, total: 1 });
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (error) {
    return { ok: false, fileName: file.name, error: `Could not read the file (${(error as Error).message}). Nothing was imported.` };
  }
  let importId: string | undefined;
  const notes: string[] = [];
  const refuse = (error: string): ImportOutcome => ({ ok: false, fileName: file.name, error, ...(notes.length ? { notes } : {}) });
  try {
    const decoded = decodeFileBytes(bytes);
    if (decoded.note) notes.push(decoded.note);
    const envelope = readImportText(file.name, decoded.text);
    if (!envelope.ok) return refuse(envelope.error);

    const rejected: Rejection[] = [];
    const duplicates: Duplicate[] = [];
    const plans = RECORD_TYPES.map((type) => {
      const list = envelope.records[type] ?? [];
      const found = findDuplicates(type, list);
      duplicates.push(...found.duplicates);
      const held = found.skipped;
      list.forEach((record, i) => {
        if (held.has(i)) return;
        const problem = shapeProblem(record);
        if (!problem) return;
        held.add(i);
        const id = (record as { id?: unknown })?.id;
        rejected.push({ path: `${type}[${i}]`, id: typeof id === 'string' ? id.slice(0, 200) : undefined, reason: problem });
      });
      return { type, list, chunks: chunksToSend(list.length, held) };
    });
    const total = plans.reduce((n, p) => n + p.chunks.reduce((m, c) => m + c.end - c.offset, 0), 0);

    importId = (await call('import.begin', { name: file.name.slice(0, 500) })).importId;
    let done = 0;
    for (const { type, list, chunks } of plans) {
      for (const { offset, end } of chunks) {
        const records = list.slice(offset, end);
        const result = await call('import.chunk', { importId, type, offset, records });
        rejected.push(...result.rejected);
        done += records.length;
        onProgress({ phase: 'checking', done, total });
      }
    }
    onProgress({ phase: 'writing', done: 0, total });
    const unwatch = watchWrite(importId, (written, all) => onProgress({ phase: 'writing', done: written, total: all }));
    const { counts } = await call('import.commit', { importId }).finally(unwatch);
    rejected.sort((a, b) => RECORD_TYPES.indexOf(typeOf(a)) - RECORD_TYPES.indexOf(typeOf(b)) || positionOf(a) - positionOf(b));
    return { ok: true, fileName: file.name, counts, rejected, duplicates, notes };
  } catch (error) {
    // Whatever failed (the background, the message channel, or reading the file here), the page
    // gets an outcome it can show: the import is dropped and nothing stored has changed.
    if (importId) await call('import.abort', { importId }).catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    // The background's own refusals may already say so; the user should read it once.
    const tail = /nothing was changed/i.test(message) ? '' : ' Nothing was changed.';
    return refuse(`Import failed: ${message}${/[.!?]$/.test(message) ? '' : '.'}${tail}`);
  }
}

const typeOf = (r: Rejection) => r.path.slice(0, r.path.indexOf('[')) as RecordType;
const positionOf = (r: Rejection) => Number(r.path.slice(r.path.indexOf('[') + 1, -1));
