import { toMs } from '../time';
import { calendarDayIn, compareDays, toIsoDay } from './calendar';
import { findDueDate } from './dueDate';
import { isRoadmapPromise, isSalesPromise } from './kind';
import { detectOwner } from './owner';
import type { ParsedPromise, ParsePromiseOptions } from './types';

/**
 * Reads a sentence selected in an email as a promise. Relative dates count from the day the
 * email was sent when `sentAt` is known (a "by Friday" in last month's email is last month's
 * Friday), else from `now`; "past" is always judged against `now`. Both days are taken in
 * `timeZone`, so the result does not depend on the machine's zone.
 */
export function parsePromise(text: string, opts: ParsePromiseOptions): ParsedPromise {
  const timeZone = opts.timeZone ?? 'UTC';
  const clean = text.replace(/\s+/g, ' ').trim();
  const today = calendarDayIn(opts.now, timeZone);
  const sentMs = opts.sentAt ? toMs(opts.sentAt) : Number.NaN;
  const ref = Number.isNaN(sentMs) ? today : calendarDayIn(new Date(sentMs), timeZone);

  const due = clean ? findDueDate(clean, ref) : undefined;
  const { owner, ownerConfidence } = detectOwner(clean);
  const roadmapRisk = isRoadmapPromise(clean);
  // A capability we promise is a sales promise even when nobody said "sales".
  const kind = isSalesPromise(clean) || (roadmapRisk && owner === 'us') ? 'sales-promise' : 'commitment';

  return {
    text: clean,
    ...(due ? { dueDate: toIsoDay(due.day), dueText: due.text } : {}),
    dueIsPast: due ? compareDays(due.day, today) < 0 : false,
    owner,
    ownerConfidence,
    kind,
    roadmapRisk,
  };
}
