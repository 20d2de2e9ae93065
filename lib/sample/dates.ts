/**
 * Every sample date is an offset from `now`, so the sample book never goes stale.
 * Date-only values are UTC days, as the playbook reads them (00:00 UTC of that day).
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

function utcDayStart(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

/** `YYYY-MM-DD` of the UTC day `offsetDays` away from now's UTC day (negative: past). */
export function isoDay(now: Date, offsetDays: number): string {
  return new Date(utcDayStart(now) + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

/** A full timestamp `offsetDays` (fractions allowed) away from now. */
export function isoAt(now: Date, offsetDays: number): string {
  return new Date(now.getTime() + Math.round(offsetDays * DAY_MS)).toISOString();
}

/**
 * A timestamp on the UTC day `offsetDays` away at a working hour, for meetings and emails:
 * pinning the hour keeps them off 3 a.m. whatever time `now` is.
 */
export function isoDayAt(now: Date, offsetDays: number, hourUtc: number, minute = 0): string {
  return new Date(utcDayStart(now) + offsetDays * DAY_MS + hourUtc * HOUR_MS + minute * 60_000).toISOString();
}

/** `hours` from now, on a quarter hour, as calendars place meetings. */
export function roundedLater(now: Date, hours: number): string {
  const quarter = 15 * 60_000;
  return new Date(Math.round((now.getTime() + hours * HOUR_MS) / quarter) * quarter).toISOString();
}
