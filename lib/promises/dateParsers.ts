/**
 * chrono-node extensions for the ways a deadline is written in business email that chrono's
 * casual English parser misses or reads differently ("EOW", "Q3", "early next week",
 * "before the 15th", "by Friday" sent on a Friday). Each parser resolves straight to a day
 * with the rules of periods.ts; the refiner applies the same rules to chrono's own results.
 */
import type { Parser, ParsingContext, ParsingComponents, ParsingResult, Refiner } from 'chrono-node';
import { type CalendarDay, compareDays, dayOfMonth, lastDayOfMonth, weekdayOf, type WeekdayNumber } from './calendar';
import {
  monthPartDay,
  namedQuarterDay,
  nextDayOfMonth,
  type Period,
  type PeriodPart,
  periodDay,
  resolveWeekday,
  resolveYear,
  type WeekdayModifier,
} from './periods';

const WEEKDAYS: Record<string, WeekdayNumber> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tues: 2,
  tue: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thurs: 4,
  thur: 4,
  thu: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const QUARTER_WORDS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** Longest first, so "sept" is tried before "sep". */
const alternation = (words: Record<string, unknown>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');

const WEEKDAY = `(?:${alternation(WEEKDAYS)})`;
const MONTH = `(?:${alternation(MONTHS)})`;
/**
 * "end of", "mid-", "early " … in front of a period. "start"/"end" need their "of", so that
 * "we'll start June 15" stays June 15.
 */
const PART_PREFIX =
  '(?:the\\s+)?(beginning(?=\\s+of)|start(?=\\s+of)|middle(?=\\s+of)|end(?=\\s+of)|early|mid|later|late)(?:\\s+of)?[\\s-]+';
const DAY_WORD = `(today|tonight|tomorrow|(?:this\\s+|next\\s+)?${WEEKDAY})`;

function partOf(word: string | undefined): PeriodPart {
  switch (word?.toLowerCase()) {
    case 'beginning':
    case 'start':
      return 'start';
    case 'early':
      return 'early';
    case 'mid':
    case 'middle':
      return 'mid';
    case 'late':
    case 'later':
      return 'late';
    default:
      return 'whole';
  }
}

function components(context: ParsingContext, day: CalendarDay): ParsingComponents {
  return context.createParsingComponents({ year: day.year, month: day.month, day: day.day, weekday: weekdayOf(day) });
}

export function weekdayModifier(text: string): WeekdayModifier {
  if (/\bnext\b/i.test(text)) return 'next';
  if (/\bthis\b/i.test(text)) return 'this';
  if (/\b(last|past)\b/i.test(text)) return 'last';
  return 'none';
}

/** "today", "tomorrow", "Friday", "next Friday" next to an end-of-day phrase. */
function dayWord(ref: CalendarDay, word: string): CalendarDay {
  const lower = word.toLowerCase();
  if (lower === 'today' || lower === 'tonight') return ref;
  if (lower === 'tomorrow') return resolveWeekday(ref, ((weekdayOf(ref) + 1) % 7) as WeekdayNumber, 'none');
  const weekday = WEEKDAYS[lower.split(/\s+/).pop() as string];
  return resolveWeekday(ref, weekday, weekdayModifier(lower));
}

/** "EOD", "COB Friday", "tomorrow end of day": that day (today when none is named). */
function endOfDayParser(ref: CalendarDay): Parser {
  const eod = '(?:EOD|COB|EOB|end\\s+of\\s+(?:the\\s+)?(?:business\\s+)?day|close\\s+of\\s+(?:business|play)|end\\s+of\\s+business)';
  const pattern = new RegExp(`(?<!\\w)(?:${DAY_WORD}\\s+)?${eod}(?:\\s+(?:on\\s+)?${DAY_WORD})?(?!\\w)`, 'i');
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const named = match[1] ?? match[2];
      return components(context, named ? dayWord(ref, named) : ref);
    },
  };
}

/** "next week", "end of the month", "early next week", "later this week", "this quarter". */
function periodParser(ref: CalendarDay): Parser {
  const modifier = '(?:(this|the|next|the\\s+following|the\\s+coming|coming|following)\\s+)?';
  const pattern = new RegExp(`(?<!\\w)(?:${PART_PREFIX})?${modifier}(week|month|quarter|year)(?!\\w)`, 'i');
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const [, partWord, modifierWord = '', period] = match;
      const mod = modifierWord.toLowerCase();
      // A bare "week"/"the week" is not a deadline ("once a week", "the week of …").
      if (!partWord && (mod === '' || mod === 'the')) return null;
      const unit = period.toLowerCase() as Period;
      const part = partOf(partWord);
      if (/next|following|coming/.test(mod)) return components(context, periodDay(ref, unit, 1, part));
      const current = periodDay(ref, unit, 0, part);
      // "by mid-year" in November can only mean next year's; "this" keeps the current one.
      const passed = mod !== 'this' && compareDays(current, ref) < 0;
      return components(context, passed ? periodDay(ref, unit, 1, part) : current);
    },
  };
}

/** "EOW", "EOM", "EOQ", "EOY", "month-end", "by quarter end", "next month end". */
function periodEndParser(ref: CalendarDay): Parser {
  const pattern = /(?<!\w)(?:EO([WMQY])|(?:(this|next)\s+)?(week|month|quarter|year)[\s-]end)(?!\w)/i;
  const letters: Record<string, Period> = { w: 'week', m: 'month', q: 'quarter', y: 'year' };
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const [, letter, mod, word] = match;
      const period = letter ? letters[letter.toLowerCase()] : (word.toLowerCase() as Period);
      return components(context, periodDay(ref, period, mod?.toLowerCase() === 'next' ? 1 : 0, 'whole'));
    },
  };
}

