/**
 * Bundle validation: the file as a whole (is it JSON? a Glance bundle?) and each record on its own,
 * so that one bad record is named and refused while the valid ones in the same file still import.
 */
import type { z } from '../schema/zod';
import { RECORD_TYPES, recordSchemas, type RecordType, type RecordsByType } from '../model/bundle';
import { shapeProblem } from './limits';

export interface Rejection {
  /** Where the record sits in the file: `accounts[2]`. */
  path: string;
  id?: string;
  reason: string;
}

export type RawRecords = Partial<Record<RecordType, unknown[]>>;

export type EnvelopeResult = { ok: true; records: RawRecords; generatedAt?: string } | { ok: false; error: string };

/** Reads a file's text as a bundle envelope, without judging the records inside yet. */
export function readBundleText(text: string): EnvelopeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not valid JSON (${(error as Error).message}). Nothing was imported.` };
  }
  return readBundleEnvelope(raw);
}

export function readBundleEnvelope(raw: unknown): EnvelopeResult {
  const refuse = (why: string): EnvelopeResult => ({
    ok: false,
    error: `This file is not a Glance bundle: ${why}. Nothing was imported.`,
  });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('expected a JSON object');
  const obj = raw as Record<string, unknown>;
  if (obj.format !== 'glance.bundle') return refuse('"format" must be "glance.bundle"');
  if (obj.version !== 1) return refuse(`"version" must be 1 (found ${JSON.stringify(obj.version ?? null)})`);
  if (!Array.isArray(obj.accounts)) return refuse('"accounts" must be a list (it may be empty)');
  const records: RawRecords = {};
  for (const type of RECORD_TYPES) {
    const list = obj[type];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return refuse(`"${type}" must be a list`);
    records[type] = list;
  }
  return { ok: true, records, generatedAt: typeof obj.generatedAt === 'string' ? obj.generatedAt : undefined };
}

const ARTICLE: Record<string, string> = { array: 'an array', object: 'an object', integer: 'an integer' };

/** zod's issue in the words of the spec: `arr: expected a number`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    const expected = String(issue.expected);
    message = `expected ${ARTICLE[expected] ?? `a ${expected}`}`;
    if (/received undefined/.test(issue.message)) message = `required (${message})`;
  } else if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `expected one of ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (issue.code === 'too_big' && issue.origin === 'string') {
    message = `longer than ${Number(issue.maximum).toLocaleString('en')} characters`;
  } else if (issue.code === 'too_big' && issue.origin === 'array') {
    message = `more than ${Number(issue.maximum).toLocaleString('en')} items`;
  }
  return field ? `${field}: ${message}` : message;
}

export interface ValidatedRecords<T extends RecordType> {
  valid: RecordsByType[T];
  rejected: Rejection[];
}

/** Validates records of one type; `offset` is the index of `records[0]` in the file, for the path. */
export function validateRecords<T extends RecordType>(type: T, records: unknown[], offset = 0): ValidatedRecords<T> {
  const schema = recordSchemas[type];
  const valid: unknown[] = [];
  const rejected: Rejection[] = [];
  records.forEach((record, i) => {
    const tooBig = shapeProblem(record);
    const result = tooBig ? null : schema.safeParse(record);
    if (result?.success) {
      valid.push(keepOwnFields(record, result.data));
      return;
    }
    rejected.push({
      path: `${type}[${offset + i}]`,
      id: idOf(record),
      reason: tooBig ?? result!.error.issues.slice(0, 3).map(describeIssue).join('; '),
    });
  });
  return { valid: valid as RecordsByType[T], rejected };
}

function idOf(record: unknown): string | undefined {
  const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

const isPlainRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * zod copies unknown fields by assignment, which drops a field named `__proto__` (the assignment
 * sets the prototype instead). Unknown fields are the user's data: put any dropped one back.
 */
function keepOwnFields(input: unknown, output: unknown): unknown {
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((item, i) => keepOwnFields(item, output[i]));
  } else if (isPlainRecord(input) && isPlainRecord(output)) {
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(output, key)) {
        Object.defineProperty(output, key, { value: input[key], enumerable: true, writable: true, configurable: true });
      } else if (typeof input[key] === 'object') keepOwnFields(input[key], output[key]);
    }
  }
  return output;
}

/** One record key that appears more than once in a file, with where each copy sits. */
export interface Duplicate {
  type: RecordType;
  key: string;
  paths: string[];
}

/** What makes two records the same in the store: the id, or for usage points the account and date. */
function storeKey(type: RecordType, record: unknown): string | undefined {
  if (!isPlainRecord(record)) return undefined;
  if (type !== 'usage') return idOf(record);
  const { accountId, date } = record;
  return typeof accountId === 'string' && typeof date === 'string' ? `${accountId} on ${date}` : undefined;
}

/**
 * Records of one type sharing a store key. The rule (see the bundle spec): the last one in the
 * file is the one imported, the earlier ones are skipped; `skipped` holds their positions.
 */
export function findDuplicates(type: RecordType, records: unknown[]): { duplicates: Duplicate[]; skipped: Set<number> } {
  const positions = new Map<string, number[]>();
  records.forEach((record, i) => {
    const key = storeKey(type, record);
    if (key === undefined) return;
    const at = positions.get(key);
    if (at) at.push(i);
    else positions.set(key, [i]);
  });
  const duplicates: Duplicate[] = [];
  const skipped = new Set<number>();
  for (const [key, at] of positions) {
    if (at.length < 2) continue;
    duplicates.push({ type, key, paths: at.map((i) => `${type}[${i}]`) });
    for (const i of at.slice(0, -1)) skipped.add(i);
  }
  return { duplicates, skipped };
}

export function formatRejection(r: Rejection): string {
  return `${r.path}${r.id ? ` (${r.id})` : ''}: ${r.reason}`;
}
