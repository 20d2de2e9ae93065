/**
 * The version of an account's insight inputs: a hash of its records, the playbook settings, its
 * action dismissals and the day judged. Equal versions mean the cached insight still holds.
 */
import { isoDay } from '../time';

/** FNV-1a, 32 bits, over the JSON text: fast, and a collision costs at most one stale row until the next change. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function hashValue(value: unknown): string {
  return hashText(JSON.stringify(value) ?? '');
}

/** "Overdue", "renewal in N days" and the rest change with the day, so the day is an input too. */
export function inputVersion(recordsHash: string, settingsHash: string, prefsHash: string, nowMs: number): string {
  return `${recordsHash}.${settingsHash}.${prefsHash}.${isoDay(nowMs)}`;
}
