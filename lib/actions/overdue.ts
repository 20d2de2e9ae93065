import type { Commitment } from '../model/bundle';
import { isBeforeToday, type DateInput } from '../time';

/** One of ours, still open, due before today (due today is not yet overdue). */
export function isOverdue(c: Commitment, now: DateInput): boolean {
  return c.owner === 'us' && c.status === 'open' && c.dueDate !== undefined && isBeforeToday(c.dueDate, now);
}

/** Display status of a commitment or promise: `overdue` replaces `open` once it is late. */
export function commitmentStatus(c: Commitment, now: DateInput): 'open' | 'overdue' | 'done' | 'cancelled' {
  return isOverdue(c, now) ? 'overdue' : c.status;
}
