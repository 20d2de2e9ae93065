/**
 * Salesforce record ids. A 15-character id is case-sensitive; the 18-character form appends a
 * 3-character checksum of the letter case so the id survives case-insensitive systems (CSV,
 * spreadsheets). Everything Glance stores or compares is the 18-character form.
 */
import type { CrmObject } from './types';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Only the key prefixes Glance can do something with; other objects are treated as list pages. */
const KEY_PREFIXES: Record<string, Extract<CrmObject, 'account' | 'contact' | 'opportunity' | 'case'>> = {
  '001': 'account',
  '003': 'contact',
  '006': 'opportunity',
  '500': 'case',
};

const isUpper = (c: string) => c >= 'A' && c <= 'Z';

function caseSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (isUpper(id15[chunk * 5 + i])) bits |= 1 << i;
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** True for a well-formed 15-character id, or an 18-character id whose checksum is consistent. */
export function isSalesforceId(id: string): boolean {
  if (!ID_SHAPE.test(id)) return false;
  return id.length === 15 || repairCase(id) !== null;
}

/**
 * The first 15 characters re-cased from the checksum, so an 18-character id that went through
 * lower-casing still names the same record. Null when the checksum cannot describe these letters.
 */
function repairCase(id18: string): string | null {
  const suffix = id18.slice(15).toUpperCase();
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX_ALPHABET.indexOf(suffix[chunk]);
    if (bits < 0) return null;
    for (let i = 0; i < 5; i++) {
      const c = id18[chunk * 5 + i];
      const upper = (bits & (1 << i)) !== 0;
      const isLetter = c.toLowerCase() !== c.toUpperCase();
      if (upper && !isLetter) return null;
      out += isLetter ? (upper ? c.toUpperCase() : c.toLowerCase()) : c;
    }
  }
  return out;
}

/** The canonical 18-character id, or null when `id` is not a Salesforce id. */
export function toSalesforceId18(id: string): string | null {
  const trimmed = id.trim();
  if (!ID_SHAPE.test(trimmed)) return null;
  if (trimmed.length === 15) return trimmed + caseSuffix(trimmed);
  const id15 = repairCase(trimmed);
  return id15 === null ? null : id15 + caseSuffix(id15);
}

/** Whether two ids (15 or 18 characters, any mix) name the same record. */
export function sameSalesforceId(a: string, b: string): boolean {
  const x = toSalesforceId18(a);
  return x !== null && x === toSalesforceId18(b);
}

export function objectFromKeyPrefix(id: string): (typeof KEY_PREFIXES)[string] | undefined {
  return KEY_PREFIXES[id.slice(0, 3)];
}
