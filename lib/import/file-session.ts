/**
 * The part of an import that sees the whole file: decoding it, reading it as a bundle or a CSV export,
 * finding repeated ids and records over the size limits, then handing out the records chunk by chunk.
 * For a large file this is seconds of work, so the options page runs it in a worker
 * (file-session.worker.ts): every extension page and sidebar frame shares that page's main thread, and
 * would otherwise wait for it. Tests and other callers can run it in place (localFileSession).
 */
import { RECORD_TYPES, type RecordType } from '../model/bundle';
import { decodeFileBytes } from './decode';
import { readExportText, type MappingProposal } from './exports/read';
import type { ColumnChoice } from './exports/recognise';
import type { SkippedRow } from './exports/rows';
import { shapeProblem } from './limits';
import { findDuplicates, readBundleText, type Duplicate, type RawRecords, type Rejection } from './validate';

/** Records of one type sent in runs of consecutive positions, so each chunk keeps its offset in the file. */
export interface ChunkPlan {
  type: RecordType;
  chunks: Array<{ offset: number; end: number }>;
}

/** What the file turned out to be, without its records (those stay with the session). */
export type FileReading =
  | { kind: 'refused'; error: string }
  | { kind: 'needs-mapping'; proposal: MappingProposal }
  | {
      kind: 'ready';
      generatedAt?: string;
      /** Said of how the file was read: its layout, the rows skipped. */
      notes: string[];
      /** Records refused here (over a size limit); the background judges the rest. */
      rejected: Rejection[];
      duplicates: Duplicate[];
      plans: ChunkPlan[];
      /** Records to send. */
      total: number;
    };

export interface OpenedFile {
  /** Set when the file was not UTF-8 and was read as Windows-1252. */
  decodeNote?: string;
  reading: FileReading;
}

export interface FileSession {
  /** Decodes and reads the file: a bundle, a known CSV export, or a CSV that needs a column mapping. */
  open(bytes: ArrayBuffer, fileName: string, today: string): Promise<OpenedFile>;
  /** A CSV that needed a mapping, read again with the columns chosen. */
  map(choices: ColumnChoice[]): Promise<FileReading>;
  /** The records of one chunk of the plan. */
  records(type: RecordType, offset: number, end: number): Promise<unknown[]>;
  /** Lets go of the file. */
  close(): void;
}

export const CHUNK_SIZE = 2000;
const SHOWN_SKIPPED = 20;

const describeSkipped = (s: SkippedRow) => `Row ${s.row} skipped: ${s.reason}.`;

/** Runs of consecutive positions still to send, at most CHUNK_SIZE long. */
function chunksToSend(length: number, held: Set<number>): ChunkPlan['chunks'] {
  const chunks: ChunkPlan['chunks'] = [];
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

/**
 * Repeated ids (all but the last copy are held back) and records over the size limits (refused here:
 * too big to send) are found now, on the only side that sees the whole file.
 */
function planOf(records: RawRecords): Pick<Extract<FileReading, { kind: 'ready' }>, 'rejected' | 'duplicates' | 'plans' | 'total'> {
  const rejected: Rejection[] = [];
  const duplicates: Duplicate[] = [];
  const plans = RECORD_TYPES.map((type) => {
    const list = records[type] ?? [];
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
    return { type, chunks: chunksToSend(list.length, held) };
  });
  const total = plans.reduce((n, p) => n + p.chunks.reduce((m, c) => m + c.end - c.offset, 0), 0);
  return { rejected, duplicates, plans, total };
}

/** The session's work done in place: on the calling thread. */
export function localFileSession(): FileSession {
  let text = '';
  let today = '';
  let records: RawRecords = {};

  const ready = (found: RawRecords, notes: string[], generatedAt?: string): FileReading => {
    records = found;
    text = '';
    return { kind: 'ready', ...(generatedAt ? { generatedAt } : {}), notes, ...planOf(found) };
  };

  const readCsv = (mapping?: ColumnChoice[]): FileReading => {
    const reading = readExportText(text, mapping ? { today, mapping } : { today });
    if (reading.kind !== 'records') return reading;
    const notes = reading.layout ? [`Read as a ${reading.layout}.`] : [];
    notes.push(...reading.skipped.slice(0, SHOWN_SKIPPED).map(describeSkipped));
    if (reading.skipped.length > SHOWN_SKIPPED) notes.push(`…and ${reading.skipped.length - SHOWN_SKIPPED} more rows skipped.`);
    return ready(reading.records, notes);
  };

  return {
    async open(bytes, fileName, day) {
      today = day;
      const decoded = decodeFileBytes(bytes);
      const decodeNote = decoded.note ? { decodeNote: decoded.note } : {};
      if (/\.csv$/i.test(fileName)) {
        text = decoded.text;
        return { ...decodeNote, reading: readCsv() };
      }
      const envelope = readBundleText(decoded.text);
      return {
        ...decodeNote,
        reading: envelope.ok ? ready(envelope.records, [], envelope.generatedAt) : { kind: 'refused', error: envelope.error },
      };
    },
    async map(choices) {
      return readCsv(choices);
    },
    async records(type, offset, end) {
      return (records[type] ?? []).slice(offset, end);
    },
    close() {
      text = '';
      records = {};
    },
  };
}
