/**
 * Outlook on the web writes sent times as text in the user's date format, with no machine-readable
 * twin: "Wed 4/30/2025 3:03 PM" (en-US), "Wed 10-May-23 15:25" (dd-MMM-yy), "Wed 30/04/2025 15:03"
 * (en-GB and most of Europe), "2025-04-30 15:03" (ISO). Read in the browser's time zone, as shown.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * `lang` is the page's language (`<html lang>`): it says whether 4/5/2025 is April 5 (en-US and
 * languages that put the month first) or 4 May. Without one, month first, as Outlook's default.
 */
export function parseOutlookDate(text: string, lang = ''): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const time = t.match(/(\d{1,2}):(\d{2})(?::\d{2})? ?([AP]\.?M\.?)?(?!\d)/i);
  const iso = t.match(/(\d{4})-(\d{1,2})-(\d{1,2})/);
  const named = t.match(/(\d{1,2})[- ]([A-Za-z]{3})[a-z]*\.?[- ](\d{2}|\d{4})\b/);
  const slashed = t.match(/(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b/);
  let year: number, month: number, day: number;
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])];
  else if (named) [year, month, day] = [fullYear(named[3]), MONTHS.indexOf(named[2].toLowerCase()), Number(named[1])];
  else if (slashed) {
    const monthFirst = lang === '' || /^en-(us|ph|ca)$|^en$|^fil|^fa/i.test(lang);
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    [year, month, day] = [fullYear(slashed[3]), (monthFirst ? a : b) - 1, monthFirst ? b : a];
  } else return undefined;
  if (month < 0 || month > 11 || day < 1 || day > 31 || !time) return undefined;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const meridiem = time[3]?.replace(/\./g, '').toUpperCase();
  if (meridiem === 'PM' && hour < 12) hour += 12;
  if (meridiem === 'AM' && hour === 12) hour = 0;
  const date = new Date(year, month, day, hour, minute);
  // new Date rolls 31/4 over into May: a date that does not exist is no date.
  if (Number.isNaN(date.getTime()) || date.getDate() !== day) return undefined;
  return date.toISOString();
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}
