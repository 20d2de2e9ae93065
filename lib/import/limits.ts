/**
 * Shape limits checked before a record is sent to the background: a record nested hundreds of
 * levels deep cannot cross the extension's message channel at all (and would fail the whole file
 * there), and no field needs megabytes. Unknown fields are kept on import, so they are held to the
 * same limits as known ones. The numbers are documented in the bundle spec.
 */
import { FIELD_CAPS } from '../model/bundle';

export const SHAPE_LIMITS = {
  /** Objects and lists inside a record, the record itself being level 1. */
  depth: 8,
  /** Characters in any one string, known field or not. */
  string: FIELD_CAPS.longText,
  /** Items in any one list, known field or not. */
  list: FIELD_CAPS.list,
  /** Fields in any one object (a CSV with thousands of columns). */
  fields: 500,
} as const;

const fieldPath = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** A broken limit and the keys that lead to it, innermost first (pushed as the walk unwinds). */
interface Breach {
  keys: (string | number)[];
  reason: string;
}

/**
 * The walk builds no path on the way down: nearly every record of a big file is within its limits,
 * and naming each field of each record cost more than the checks themselves.
 */
function firstBreach(value: unknown, depth: number): Breach | null {
  if (typeof value === 'string') {
    return value.length > SHAPE_LIMITS.string
      ? { keys: [], reason: `longer than ${SHAPE_LIMITS.string.toLocaleString('en')} characters (${value.length.toLocaleString('en')})` }
      : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  if (depth + 1 > SHAPE_LIMITS.depth) return { keys: [], reason: `nested more than ${SHAPE_LIMITS.depth} levels deep` };
  if (Array.isArray(value)) {
    if (value.length > SHAPE_LIMITS.list)
      return { keys: [], reason: `more than ${SHAPE_LIMITS.list.toLocaleString('en')} items (${value.length.toLocaleString('en')})` };
    for (let i = 0; i < value.length; i++) {
      const breach = firstBreach(value[i], depth + 1);
      if (breach) {
        breach.keys.push(i);
        return breach;
      }
    }
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length > SHAPE_LIMITS.fields)
    return { keys: [], reason: `more than ${SHAPE_LIMITS.fields} fields (${keys.length.toLocaleString('en')})` };
  for (const key of keys) {
    const breach = firstBreach((value as Record<string, unknown>)[key], depth + 1);
    if (breach) {
      breach.keys.push(key);
      return breach;
    }
  }
  return null;
}

/** The first limit a record breaks, as `field: reason`, or null when it is within all of them. */
export function shapeProblem(value: unknown): string | null {
  const breach = firstBreach(value, 0);
  if (!breach) return null;
  const path = breach.keys.reduceRight<string>(fieldPath, '');
  return path ? `${path}: ${breach.reason}` : breach.reason;
}
