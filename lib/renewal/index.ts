/**
 * The renewal motion: which stage an account is in, with its checklist, and the rule that a
 * customer must never first hear of renewal less than 90 days out.
 */
import type { AccountData } from '../model/bundle';
import type { PlaybookSettings } from '../settings';
import { calendarDaysUntil, daysUntil, isWithinNextDays, MS_PER_DAY, toMs, type DateInput } from '../time';

export interface RenewalStage {
  /** "T-90". */
  id: string;
  days: number;
  title: string;
  checklist: string[];
}

/** Checklists of the playbook's stages, keyed by their default day counts. */
const STAGE_TEXT: Record<number, { title: string; checklist: string[] }> = {
  120: { title: 'Prepare', checklist: ['Start the renewal conversation early'] },
  90: {
    title: 'Health and ROI review',
    checklist: [
      'Pull health and ROI',
      'Set the risk level',
      'Plan the renewal with the AE',
      'Executive sponsor check-in',
      'Propose multi-year if healthy',
    ],
  },
  60: {
    title: 'Formal renewal notice',
    checklist: ['Send the formal renewal notice to the economic buyer', 'Share the ROI summary', 'Present the options'],
  },
  30: { title: 'Proposal follow-up', checklist: ['Follow up on the proposal', 'Get budget approval', 'Clear legal review'] },
  14: { title: 'Confirm signature', checklist: ['Confirm the signature', 'Flag any unsigned renewal to leadership'] },
  0: { title: 'Renewal day', checklist: ['Close out the renewal', 'Thank the sponsor', 'Record the outcome'] },
};

export function stageFor(days: number): RenewalStage {
  const text = STAGE_TEXT[days] ?? { title: `${days} days out`, checklist: ['Review the renewal plan'] };
  return { id: `T-${days}`, days, ...text };
}

export interface NinetyDayRule {
  /** Renewal is within the first-conversation window (90 days by default). */
  inWindow: boolean;
  /** A renewal conversation is on record. */
  conversationRecorded: boolean;
  /** In the window and no conversation recorded: the customer may be hearing of it too late. */
  breached: boolean;
  detail: string;
}

export interface RenewalStatus {
  renewalDate: string;
  /** Calendar days from today to the renewal day (0 = today, negative once passed). */
  daysToGo: number;
  /** Elapsed days to the renewal moment, unrounded: the windows use this. */
  daysToGoExact: number;
  /** Null when the renewal is further out than the first stage (120 days). */
  stage: RenewalStage | null;
  /** 0 <= days to go <= 120: the renewal-stage action applies. */
  withinStageWindow: boolean;
  ninetyDayRule: NinetyDayRule;
}

const RENEWAL_WORDS = /\brenew(al|als|ing|ed|s)?\b/i;

/** How far before the renewal date a conversation still counts as about this renewal. */
const CONVERSATION_LOOKBACK_DAYS = 365;

/**
 * A renewal conversation is recorded when a past activity (any type) whose summary mentions
 * renewal ("renew", "renewal", "renewing") is dated within the year before the renewal date;
 * an older one was about the previous term.
 */
export function hasRenewalConversation(data: AccountData, now: DateInput): boolean {
  const renewal = data.account.renewalDate;
  if (!renewal) return false;
  const from = toMs(renewal) - CONVERSATION_LOOKBACK_DAYS * MS_PER_DAY;
  const nowMs = toMs(now);
  return data.activities.some((a) => {
    const at = toMs(a.date);
    return at >= from && at <= nowMs && RENEWAL_WORDS.test(a.summary ?? '');
  });
}

/**
 * The stage is the nearest stage mark not yet passed: 100 days out is T-120, 90 is T-90,
 * 13 is T-14. From the renewal moment on (the day itself at 00:00 UTC, and after) the stage
 * is T-0 (done: thank the sponsor, record the outcome) until a new renewal date arrives.
 */
export function renewalStatus(data: AccountData, now: DateInput, settings: PlaybookSettings): RenewalStatus | null {
  const date = data.account.renewalDate;
  if (!date) return null;
  const exact = daysUntil(date, now);
  const marks = [...settings.renewal.stageDays].sort((a, b) => b - a);
  const first = marks[0];
  let stage: RenewalStage | null = null;
  if (exact <= first) {
    const reached = marks.filter((m) => exact <= m);
    stage = stageFor(reached[reached.length - 1]);
  }
  const windowDays = settings.renewal.firstConversationDays;
  const inWindow = isWithinNextDays(date, now, windowDays);
  const recorded = hasRenewalConversation(data, now);
  const breached = inWindow && !recorded;
  const left = calendarDaysUntil(date, now);
  return {
    renewalDate: date,
    daysToGo: left,
    daysToGoExact: exact,
    stage,
    withinStageWindow: isWithinNextDays(date, now, first),
    ninetyDayRule: {
      inWindow,
      conversationRecorded: recorded,
      breached,
      detail: breached
        ? `Renewal in ${left} days and no renewal conversation on record`
        : recorded
          ? 'Renewal conversation on record'
          : exact < 0
            ? 'Renewal date has passed'
            : `Renewal more than ${windowDays} days out`,
    },
  };
}
