/**
 * The nine next-best-action rules of the playbook, keyed by id. Each says whether it applies
 * and, if so, why (naming the data) and what to do.
 */
import { champions, isDeparted } from '../health/facts';
import { isRedLevel } from '../signals/types';
import { ageInDays, relativeDays, sortByDate, toMs, wholeDaysAgo } from '../time';
import { MISSING_TIER_WORDS, TIER_LABELS } from './cadence';
import { isOverdue } from './overdue';
import type { ActionId, ActionRule } from './types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The bands in the words every Glance view uses. */
const BAND_WORDS: Record<string, string> = { green: 'healthy', yellow: 'at risk', red: 'critical', none: 'no health data' };
const healthWords = (score: number | null, band: string) =>
  score === null ? 'no health score' : `health ${score}, ${BAND_WORDS[band] ?? band}`;

const championDeparture: ActionRule = ({ data, now, settings }) => {
  const recent = champions(data.contacts).filter(
    (c) => isDeparted(c) && c.departedAt !== undefined && ageInDays(c.departedAt, now) <= settings.championDepartureDays,
  );
  if (recent.length === 0) return null;
  const c = sortByDate(recent, (x) => x.departedAt!).at(-1)!;
  const ago = wholeDaysAgo(c.departedAt!, now);
  return {
    title: 'Run the champion departure protocol',
    reason: ago < 0 ? `${c.name} (champion) leaves in ${plural(-ago, 'day')}` : `${c.name} (champion) departed ${relativeDays(ago)}`,
    steps: [
      'Day 1: note to the departing champion; ask for an intro to the successor',
      'Day 2: onboarding call with the new contact',
      'Week 1: condensed re-onboarding',
      'Week 2: executive check-in',
      'Week 4: assess the relationship',
    ],
  };
};

const saveEscalate: ActionRule = ({ health, signals }) => {
  const red = signals.filter((s) => isRedLevel(s.level));
  if (health.band !== 'red' && red.length === 0) return null;
  const reasons = [...(health.band === 'red' ? [`Health ${health.score}, critical`] : []), ...red.map((s) => s.detail)];
  return {
    title: 'Escalate: run the save play',
    reason: reasons.join('; '),
    steps: ['Escalate to your manager and the AE today', 'Executive call this week', 'Recovery plan with milestones', 'Weekly check-ins'],
  };
};

const overdueCommitment: ActionRule = ({ data, now }) => {
  const overdue = sortByDate(
    data.commitments.filter((c) => isOverdue(c, now)),
    (c) => c.dueDate!,
  );
  if (overdue.length === 0) return null;
  const c = overdue[0];
  // A date-only due date is 00:00 UTC, so "before today" is always at least one whole day ago.
  const days = Math.max(1, wholeDaysAgo(c.dueDate!, now));
  const what = c.kind === 'sales-promise' ? 'Sales promise' : 'Commitment';
  const more = overdue.length > 1 ? ` (+${overdue.length - 1} more overdue)` : '';
  return {
    title: `Follow up now: ${c.text}`,
    // The title already names it: saying the text again only pushed the first screen down.
    reason: `${what} was due ${plural(days, 'day')} ago${more}`,
    steps: overdue.map((x) => `Follow up on "${x.text}" (due ${plural(Math.max(1, wholeDaysAgo(x.dueDate!, now)), 'day')} ago)`),
  };
};

/** A missing score (band none) counts as not green. */
const renewalAtRisk: ActionRule = ({ renewal, health }) => {
  if (!renewal || !renewal.ninetyDayRule.inWindow || health.band === 'green') return null;
  return {
    title: 'Renewal at risk: start the save play',
    reason: `Renewal in ${plural(renewal.daysToGo, 'day')} with ${healthWords(health.score, health.band)}`,
    steps: ['Start the save play before the renewal conversation', 'Find the root cause of the health gap', 'Plan the renewal with the AE'],
  };
};

