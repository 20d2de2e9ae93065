/**
 * The sub-scores of the playbook's health table. A sub-score exists only when its input is in
 * the data: a missing field is "no data", never a low score.
 */
import { onDay } from '../briefing/format';
import type { AccountData } from '../model/bundle';
import type { PlaybookSettings } from '../settings';
import { ageInDays, type DateInput } from '../time';
import { activityTrend, formatMoney, formatNumber, npsByDate, npsCategory, pastMeetings, percent, weeklyLogins } from './facts';
import type { DimensionId, SubScore } from './types';

const LOGIN_FREQUENCY = { daily: 10, weekly: 7, monthly: 4, rarely: 1 } as const;
const ACTIVITY_TREND = { increasing: 10, stable: 7, declining: 3 } as const;
const GOAL = { 'on-track': 10, partial: 5, 'off-track': 1 } as const;
const GOAL_WORDS = { 'on-track': 'on track', partial: 'partial', 'off-track': 'off track' } as const;
const MILESTONE = { completed: 10, 'in-progress': 6, 'not-started': 2 } as const;
const MILESTONE_WORDS = { completed: 'completed', 'in-progress': 'in progress', 'not-started': 'not started' } as const;
const SPONSOR = { active: 10, passive: 5, none: 1 } as const;
const NPS = { promoter: 10, passive: 6, detractor: 1 } as const;
const RENEWAL = { high: 10, medium: 6, low: 2 } as const;
const INVOICE = { current: 10, late: 5, disputed: 1 } as const;

/** Ratio sub-scores: ratio x 10, clamped to 1..10. */
export function ratioScore(ratio: number): number {
  return Math.min(10, Math.max(1, ratio * 10));
}

function sub(dimension: DimensionId, id: string, label: string, value: number, detail: string): SubScore {
  return { id, dimension, label, value, detail };
}

export function adoptionSubScores(data: AccountData, now: DateInput, settings: PlaybookSettings): SubScore[] {
  const a = data.account;
  const out: SubScore[] = [];
  if (a.loginFrequency) {
    out.push(
      sub('adoption', 'login-frequency', 'Login frequency', LOGIN_FREQUENCY[a.loginFrequency], `Login frequency: ${a.loginFrequency}`),
    );
  }
  if ((a.featuresPurchased ?? 0) > 0 && a.featuresUsed !== undefined) {
    const ratio = a.featuresUsed / a.featuresPurchased!;
    out.push(
      sub(
        'adoption',
        'feature-breadth',
        'Feature breadth',
        ratioScore(ratio),
        `Feature breadth: ${formatNumber(a.featuresUsed)} of ${formatNumber(a.featuresPurchased!)} purchased features in use`,
      ),
    );
  }
  if ((a.licensedSeats ?? 0) > 0 && a.activeSeats !== undefined) {
    const ratio = a.activeSeats / a.licensedSeats!;
    out.push(
      sub(
        'adoption',
        'seat-adoption',
        'Seat adoption',
        ratioScore(ratio),
        `Seat adoption ${percent(ratio)} of ${formatNumber(a.licensedSeats!)} licensed`,
      ),
    );
  }
  if (data.usage.length > 0) {
    const w = weeklyLogins(data.usage, now);
    const trend = activityTrend(w, settings.activityTrendPct);
    out.push(
      sub(
        'adoption',
        'activity-trend',
        'Activity trend',
        ACTIVITY_TREND[trend],
        `Activity trend: ${trend} (${formatNumber(w.last)} logins in the last 7 days, ${formatNumber(w.previous)} the week before)`,
      ),
    );
  }
  return out;
}

export function outcomeSubScores(data: AccountData): SubScore[] {
  const a = data.account;
  const out: SubScore[] = [];
  if (a.goals && a.goals.length > 0) {
    const mean = a.goals.reduce((s, g) => s + GOAL[g.status], 0) / a.goals.length;
    const counts = (['on-track', 'partial', 'off-track'] as const)
      .map((st) => [st, a.goals!.filter((g) => g.status === st).length] as const)
      .filter(([, n]) => n > 0)
      .map(([st, n]) => `${n} ${GOAL_WORDS[st]}`);
    out.push(sub('outcomes', 'goal-progress', 'Goal progress', mean, `Goals: ${counts.join(', ')} (of ${a.goals.length})`));
  }
  if (a.roi && a.roi.expected > 0) {
    const ratio = a.roi.documented / a.roi.expected;
    out.push(
      sub(
        'outcomes',
        'roi-realised',
        'ROI realised',
        ratioScore(ratio),
        `ROI realised: ${formatMoney(a.roi.documented, a.currency)} of ${formatMoney(a.roi.expected, a.currency)} expected (${percent(ratio)})`,
      ),
    );
  }
  if (a.milestone) {
    out.push(sub('outcomes', 'milestone', 'Milestone', MILESTONE[a.milestone], `Milestone: ${MILESTONE_WORDS[a.milestone]}`));
  }
  return out;
}

