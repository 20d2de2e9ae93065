/** How a commitment reads in a list: its shown status, whether it is due soon, its order. */
import type { AccountView } from '@/lib/account-view/types';
import type { Commitment } from '@/lib/model/bundle';
import { commitmentStatus } from '@/lib/actions';
import { calendarDaysUntil } from '@/lib/time';

export type ShownStatus = 'open' | 'overdue' | 'done' | 'cancelled';
export const DUE_SOON_DAYS = 7;

/** Overdue by the playbook's rule (ours, open, due before today), so a just-saved item reads right at once. */
export function shownStatus(c: Commitment, asOf: string): ShownStatus {
  return commitmentStatus(c, asOf);
}

export function isDueSoon(c: Commitment, asOf: string): boolean {
  if (c.status !== 'open' || !c.dueDate) return false;
  const days = calendarDaysUntil(c.dueDate, asOf);
  return days >= 0 && days <= DUE_SOON_DAYS;
}

const ORDER: Record<ShownStatus, number> = { overdue: 0, open: 1, done: 2, cancelled: 3 };

/** Overdue first, then open by due date (undated last), then done and cancelled. */
export function sortCommitments(list: Commitment[], asOf: string): Commitment[] {
  return [...list].sort((a, b) => {
    const byStatus = ORDER[shownStatus(a, asOf)] - ORDER[shownStatus(b, asOf)];
    if (byStatus) return byStatus;
    return (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');
  });
}

/**
 * The commitment the first screen shows: the first open one in list order, ours first (the playbook's
 * overdue rule and the CSM's own follow-up are about what we owe).
 */
export function nextCommitment(view: Pick<AccountView, 'commitments' | 'asOf'>) {
  const open = sortCommitments(view.commitments, view.asOf).filter((c) => c.status === 'open');
  return open.find((c) => c.owner === 'us') ?? open[0];
}