const renewalStage: ActionRule = ({ renewal }) => {
  if (!renewal || !renewal.withinStageWindow || !renewal.stage) return null;
  const rule = renewal.ninetyDayRule;
  const warn = rule.breached ? '; no renewal conversation on record yet' : '';
  return {
    title: `Renewal ${renewal.stage.id}: ${renewal.stage.title.toLowerCase()}`,
    reason: `Renewal in ${plural(renewal.daysToGo, 'day')}${warn}`,
    steps: rule.breached ? ['Open the renewal conversation now', ...renewal.stage.checklist] : renewal.stage.checklist,
  };
};

const saveReachOut: ActionRule = ({ health, signals }) => {
  const warn = signals.filter((s) => s.level === 'orange' || s.level === 'yellow');
  if (health.band !== 'yellow' && warn.length === 0) return null;
  const reasons = [...(health.band === 'yellow' ? [`Health ${health.score}, at risk`] : []), ...warn.map((s) => s.detail)];
  return {
    title: 'Reach out: personal check-in',
    reason: reasons.join('; '),
    steps: ['Personal outreach within 24 hours, framed as a check-in', 'Find the root cause', 'Weekly touches until health is green'],
  };
};

const qbrDue: ActionRule = ({ tier, now }) => {
  if (!tier.qbrDue || !tier.tier) return null;
  const last = tier.lastQbrDate;
  return {
    title: 'Schedule the QBR',
    reason: last
      ? `Last QBR ${relativeDays(wholeDaysAgo(last, now))}; ${TIER_LABELS[tier.tier]} cadence is every ${tier.qbrCadenceDays} days`
      : `No QBR on record; ${TIER_LABELS[tier.tier]} cadence is every ${tier.qbrCadenceDays} days`,
    steps: ['Schedule the QBR', 'Invite the economic buyer', 'Send the QBR follow-up within 48 hours'],
  };
};

const expansionReady: ActionRule = ({ expansion }) => {
  if (!expansion.ready) return null;
  return {
    title: 'Prepare the expansion business case',
    reason: expansion.conditions.map((c) => c.reason).join('; '),
    steps: ['Prepare the expansion business case', 'Bring in the AE', 'Anchor it on the documented ROI'],
  };
};

const keepCadence: ActionRule = ({ data, now, tier }) => {
  const past = data.activities.filter((a) => toMs(a.date) <= now);
  const last = past.length ? sortByDate(past, (a) => a.date).at(-1)! : null;
  const lastTouch = last ? `last touch ${relativeDays(wholeDaysAgo(last.date, now))} (${last.type})` : 'no touch on record';
  // Without a tier there is no cadence to keep: say what is missing and where it would come from.
  if (!tier.tier) {
    return {
      title: 'Add ARR or a tier',
      reason: `${MISSING_TIER_WORDS}; ${lastTouch}`,
      steps: [
        'Import a CSV with an ARR or Tier column (a HubSpot, Salesforce or health platform export will do)',
        'Or connect HubSpot/Salesforce',
        'Until then: a regular check-in',
      ],
    };
  }
  const label = tier.tier ? `${TIER_LABELS[tier.tier]}: ` : '';
  return {
    title: 'Keep the cadence',
    reason: `${label}${tier.cadence}; ${lastTouch}`,
    steps: [`Next touch: ${tier.cadence}`, 'Look for expansion signals'],
  };
};

export const ACTION_RULES: Record<ActionId, ActionRule> = {
  'champion-departure': championDeparture,
  'save-play-escalate': saveEscalate,
  'overdue-commitment': overdueCommitment,
  'renewal-at-risk': renewalAtRisk,
  'renewal-stage': renewalStage,
  'save-play-reach-out': saveReachOut,
  'qbr-due': qbrDue,
  'expansion-ready': expansionReady,
  'keep-cadence': keepCadence,
};
