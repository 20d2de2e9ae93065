/**
 * Sends a chosen file to the background in chunks, then commits it step by step (each step is one
 * short request; the background applies batches in their own transactions). The file is checked as
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

/** A stopped background (Chrome ended the worker) restarts on the next request and carries on. */
const COMMIT_RETRIES = 3;
const RETRY_WAIT_MS = 1000;
const UNREACHABLE = /could not be reached|did not answer/;

export type ImportOutcome =
  | { ok: true; fileName: string; counts: RecordCounts; rejected: Rejection[]; kept: number }
  | { ok: false; fileName: string; error: string };

export function readImportText(fileName: string, text: string): EnvelopeResult {
  return /\.csv$/i.test(fileName) ? readCsvText(text) : readBundleText(text);
}

export async function importFile(
  file: { name: string; text(): Promise<string> },
  call: typeof callBackground,
  onProgress: (progress: ImportProgress) => void = () => undefined,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
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
    importId = (await call('import.begin', { name: file.name, ...(envelope.generatedAt ? { generatedAt: envelope.generatedAt } : {}) })).importId;
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
    const { counts, kept } = await commitInSteps(importId, call, onProgress, wait);
    return { ok: true, fileName: file.name, counts, rejected, kept };
  } catch (error) {
    const aborted = importId ? await call('import.abort', { importId }).catch(() => undefined) : undefined;
    const message = (error as Error).message;
    if (aborted?.state === 'rolling-back') {
      return { ok: false, fileName: file.name, error: `Import failed: ${message} The records already saved from this file are being taken out again.` };
    }
    // The background's own refusals may already say so; the user should read it once.
    const tail = /nothing was changed/i.test(message) ? '' : ' Nothing was changed.';
    return { ok: false, fileName: file.name, error: `Import failed: ${message}${tail}` };
  }
}

async function commitInSteps(
  importId: string,
  call: typeof callBackground,
  onProgress: (progress: ImportProgress) => void,
  wait: (ms: number) => Promise<void>,
) {
  let failures = 0;
  let written = -1;
  for (;;) {
    let step: Awaited<ReturnType<typeof callBackground<'import.commit'>>>;
    try {
      step = await call('import.commit', { importId });
      failures = 0;
    } catch (error) {
      if (!UNREACHABLE.test((error as Error).message) || ++failures > COMMIT_RETRIES) throw error;
      await wait(RETRY_WAIT_MS);
      continue;
    }
    onProgress({ phase: 'writing', done: step.written, total: step.total });
    if (step.done) return step;
    // The background is finishing it on its own (after a restart): ask less often.
    if (step.written === written) await wait(RETRY_WAIT_MS / 4);
    written = step.written;
  }
}
