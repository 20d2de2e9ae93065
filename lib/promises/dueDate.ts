/**
 * Finds the deadline in a promise's sentence with chrono-node plus the extensions of
 * dateParsers.ts, and picks the one date that is the due date.
 */
import { casual, type ParsedComponents, type ParsedResult } from 'chrono-node';
import type { CalendarDay } from './calendar';
import { customParsers, forwardRefiner } from './dateParsers';

export interface FoundDueDate {
  day: CalendarDay;
  /** The words that gave the date, with the deadline word in front ("by Friday"). */
  text: string;
}

/** Words that make the date after them a deadline rather than a mention. */
const DEADLINE_CUE = /\b(?:no later than|on or before|prior to|by|before|until|till|due(?: on)?)\s+(?:the\s+)?$/i;
/** Other words that belong in front of the date when it is shown ("in March"). */
const PREPOSITION = /\b(?:in|on|for|during|over|at)\s+(?:the\s+)?$/i;

function dayOf(c: ParsedComponents): CalendarDay | undefined {
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year === null || month === null || day === null) return undefined;
  return { year, month, day };
}

/**
 * Dates that are not dates: "3/4 of the team" is a fraction, "24/7" a schedule, and "locked
 * for 24 months" a duration (chrono reads "for" like "within").
 */
function isNotADate(text: string, result: ParsedResult): boolean {
  if (/^for\s/i.test(result.text) || /^24\/7$/.test(result.text)) return true;
  return /^\d{1,2}\/\d{1,2}$/.test(result.text) && /^\s+of\b/i.test(text.slice(result.index + result.text.length));
}

/**
 * The due date in `text`, resolved against `ref` (the day the email was sent, or today).
 * With several dates, the first one introduced by a deadline word wins ("we met Monday and
 * will send it by Friday"), else the first; a range ("Dec 1-3") is due at its end; a time
 * alone ("by 5pm") is due on the reference day.
 */
export function findDueDate(text: string, ref: CalendarDay): FoundDueDate | undefined {
  const chrono = casual.clone();
  chrono.parsers.unshift(...customParsers(ref));
  chrono.refiners.push(forwardRefiner(ref));
  // Noon local time on the reference day: chrono's own arithmetic ("in two weeks") works in the
  // machine's zone, and noon keeps daylight-saving shifts from moving the day.
  const reference = new Date(ref.year, ref.month - 1, ref.day, 12);

  const candidates = chrono.parse(text, reference).filter((r) => !isNotADate(text, r) && dayOf(r.end ?? r.start));
  if (candidates.length === 0) return undefined;

  const before = (r: ParsedResult) => text.slice(0, r.index);
  // A time alone ("by 5pm") leaves the day implied as the reference day: it only wins when
  // nothing in the sentence names a day.
  const namesDay = (r: ParsedResult) => r.start.isCertain('day') || r.tags().has('result/relativeDate');
  const chosen =
    candidates.find((r) => DEADLINE_CUE.test(before(r)) && namesDay(r)) ??
    candidates.find(namesDay) ??
    candidates.find((r) => DEADLINE_CUE.test(before(r))) ??
    candidates[0];
  const lead = (DEADLINE_CUE.exec(before(chosen)) ?? PREPOSITION.exec(before(chosen)))?.[0] ?? '';
  const words = `${lead}${chosen.text}`.replace(/^[\s,(]+|[\s,;.)]+$/g, '').replace(/\s+/g, ' ');
  return { day: dayOf(chosen.end ?? chosen.start) as CalendarDay, text: words };
}
