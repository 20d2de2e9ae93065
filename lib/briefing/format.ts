/**
 * Dates for the briefing's text (talking points, Markdown). Calendar dates are read in UTC like
 * every playbook rule, so the copy never names a different day from the one judged; meeting times
 * are wall-clock moments, so they are shown in the reader's zone unless one is given.
 */
import { calendarDaysUntil, toMs, type DateInput } from '../time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 7". */
export function dayMonth(iso: string): string {
  const d = new Date(toMs(iso));
  return Number.isNaN(d.getTime()) ? iso : `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/** "Mar 7, 2026". */
export function fullDate(iso: string): string {
  const d = new Date(toMs(iso));
  return Number.isNaN(d.getTime()) ? iso : `${dayMonth(iso)}, ${d.getUTCFullYear()}`;
}

/** "Mar 10, 5:15 PM" in `timeZone` (the runtime's own when absent). */
export function meetingTime(iso: string, timeZone?: string): string {
  const d = new Date(toMs(iso));
  if (Number.isNaN(d.getTime())) return iso;
  return formatter(
    `time|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }),
  ).format(d);
}

/** "today", "tomorrow", "in 12 days", "3 days ago". */
export function relative(iso: string, asOf: DateInput): string {
  const days = calendarDaysUntil(iso, asOf);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** Days either side of today that read better in words than as a date. */
const NEAR_DAYS = 6;

/**
 * The one date style of every Glance view: near days in words ("today", "in 3 days",
 * "yesterday"), others with their weekday ("Tue, Mar 7", the year added when it is not the
 * current one), in the reader's locale. Read in UTC, like every playbook rule.
 */
export function spokenDate(iso: string, asOf: DateInput, locale?: string): string {
  const d = new Date(toMs(iso));
  if (Number.isNaN(d.getTime())) return iso;
  if (Math.abs(calendarDaysUntil(iso, asOf)) <= NEAR_DAYS) return relative(iso, asOf);
  const sameYear = d.getUTCFullYear() === new Date(toMs(asOf)).getUTCFullYear();
  return formatter(
    `day|${locale ?? ''}|${sameYear}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        year: sameYear ? undefined : 'numeric',
        timeZone: 'UTC',
      }),
  ).format(d);
}

/**
 * A day inside a sentence: "3 days ago", "yesterday", or "on Tue, Mar 7" (spokenDate's style), so
 * reasons and risks read "Layoffs on Fri, Oct 23" rather than carrying an ISO date.
 */
export function onDay(iso: string, asOf: DateInput, locale?: string): string {
  const words = spokenDate(iso, asOf, locale);
  return Math.abs(calendarDaysUntil(iso, asOf)) <= NEAR_DAYS || words === iso ? words : `on ${words}`;
}

/** Long record text cut at a word boundary, so a talking point stays one line. */
export function clip(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** Building an Intl formatter costs far more than using one: keep each one made. */
const formatters = new Map<string, { format(value: number | Date): string }>();
function formatter(key: string, make: () => { format(value: number | Date): string }) {
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = make()));
  return made;
}

/** "$240,000"; `compact` gives "$1.2M" for large sums. */
export function money(amount: number | undefined, currency = 'USD', compact = false): string {
  if (amount === undefined) return '—';
  try {
    return formatter(
      `money|${currency}|${compact}`,
      () =>
        new Intl.NumberFormat('en-US', {
          style: 'currency',
          currency,
          maximumFractionDigits: 0,
          notation: compact ? 'compact' : 'standard',
        }),
    ).format(amount);
  } catch {
    return `${amount.toLocaleString('en-US')} ${currency}`;
  }
}

export const TIER_NAMES: Record<string, string> = { enterprise: 'Enterprise', 'mid-market': 'Mid-market', smb: 'SMB' };
export const ROLE_NAMES: Record<string, string> = {
  champion: 'Champion',
  'economic-buyer': 'Economic buyer',
  'executive-sponsor': 'Executive sponsor',
  technical: 'Technical',
  user: 'User',
};
export const GOAL_STATUS: Record<string, string> = { 'on-track': 'On track', partial: 'Partly there', 'off-track': 'Off track' };
export const BAND_NAMES: Record<string, string> = { green: 'Healthy', yellow: 'At risk', red: 'Critical', none: 'No health data' };
