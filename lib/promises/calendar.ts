/**
 * Calendar days with no time and no zone. All arithmetic goes through Date.UTC so that a
 * due date never depends on the zone of the machine that parsed it.
 */

/** A day on the calendar; `month` is 1-12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export type WeekdayNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const MS_PER_DAY = 86_400_000;

function toUtcMs(d: CalendarDay): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtcMs(ms: number): CalendarDay {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * The day an instant falls on in `timeZone`. An unknown zone falls back to UTC: a bad
 * setting should shift a due date by at most a day, not stop a promise from being logged.
 */
export function calendarDayIn(instant: Date, timeZone: string): CalendarDay {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  } catch {
    format = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

export function toIsoDay(d: CalendarDay): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

export function addDays(d: CalendarDay, days: number): CalendarDay {
  return fromUtcMs(toUtcMs(d) + days * MS_PER_DAY);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The given day of a month, clamped to its last day ("the 31st" in November is the 30th). */
export function dayOfMonth(year: number, month: number, day: number): CalendarDay {
  // Normalise month overflow first so callers can pass month + offset freely.
  const first = fromUtcMs(Date.UTC(year, month - 1, 1));
  return { ...first, day: Math.min(day, daysInMonth(first.year, first.month)) };
}

export function lastDayOfMonth(year: number, month: number): CalendarDay {
  return dayOfMonth(year, month, 31);
}

export function weekdayOf(d: CalendarDay): WeekdayNumber {
  return new Date(toUtcMs(d)).getUTCDay() as WeekdayNumber;
}

/** Negative when a is before b, 0 on the same day. */
export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return (toUtcMs(a) - toUtcMs(b)) / MS_PER_DAY;
}

/** The Monday that starts the (Monday-first) week containing `d`. */
export function mondayOf(d: CalendarDay): CalendarDay {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}
