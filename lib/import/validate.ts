/**
 * Bundle validation: the file as a whole (is it JSON? a Glance bundle?) and each record on its own,
 * so that one bad record is named and refused while the valid ones in the same file still import.
 */
import type { z } from '../schema/zod';
import { RECORD_TYPES, recordSchemas, type RecordType, type RecordsByType } from '../model/bundle';

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
  const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    const expected = String(issue.expected);
    message = `expected ${ARTICLE[expected] ?? `a ${expected}`}`;
    if (/received undefined/.test(issue.message)) message = `required (${message})`;
  } else if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `expected one of ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
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
    const result = schema.safeParse(record);
    if (result.success) {
      valid.push(result.data);
      return;
    }
    const id = typeof (record as { id?: unknown })?.id === 'string' ? (record as { id: string }).id : undefined;
    rejected.push({
      path: `${type}[${offset + i}]`,
      id,
      reason: result.error.issues.slice(0, 3).map(describeIssue).join('; '),
    });
  });
  return { valid: valid as RecordsByType[T], rejected };
}

export function formatRejection(r: Rejection): string {
  return `${r.path}${r.id ? ` (${r.id})` : ''}: ${r.reason}`;
}
