/**
 * What the briefing lists, derived once from an AccountView so the popup, the Markdown copy and the
 * talking points always agree on which commitments are late and who has gone quiet.
 */
import type { AccountView } from '../account-view/types';
import type { Activity, Commitment, Contact } from '../model/bundle';
import { calendarDaysUntil, isBeforeToday, toMs } from '../time';

/** Same threshold as the sidebar's people card: three weeks without a reply is worth a question. */
export const QUIET_DAYS = 21;
export const KEY_ROLES = ['champion', 'economic-buyer', 'executive-sponsor'] as const;
export const RECENT_TOUCHES = 4;

export type BriefingStatus = 'open' | 'overdue' | 'done' | 'cancelled';

export interface BriefingCommitment {
  commitment: Commitment;
  /** The contract's status: overdue is only ever ours (the playbook's rule). */
  status: BriefingStatus;
  /** Theirs, open and past due: not "overdue" by the rule, but worth asking about. */
  theirsLate: boolean;
}

export interface BriefingPerson {
  contact: Contact;
  departed: boolean;
  /** Days since the last reply when at least QUIET_DAYS, else undefined. */
  quietDays?: number;
}

function byDue(a: BriefingCommitment, b: BriefingCommitment): number {
  const late = Number(b.status === 'overdue' || b.theirsLate) - Number(a.status === 'overdue' || a.theirsLate);
  return late || (a.commitment.dueDate ?? '9999').localeCompare(b.commitment.dueDate ?? '9999');
}

export function openCommitments(view: AccountView) {
  const overdue = new Set(view.insights.overdueCommitmentIds);
  const open = view.commitments
    .filter((c) => c.status === 'open')
    .map((c): BriefingCommitment => ({
      commitment: c,
      status: overdue.has(c.id) ? 'overdue' : 'open',
      theirsLate: c.owner === 'customer' && c.dueDate !== undefined && isBeforeToday(c.dueDate, view.asOf),
    }))
    .sort(byDue);
  return {
    ours: open.filter((b) => b.commitment.kind === 'commitment' && b.commitment.owner === 'us'),
    theirs: open.filter((b) => b.commitment.kind === 'commitment' && b.commitment.owner === 'customer'),
    promises: open.filter((b) => b.commitment.kind === 'sales-promise'),
  };
}

export function people(view: AccountView): {
  key: BriefingPerson[];
  departed: BriefingPerson[];
  quiet: BriefingPerson[];
  missingRoles: string[];
} {
  const rows = view.contacts.map((c): BriefingPerson => {
    const departed = c.status === 'departed';
    const silent = c.lastResponseAt ? -calendarDaysUntil(c.lastResponseAt, view.asOf) : undefined;
    return { contact: c, departed, quietDays: !departed && silent !== undefined && silent >= QUIET_DAYS ? silent : undefined };
  });
  const rank = (p: BriefingPerson) => KEY_ROLES.indexOf(p.contact.role as (typeof KEY_ROLES)[number]);
  const key = rows.filter((p) => !p.departed && rank(p) >= 0).sort((a, b) => rank(a) - rank(b));
  return {
    key,
    departed: rows.filter((p) => p.departed),
    quiet: rows.filter((p) => p.quietDays !== undefined && rank(p) < 0).sort((a, b) => b.quietDays! - a.quietDays!),
    missingRoles: KEY_ROLES.filter((role) => !key.some((p) => p.contact.role === role)),
  };
}

export function goals(view: AccountView) {
  return view.account.goals ?? [];
}

export function recentTouches(view: AccountView, limit = RECENT_TOUCHES): Activity[] {
  return view.recentActivities.slice(0, limit);
}

export function nextMeeting(view: AccountView): Activity | undefined {
  return view.upcomingMeetings.find((m) => toMs(m.date) > toMs(view.asOf));
}
