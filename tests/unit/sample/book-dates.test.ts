/**
 * The sample book must never go stale: every date is an offset from `now`. Two books made
 * whole weeks apart (same time of day, so the same weekdays and meeting slots) must be the
 * same book with every date moved by exactly that much.
 */
import { makeSampleBook } from '../../../lib/sample/book';

const DAY = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/;

function shiftDates(value: unknown, ms: number): unknown {
  if (typeof value === 'string') {
    if (DATE_ONLY.test(value)) return new Date(Date.parse(value) + ms).toISOString().slice(0, 10);
    if (TIMESTAMP.test(value)) return new Date(Date.parse(value) + ms).toISOString();
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, ms));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, ms)]));
  return value;
}

function allDates(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && (DATE_ONLY.test(value) || TIMESTAMP.test(value))) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allDates(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => allDates(v, out));
  return out;
}

describe('sample book dates', () => {
  it('moves every date with now', () => {
    const first = new Date('2026-03-10T15:20:00Z');
    for (const weeks of [10, 57, -30]) {
      const later = new Date(first.getTime() + weeks * 7 * DAY);
      expect(makeSampleBook(later)).toEqual(shiftDates(makeSampleBook(first), weeks * 7 * DAY));
    }
  });

  it('keeps the designed offsets whatever the day and time', () => {
    for (const now of [new Date('2026-01-01T00:00:00Z'), new Date('2028-02-29T23:59:00Z'), new Date('2025-07-16T11:11:11Z')]) {
      const book = makeSampleBook(now);
      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const dayOffset = (date: string) => Math.round((Date.parse(date) - today) / DAY);
      const account = (id: string) => book.accounts.find((a) => a.id === id)!;
      expect(dayOffset(account('sample-solstice').renewalDate!)).toBe(10);
      expect(dayOffset(account('sample-meridian').renewalDate!)).toBe(110);
      expect(dayOffset(account('sample-larkspur').renewalDate!)).toBe(60);
      expect(dayOffset(account('sample-cobaltridge').lastQbrDate!)).toBe(-130);
      const oliver = book.contacts!.find((c) => c.name === 'Oliver Grant')!;
      expect(dayOffset(oliver.departedAt!)).toBe(-6);
      const acmeSoon = book.activities!.filter(
        (a) => a.accountId === 'sample-acme' && a.type === 'meeting' && Date.parse(a.date) > now.getTime(),
      );
      expect(acmeSoon.some((m) => Math.abs(Date.parse(m.date) - now.getTime() - 2 * 3_600_000) <= 8 * 60_000)).toBe(true);
    }
  });

  it('stays within a plausible window around now, with usage and health history only in the past', () => {
    const now = new Date('2026-03-10T15:20:00Z');
    const book = makeSampleBook(now);
    for (const date of allDates(book)) {
      const offset = (Date.parse(date) - now.getTime()) / DAY;
      expect(offset, date).toBeGreaterThan(-400);
      expect(offset, date).toBeLessThan(366);
    }
    for (const u of book.usage!) expect(Date.parse(u.date)).toBeLessThanOrEqual(now.getTime());
    for (const a of book.accounts) for (const p of a.healthHistory ?? []) expect(Date.parse(p.date)).toBeLessThan(now.getTime());
  });
});
