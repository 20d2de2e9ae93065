/**
 * Date rules of the playbook. A date-only value is 00:00 UTC of that day; ages and windows
 * are elapsed time (days = ms / 86,400,000), so a result never depends on the machine's zone.
 */

export const MS_PER_DAY = 86_400_000;

export type DateInput = string | Date | number;

const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Milliseconds since the epoch. A timestamp without a zone is read as UTC: JavaScript would
 * read it in the local zone, and the same bundle must judge the same everywhere.
 */
export function toMs(value: DateInput): number {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  const s = value.trim();
  if (s.includes('T') && !HAS_ZONE.test(s)) return Date.parse(`${s}Z`);
  return Date.parse(s);
}

/** Elapsed days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: DateInput, to: DateInput): number {
  return (toMs(to) - toMs(from)) / MS_PER_DAY;
}

/** How long ago `date` was, in days; negative for a future date. */
export function ageInDays(date: DateInput, now: DateInput): number {
  return daysBetween(date, now);
}

/** Days left until `date`; negative once it has passed. */
export function daysUntil(date: DateInput, now: DateInput): number {
  return daysBetween(now, date);
}

/** "Within N days" of a future date: 0 <= days to go <= N. */
export function isWithinNextDays(date: DateInput, now: DateInput, days: number): boolean {
  const left = daysUntil(date, now);
  return left >= 0 && left <= days;
}

/**
 * "In the last N days": age <= N. A future-dated record also counts, exactly as the rule
 * reads (a departure or reorganisation recorded ahead of its date is already news).
 */
export function isInLastDays(date: DateInput, now: DateInput, days: number): boolean {
  return ageInDays(date, now) <= days;
}

/** 00:00 UTC of the calendar day of `now`. */
export function startOfUtcDay(now: DateInput): number {
  const d = new Date(toMs(now));
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** Before today, where today is the UTC calendar day of `now`: due today is not overdue. */
export function isBeforeToday(date: DateInput, now: DateInput): boolean {
  return toMs(date) < startOfUtcDay(now);
}

/** Whole calendar days from today to the UTC day of `date` (0 = today), for display. */
export function calendarDaysUntil(date: DateInput, now: DateInput): number {
  return Math.round((startOfUtcDay(date) - startOfUtcDay(now)) / MS_PER_DAY);
}

/** Whole days elapsed, rounded down: "departed 5 days ago". */
export function wholeDaysAgo(date: DateInput, now: DateInput): number {
  return Math.floor(ageInDays(date, now));
}

/** `YYYY-MM-DD` of the UTC day of a moment. */
export function isoDay(value: DateInput): string {
  return new Date(toMs(value)).toISOString().slice(0, 10);
}

export function toIso(value: DateInput): string {
  return new Date(toMs(value)).toISOString();
}

/** Plain words for a day count: "today", "1 day ago", "12 days ago", "in 3 days". */
export function relativeDays(days: number): string {
  const n = Math.trunc(days);
  if (n === 0) return 'today';
  const abs = Math.abs(n);
  const unit = abs === 1 ? 'day' : 'days';
  return n > 0 ? `${abs} ${unit} ago` : `in ${abs} ${unit}`;
}

/** Sorts by date ascending without mutating; equal dates keep their list order. */
export function sortByDate<T>(items: readonly T[], dateOf: (item: T) => DateInput): T[] {
  return items
    .map((item, i) => ({ item, i, ms: toMs(dateOf(item)) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map((x) => x.item);
}

export function addDaysIso(date: DateInput, days: number): string {
  return new Date(toMs(date) + days * MS_PER_DAY).toISOString();
}
