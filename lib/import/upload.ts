/**
 * Sends a chosen file to the background in chunks, then commits it step by step (each step is one
 * short request; the background applies batches in their own transactions). The file is checked as
 * a whole first (JSON? a bundle?) so a wrong file is refused before anything is sent; records too
 * big to send and all but the last copy of a repeated id are held back here, on the page, which is
 * the only place that sees the whole file.
 */
import { RECORD_TYPES, type RecordType } from '../model/bundle';
import type { call as callBackground } from '../messages/client';
import type { RecordCounts } from '../store/records';
import { readCsvText } from './csv';
import { decodeFileBytes } from './decode';
import { readExportText, type MappingProposal } from './exports/read';
import { IGNORE, FIELDS } from './exports/fields';
import type { ColumnChoice } from './exports/recognise';
import type { SkippedRow } from './exports/rows';
import { shapeProblem } from './limits';
import { findDuplicates, readBundleText, type Duplicate, type EnvelopeResult, type Rejection } from './validate';

export const CHUNK_SIZE = 2000;

/**
 * Chunks sent before the first is answered: while the background checks and stages one, this page
 * serialises the next, so the two processes overlap. The background stages them in the order sent
 * (its transactions queue in the order they are opened).
 */
export const CHUNKS_IN_FLIGHT = 2;

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
  | { ok: true; fileName: string; counts: RecordCounts; rejected: Rejection[]; duplicates: Duplicate[]; notes: string[]; kept: number }
  | { ok: false; fileName: string; error: string; notes?: string[]; rejected?: Rejection[]; nothingStored?: true };

/** Asks the user to confirm (or change) the proposed column mapping; null when they cancel. */
export type ConfirmMapping = (proposal: MappingProposal) => Promise<ColumnChoice[] | null>;

const KNOWN_CHOICES = new Set<string>([...FIELDS, IGNORE, 'keep']);

const describeSkipped = (s: SkippedRow) => `Row ${s.row} skipped: ${s.reason}.`;
const SHOWN_SKIPPED = 20;

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
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  confirmMapping?: ConfirmMapping,
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
    const envelope = /\.csv$/i.test(file.name)
      ? await readCsvExport(decoded.text, call, notes, confirmMapping)
      : readBundleText(decoded.text);
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

    importId = (
      await call('import.begin', { name: file.name.slice(0, 500), ...(envelope.generatedAt ? { generatedAt: envelope.generatedAt } : {}) })
    ).importId;
    let done = 0;
    let accepted = 0;
    const inFlight: Promise<void>[] = [];
    for (const { type, list, chunks } of plans) {
      for (const { offset, end } of chunks) {
        const records = list.slice(offset, end);
        const sent = call('import.chunk', { importId, type, offset, records }).then((result) => {
          rejected.push(...result.rejected);
          accepted += result.accepted;
          done += records.length;
          onProgress({ phase: 'checking', done, total });
        });
        // Awaited below or given up with the import: never an unhandled rejection.
        sent.catch(() => undefined);
        inFlight.push(sent);
        if (inFlight.length === CHUNKS_IN_FLIGHT) await inFlight.shift();
      }
    }
    for (const sent of inFlight) await sent;
    rejected.sort((a, b) => RECORD_TYPES.indexOf(typeOf(a)) - RECORD_TYPES.indexOf(typeOf(b)) || positionOf(a) - positionOf(b));
    if (accepted === 0) {
      // Committing would store nothing: that is a failed import, and the user should read why.
      await call('import.abort', { importId }).catch(() => undefined);
      importId = undefined;
      const why =
        rejected.length === 0
          ? 'the file holds no records'
          : rejected.length === 1
            ? 'its one record was rejected'
            : `all ${rejected.length.toLocaleString()} records were rejected`;
      return {
        ok: false,
        fileName: file.name,
        error: `Nothing was imported: ${why}.`,
        rejected,
        nothingStored: true,
        ...(notes.length ? { notes } : {}),
      };
    }
    onProgress({ phase: 'writing', done: 0, total });
    const { counts, kept } = await commitInSteps(importId, call, onProgress, wait);
    return { ok: true, fileName: file.name, counts, rejected, duplicates, notes, kept };
  } catch (error) {
    // Whatever failed (the background, the message channel, or reading the file here), the page
    // gets an outcome it can show: the import is dropped, or what it wrote is being taken out again.
    const aborted = importId ? await call('import.abort', { importId }).catch(() => undefined) : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if (aborted?.state === 'rolling-back') {
      return refuse(`Import failed: ${message} The records already saved from this file are being taken out again.`);
    }
    // The background's own refusals may already say so; the user should read it once.
    const tail = /nothing was changed/i.test(message) ? '' : ' Nothing was changed.';
    return refuse(`Import failed: ${message}${/[.!?]$/.test(message) ? '' : '.'}${tail}`);
  }
}

const typeOf = (r: Rejection) => r.path.slice(0, r.path.indexOf('[')) as RecordType;
const positionOf = (r: Rejection) => Number(r.path.slice(r.path.indexOf('[') + 1, -1));

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

/**
 * A CSV: a known export is read by its layout; an unknown one by the mapping remembered for its
 * header row, else by the mapping the user confirms now (then remembered). Skipped rows become notes.
 */
async function readCsvExport(
  text: string,
  call: typeof callBackground,
  notes: string[],
  confirmMapping?: ConfirmMapping,
): Promise<EnvelopeResult> {
  const today = new Date().toISOString().slice(0, 10);
  let reading = readExportText(text, { today });
  if (reading.kind === 'needs-mapping') {
    const { proposal } = reading;
    const fits = (choices: string[] | null): choices is ColumnChoice[] =>
      !!choices && choices.length === proposal.columns.length && choices.every((c) => KNOWN_CHOICES.has(c));
    const remembered = await call('import.mapping.get', { headerKey: proposal.headerKey }).catch(() => null);
    let choices: ColumnChoice[] | null = fits(remembered) ? remembered : null;
    if (!choices) {
      if (!confirmMapping) {
        const headers = proposal.columns.map((c) => `"${c.header}"`).join(', ');
        return {
          ok: false,
          error: `The columns of this CSV file were not recognised (${headers}): map them to Glance fields first. Nothing was imported.`,
        };
      }
      choices = await confirmMapping(proposal);
      if (!choices) return { ok: false, error: 'The column mapping was not confirmed. Nothing was imported.' };
      reading = readExportText(text, { today, mapping: choices });
      if (reading.kind === 'records') await call('import.mapping.save', { headerKey: proposal.headerKey, choices });
    } else {
      reading = readExportText(text, { today, mapping: choices });
      if (reading.kind === 'records') notes.push('Read with the column mapping you confirmed for these columns before.');
    }
  }
  if (reading.kind === 'refused') return { ok: false, error: reading.error };
  if (reading.kind === 'needs-mapping')
    return { ok: false, error: 'The columns of this CSV file were not recognised. Nothing was imported.' };
  if (reading.layout) notes.push(`Read as a ${reading.layout}.`);
  notes.push(...reading.skipped.slice(0, SHOWN_SKIPPED).map(describeSkipped));
  if (reading.skipped.length > SHOWN_SKIPPED) notes.push(`…and ${reading.skipped.length - SHOWN_SKIPPED} more rows skipped.`);
  return { ok: true, records: reading.records };
}