/**
 * "Q3", "end of Q2 2027", "Q4'26", "FY27 Q1", "the third quarter", "H2": the end of that
 * quarter (a half ends with its second quarter).
 */
function quarterParser(ref: CalendarDay): Parser {
  const quarter = `(?:Q([1-4])|H([12])|(${alternation(QUARTER_WORDS)})\\s+quarter)`;
  const fyPrefix = `(?:FY\\s?'?(\\d{4}|\\d{2})\\s+)?`;
  const year = `(?:\\s*(?:of\\s+)?(\\d{4})|\\s*(?:FY\\s?|')(\\d{2}))?`;
  const pattern = new RegExp(`(?<!\\w)(?:${PART_PREFIX})?(?:the\\s+)?${fyPrefix}${quarter}${year}(?!\\w)`, 'i');
  const fullYear = (digits: string) => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const [, partWord, fy, digit, half, word, longYear, shortYear] = match;
      const q = digit ? Number(digit) : half ? Number(half) * 2 : QUARTER_WORDS[word.toLowerCase()];
      // Fiscal years are read as calendar years: the bundle does not say when a customer's starts.
      const written = fy ?? longYear ?? shortYear;
      const y = written ? fullYear(written) : undefined;
      return components(context, namedQuarterDay(ref, q, y, half ? 'whole' : partOf(partWord)));
    },
  };
}

/** "mid-December", "end of Jan", "early March 2027" (plain "March" is chrono's, see the refiner). */
function monthPartParser(ref: CalendarDay): Parser {
  const pattern = new RegExp(`(?<!\\w)${PART_PREFIX}(${MONTH})\\.?(?:,?\\s+(\\d{4}))?(?!\\w)`, 'i');
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const [, partWord, monthWord, year] = match;
      const month = MONTHS[monthWord.toLowerCase()];
      const part = partOf(partWord);
      const day = year ? monthPartDay(Number(year), month, part) : resolveYear(ref, (y) => monthPartDay(y, month, part));
      return components(context, day);
    },
  };
}

/** Words that may follow "the 15th" when it is a day of the month, not "the 3rd party". */
const AFTER_ORDINAL_DAY = new Set([
  'at',
  'and',
  'or',
  'so',
  'if',
  'as',
  'to',
  'for',
  'latest',
  'when',
  'then',
  'but',
  'we',
  'i',
  'you',
  'with',
  'please',
  'eod',
  'cob',
  'which',
  'that',
  'too',
  'also',
  'morning',
  'afternoon',
  'noon',
  'end',
]);

/** "before the 15th", "by the 1st", "on the 3rd of next month". */
function ordinalDayParser(ref: CalendarDay): Parser {
  const pattern = /(?<!\w)(?:(the)\s+)?(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(this|next|the)\s+month)?(?!\w)/i;
  return {
    pattern: () => pattern,
    extract: (context, match) => {
      const [whole, the, digits, monthMod] = match;
      const day = Number(digits);
      const index = match.index ?? 0;
      const before = context.text.slice(0, index);
      const after = context.text.slice(index + whole.length);
      if (day < 1 || day > 31) return null;
      if (!the && !/\b(?:by|before|on|until|till|than)\s+$/i.test(before)) return null;
      if (new RegExp(`^\\s+(?:of\\s+)?${MONTH}\\b`, 'i').test(after)) return null;
      const next = /^\s+([a-z]+)/i.exec(after);
      if (next && !AFTER_ORDINAL_DAY.has(next[1].toLowerCase())) return null;
      const offset = monthMod?.toLowerCase() === 'next' ? 1 : 0;
      return components(context, nextDayOfMonth(ref, day, offset));
    },
  };
}

export function customParsers(ref: CalendarDay): Parser[] {
  return [endOfDayParser(ref), periodEndParser(ref), quarterParser(ref), monthPartParser(ref), periodParser(ref), ordinalDayParser(ref)];
}

function resolveComponents(ref: CalendarDay, c: ParsingComponents, text: string, relative: boolean): void {
  let day: CalendarDay | undefined;
  const month = c.get('month');
  if (c.isOnlyWeekdayComponent()) {
    day = resolveWeekday(ref, c.get('weekday') as WeekdayNumber, weekdayModifier(text));
  } else if (month !== null && c.isCertain('month') && !c.isCertain('year')) {
    // "March 3", "3/14", or a bare month ("in March"), which is a stretch and so its last day.
    const dayOf = c.isCertain('day')
      ? (y: number) => dayOfMonth(y, month, c.get('day') as number)
      : (y: number) => lastDayOfMonth(y, month);
    day = resolveYear(ref, dayOf);
  } else if (month !== null && c.isCertain('month') && !c.isCertain('day') && !relative) {
    // "March 2027"; chrono's "in 24 months" also leaves the day uncertain but means that very day.
    day = lastDayOfMonth(c.get('year') as number, month);
  }
  if (!day) return;
  c.assign('year', day.year);
  c.assign('month', day.month);
  c.assign('day', day.day);
  c.assign('weekday', weekdayOf(day));
}

/** Applies the rules of periods.ts to the days and dates chrono resolved itself. */
export function forwardRefiner(ref: CalendarDay): Refiner {
  return {
    refine: (_context, results: ParsingResult[]) => {
      for (const result of results) {
        const relative = result.tags().has('result/relativeDate');
        resolveComponents(ref, result.start, result.text, relative);
        if (result.end) resolveComponents(ref, result.end, result.text, relative);
      }
      return results;
    },
  };
}
