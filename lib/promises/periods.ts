/**
 * How a spoken deadline becomes one calendar day. The rules (also in README.md):
 * - A promise names a deadline, so a phrase naming a stretch of time ("next week", "in March",
 *   "Q3", "end of the month") resolves to the LAST day of that stretch; "early"/"mid"/"late"
 *   narrow the stretch first and again take its last day ("early next week" = Tuesday).
 * - Weeks are business weeks, Monday to Friday: "end of the week" is Friday.
 * - On a Saturday or Sunday, "this week" and "next week" both mean the week about to start.
 * - Days and dates named without a year or week resolve forward from the reference day.
 */
import { addDays, type CalendarDay, compareDays, dayOfMonth, lastDayOfMonth, mondayOf, weekdayOf, type WeekdayNumber } from './calendar';

export type Period = 'week' | 'month' | 'quarter' | 'year';

/** Which part of a period a phrase names; 'whole' is the bare period ("next week"). */
export type PeriodPart = 'start' | 'early' | 'mid' | 'late' | 'whole';

/** A month-day written without a year stays in the past if it is at most this many days back. */
export const PAST_DATE_GRACE_DAYS = 30;

/** The day a part of a week resolves to, counted from that week's Monday. */
const WEEK_PART_OFFSET: Record<PeriodPart, number> = { start: 0, early: 1, mid: 2, late: 4, whole: 4 };

const YEAR_PART_QUARTER: Record<PeriodPart, number> = { start: 1, early: 1, mid: 2, late: 4, whole: 4 };

/** The day `part` of `period` falls on; `offset` 0 is the period containing `ref`, 1 the next one. */
export function periodDay(ref: CalendarDay, period: Period, offset: number, part: PeriodPart): CalendarDay {
  switch (period) {
    case 'week': {
      const weekend = weekdayOf(ref) === 0 || weekdayOf(ref) === 6;
      // At the weekend the week people talk about is the one starting on Monday.
      const weeks = weekend ? Math.max(offset, 1) : offset;
      return addDays(mondayOf(ref), weeks * 7 + WEEK_PART_OFFSET[part]);
    }
    case 'month':
      return monthPartDay(ref.year, ref.month + offset, part);
    case 'quarter': {
      const quarterIndex = Math.floor((ref.month - 1) / 3) + offset;
      return quarterPartDay(ref.year, quarterIndex + 1, part);
    }
    case 'year':
      // A year's parts are its quarters: early = end of Q1, mid = end of Q2 (June 30).
      return part === 'start'
        ? quarterPartDay(ref.year + offset, 1, 'start')
        : quarterPartDay(ref.year + offset, YEAR_PART_QUARTER[part], 'whole');
  }
}

/** `month` may overflow (13 = January next year). */
export function monthPartDay(year: number, month: number, part: PeriodPart): CalendarDay {
  switch (part) {
    case 'start':
      return dayOfMonth(year, month, 1);
    case 'early':
      return dayOfMonth(year, month, 10);
    case 'mid':
      return dayOfMonth(year, month, 15);
    default:
      return lastDayOfMonth(year, month);
  }
}

/** Calendar quarters; `quarter` may overflow (5 = Q1 next year). */
export function quarterPartDay(year: number, quarter: number, part: PeriodPart): CalendarDay {
  const firstMonth = (quarter - 1) * 3 + 1;
  switch (part) {
    case 'start':
      return dayOfMonth(year, firstMonth, 1);
    case 'early':
      return lastDayOfMonth(year, firstMonth);
    case 'mid':
      return dayOfMonth(year, firstMonth + 1, 15);
    default:
      return lastDayOfMonth(year, firstMonth + 2);
  }
}

/**
 * A named quarter without a year is the next one to end: "Q3" said in November is next year's,
 * because a quarter that is already over cannot be a deadline anyone is promising.
 */
export function namedQuarterDay(ref: CalendarDay, quarter: number, year: number | undefined, part: PeriodPart): CalendarDay {
  if (year !== undefined) return quarterPartDay(year, quarter, part);
  const thisYear = quarterPartDay(ref.year, quarter, 'whole');
  return quarterPartDay(compareDays(thisYear, ref) >= 0 ? ref.year : ref.year + 1, quarter, part);
}

/**
 * The year for a date written without one ("March 3", "3/14", "end of June"): the first
 * occurrence on or after the reference day, unless this year's is at most
 * PAST_DATE_GRACE_DAYS back; then it is a deadline that has slipped, not one a year away.
 */
export function resolveYear(ref: CalendarDay, dayInYear: (year: number) => CalendarDay): CalendarDay {
  const earliest = addDays(ref, -PAST_DATE_GRACE_DAYS);
  for (const year of [ref.year - 1, ref.year, ref.year + 1]) {
    const candidate = dayInYear(year);
    if (compareDays(candidate, earliest) >= 0) return candidate;
  }
  return dayInYear(ref.year + 1);
}

/** "the 15th": the next such day after the reference day (the same rule as weekdays). */
export function nextDayOfMonth(ref: CalendarDay, day: number, monthOffset = 0): CalendarDay {
  if (monthOffset > 0) return dayOfMonth(ref.year, ref.month + monthOffset, day);
  const thisMonth = dayOfMonth(ref.year, ref.month, day);
  return compareDays(thisMonth, ref) > 0 ? thisMonth : dayOfMonth(ref.year, ref.month + 1, day);
}

export type WeekdayModifier = 'none' | 'this' | 'next' | 'last';

/**
 * - bare ("by Friday"): strictly after the reference day, so a Friday email saying "by Friday"
 *   means a week later; on the day itself people write "today" or "EOD".
 * - "this Friday": the coming one, today included.
 * - "next Friday" / "Friday next week": the one in the following Monday-first week.
 * - "last Friday": the most recent one before the reference day.
 */
export function resolveWeekday(ref: CalendarDay, weekday: WeekdayNumber, modifier: WeekdayModifier): CalendarDay {
  const ahead = (weekday - weekdayOf(ref) + 7) % 7;
  switch (modifier) {
    case 'this':
      return addDays(ref, ahead);
    case 'next':
      return addDays(periodDay(ref, 'week', 1, 'start'), (weekday + 6) % 7);
    case 'last':
      return addDays(ref, ahead === 0 ? -7 : ahead - 7);
    default:
      return addDays(ref, ahead === 0 ? 7 : ahead);
  }
}