export function relationshipSubScores(data: AccountData, now: DateInput): SubScore[] {
  const a = data.account;
  const out: SubScore[] = [];
  if (a.execSponsor) {
    out.push(sub('relationship', 'exec-sponsor', 'Executive sponsor', SPONSOR[a.execSponsor], `Executive sponsor: ${a.execSponsor}`));
  }
  if (a.meetingAttendance !== undefined) {
    out.push(
      sub(
        'relationship',
        'meeting-attendance',
        'Meeting attendance',
        ratioScore(a.meetingAttendance),
        `Meeting attendance: ${percent(a.meetingAttendance)}`,
      ),
    );
  } else {
    const meetings = pastMeetings(data.activities, now);
    if (meetings.length > 0) {
      const attended = meetings.filter((m) => m.attended).length;
      out.push(
        sub(
          'relationship',
          'meeting-attendance',
          'Meeting attendance',
          ratioScore(attended / meetings.length),
          `Meeting attendance: ${attended} of ${meetings.length} past meetings attended`,
        ),
      );
    }
  }
  if (a.responseTimeHours !== undefined) {
    const h = a.responseTimeHours;
    const value = h <= 24 ? 10 : h <= 72 ? 6 : 2;
    out.push(sub('relationship', 'response-time', 'Response time', value, `Response time to CSM: ${formatNumber(h)} h`));
  }
  const nps = npsByDate(a.nps);
  if (nps.length > 0) {
    const latest = nps[nps.length - 1];
    const cat = npsCategory(latest.score);
    out.push(sub('relationship', 'nps', 'NPS', NPS[cat], `NPS: ${formatNumber(latest.score)} (${cat}) on ${latest.date.slice(0, 10)}`));
  }
  return out;
}

export function supportSubScores(data: AccountData, now: DateInput, settings: PlaybookSettings): SubScore[] {
  const a = data.account;
  if (data.tickets.length === 0 && !a.lastEscalationDate) return [];
  const open = data.tickets.filter((t) => t.status === 'open');
  const openValue = open.length === 0 ? 10 : open.length <= 2 ? 7 : 3;
  const out: SubScore[] = [
    sub('support', 'open-tickets', 'Open tickets', openValue, `Open tickets: ${open.length === 0 ? 'none' : open.length}`),
  ];
  const recent = a.lastEscalationDate !== undefined && ageInDays(a.lastEscalationDate, now) <= settings.escalationWindowDays;
  out.push(
    sub(
      'support',
      'escalation',
      'Escalation',
      recent ? 4 : 10,
      recent
        ? `Escalation ${onDay(a.lastEscalationDate!, now)}, within ${settings.escalationWindowDays} days`
        : `No escalation in the last ${settings.escalationWindowDays} days`,
    ),
  );
  const severe = open.filter((t) => t.priority === 'P1' || t.priority === 'P2');
  if (severe.length > 0) {
    out.push(
      sub(
        'support',
        'open-p1-p2',
        'Open P1/P2',
        2,
        `Open ${severe
          .map((t) => t.priority)
          .sort()
          .join('/')} ticket${severe.length > 1 ? 's' : ''}: ${severe.length}`,
      ),
    );
  }
  return out;
}

export function commercialSubScores(data: AccountData): SubScore[] {
  const a = data.account;
  const out: SubScore[] = [];
  if (a.renewalProbability) {
    out.push(
      sub(
        'commercial',
        'renewal-probability',
        'Renewal probability',
        RENEWAL[a.renewalProbability],
        `Renewal probability: ${a.renewalProbability}`,
      ),
    );
  }
  if (a.expansionConversation !== undefined) {
    out.push(
      sub(
        'commercial',
        'expansion-conversation',
        'Expansion conversation',
        a.expansionConversation ? 10 : 5,
        `Expansion conversation: ${a.expansionConversation ? 'active' : 'none'}`,
      ),
    );
  }
  if (a.invoice?.status) {
    const late = a.invoice.daysLate ? ` (${formatNumber(a.invoice.daysLate)} days late)` : '';
    out.push(sub('commercial', 'invoices', 'Invoices', INVOICE[a.invoice.status], `Invoices: ${a.invoice.status}${late}`));
  }
  return out;
}
