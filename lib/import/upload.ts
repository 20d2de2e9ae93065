/**
 * Sends a chosen file to the background in chunks, then commits it step by step (each step is one
 * short request; the background applies batches in their own transactions). The file is checked as
 * a whole first (JSON? a bundle?) so a wrong file is refused before anything is sent; records too
 * big to send and all but the last copy of a repeated id are held back by the file session
 * (file-session.ts), the only place that sees the whole file.
 */
import { RECORD_TYPES, type RecordType } from '../model/bundle';
import type { call as callBackground } from '../messages/client';
import type { RecordCounts } from '../store/records';
import { readCsvText } from './csv';
import type { MappingProposal } from './exports/read';
import { IGNORE, FIELDS } from './exports/fields';
import type { ColumnChoice } from './exports/recognise';
import { CHUNK_SIZE, localFileSession, type FileReading, type FileSession } from './file-session';
import { readBundleText, type Duplicate, type EnvelopeResult, type Rejection } from './validate';

export { CHUNK_SIZE };

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

export interface ImportableFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  wait?: (ms: number) => Promise<void>;
  confirmMapping?: ConfirmMapping;
  /** Where the file is read and held: in place unless the page hands a worker's session. */
  openSession?: () => FileSession;
}

export function readImportText(fileName: string, text: string): EnvelopeResult {
  return /\.csv$/i.test(fileName) ? readCsvText(text) : readBundleText(text);
}

export async function importFile(file: ImportableFile, call: typeof callBackground, options: ImportOptions = {}): Promise<ImportOutcome> {
  const { onProgress = () => undefined, wait = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)), confirmMapping } = options;
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
  const session = (options.openSession ?? localFileSession)();
  try {
    const opened = await session.open(bytes, file.name, new Date().toISOString().slice(0, 10));
    if (opened.decodeNote) notes.push(opened.decodeNote);
    let reading = opened.reading;
    if (reading.kind === 'needs-mapping') reading = await mapColumns(reading.proposal, session, call, notes, confirmMapping);
    if (reading.kind === 'refused') return refuse(reading.error);
    if (reading.kind === 'needs-mapping') return refuse('The columns of this CSV file were not recognised. Nothing was imported.');
    notes.push(...reading.notes);
    const { plans, total, duplicates } = reading;
    const rejected = [...reading.rejected];

    importId = (
      await call('import.begin', { name: file.name.slice(0, 500), ...(reading.generatedAt ? { generatedAt: reading.generatedAt } : {}) })
    ).importId;
    let done = 0;
    let accepted = 0;
    const inFlight: Promise<void>[] = [];
    for (const { type, chunks } of plans) {
      for (const { offset, end } of chunks) {
        const records = await session.records(type, offset, end);
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
    // Every record is sent: the file (hundreds of MB parsed, for a big book) is let go before the commit's minutes.
    session.close();
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
    // Whatever failed (the background, the message channel, or reading the file), the page
    // gets an outcome it can show: the import is dropped, or what it wrote is being taken out again.
    const aborted = importId ? await call('import.abort', { importId }).catch(() => undefined) : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if (aborted?.state === 'rolling-back') {
      return refuse(`Import failed: ${message} The records already saved from this file are being taken out again.`);
    }
    // The background's own refusals may already say so; the user should read it once.
    const tail = /nothing was changed/i.test(message) ? '' : ' Nothing was changed.';
    return refuse(`Import failed: ${message}${/[.!?]$/.test(message) ? '' : '.'}${tail}`);
  } finally {
    session.close();
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
 * A CSV whose columns were not recognised: read with the mapping remembered for its header row, else
 * with the one the user confirms now (then remembered).
 */
async function mapColumns(
  proposal: MappingProposal,
  session: FileSession,
  call: typeof callBackground,
  notes: string[],
  confirmMapping?: ConfirmMapping,
): Promise<FileReading> {
  const fits = (choices: string[] | null): choices is ColumnChoice[] =>
    !!choices && choices.length === proposal.columns.length && choices.every((c) => KNOWN_CHOICES.has(c));
  const remembered = await call('import.mapping.get', { headerKey: proposal.headerKey }).catch(() => null);
  if (fits(remembered)) {
    const reading = await session.map(remembered);
    if (reading.kind === 'ready') notes.push('Read with the column mapping you confirmed for these columns before.');
    return reading;
  }
  if (!confirmMapping) {
    const headers = proposal.columns.map((c) => `"${c.header}"`).join(', ');
    return {
      kind: 'refused',
      error: `The columns of this CSV file were not recognised (${headers}): map them to Glance fields first. Nothing was imported.`,
    };
  }
  const choices = await confirmMapping(proposal);
  if (!choices) return { kind: 'refused', error: 'The column mapping was not confirmed. Nothing was imported.' };
  const reading = await session.map(choices);
  if (reading.kind === 'ready') await call('import.mapping.save', { headerKey: proposal.headerKey, choices });
  return reading;
}
