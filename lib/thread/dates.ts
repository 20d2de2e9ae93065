/**
 * The due date of a found commitment, by the rules of docs/commitment-dates.md: lib/promises'
 * deadline reading (chrono-node with our rules), plus what a thread adds: the message's own sent
 * time as the reference, business days, hours counted from the sent instant, and day-first
 * numeric dates for senders who write them.
 */
import { addDays, calendarDayIn, toIsoDay, weekdayOf, type CalendarDay } from '../promises/calendar';
import { findDueDate } from '../promises/dueDate';

export interface DueOptions {
  /** The instant the message was sent. */
  sentAt: Date;
  timeZone: string;
  dayFirst: boolean;
}

export interface Due {
  date: string;
  text: string;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function count(word: string): number {
  return NUMBER_WORDS[word.toLowerCase()] ?? Number(word);
}

/** Business days are Monday to Friday; counting starts the day after the reference day. */
export function addBusinessDays(from: CalendarDay, days: number): CalendarDay {
  let day = from;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day;
}

const BUSINESS_DAYS =
  /\b(?:in|within|inside)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:business|working)\s+days?\b/i;
const HOURS = /\b(?:in|within|inside)\s+(?:the\s+next\s+)?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:hours?|hrs?)\b/i;
/** A numeric day/month (optionally /year) that is not part of a longer number or fraction. */
const NUMERIC_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?(?![\d/])/g;

/** "10/4" from a day-first writer becomes "10 April", which every later rule reads one way only. */
export function asDayFirst(text: string): string {
  return text.replace(NUMERIC_DATE, (whole, d: string, m: string, y?: string) => {
    const day = Number(d);
    const month = Number(m);
    if (day < 1 || day > 31 || month < 1 || month > 12) return whole;
    const year = y ? ` ${y.length === 2 ? `20${y}` : y}` : '';
    return `${day} ${MONTHS[month - 1]}${year}`;
  });
}

/** "within a week", "within 10 days": a deadline, so it wins over a day merely mentioned ("we'll look today and send it within a week"). */
const WITHIN = /\bwithin\s+(?:the\s+next\s+)?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(days?|weeks?|months?)\b/i;
/** A time counted from an event that is not a date ("two days before the workshop") names no day. */
const FROM_EVENT = /\b(?:days?|weeks?|hours?|months?)\s+(?:before|after|prior to|ahead of)$/i;

export function resolveDue(text: string, opts: DueOptions): Due | undefined {
  const ref = calendarDayIn(opts.sentAt, opts.timeZone);
  const within = WITHIN.exec(text);
  if (within) {
    const n = /^an?$/i.test(within[1]) ? 1 : count(within[1]);
    const unit = within[2].toLowerCase();
    if (unit.startsWith('month')) {
      const found = findDueDate(`in ${n} month${n === 1 ? '' : 's'}`, ref);
      if (found) return { date: toIsoDay(found.day), text: within[0] };
    } else {
      return { date: toIsoDay(addDays(ref, unit.startsWith('week') ? n * 7 : n)), text: within[0] };
    }
  }
  const business = BUSINESS_DAYS.exec(text);
  if (business) return { date: toIsoDay(addBusinessDays(ref, count(business[1]))), text: business[0] };
  const hours = HOURS.exec(text);
  if (hours) {
    const at = new Date(opts.sentAt.getTime() + count(hours[1]) * 3_600_000);
    return { date: toIsoDay(calendarDayIn(at, opts.timeZone)), text: hours[0] };
  }
  const found = findDueDate(opts.dayFirst ? asDayFirst(text) : text, ref);
  if (!found || FROM_EVENT.test(found.text)) return undefined;
  return { date: toIsoDay(found.day), text: found.text };
}
