/**
 * Expansion readiness: all four conditions must hold. Never suggest expansion to an account
 * that is not yet getting value.
 */
import type { AccountData } from '../model/bundle';
import type { HealthBand } from '../health/types';
import { formatMoney, formatNumber, percent } from '../health/facts';
import type { PlaybookSettings } from '../settings';
import { ageInDays, isInLastDays, sortByDate, toMs, wholeDaysAgo, type DateInput } from '../time';

export type ExpansionConditionId = 'roi-documented' | 'seat-utilisation' | 'green-streak' | 'desire-or-trigger';

export interface ExpansionCondition {
  id: ExpansionConditionId;
  label: string;
  met: boolean;
  reason: string;
}

export interface ExpansionReadiness {
  ready: boolean;
  conditions: ExpansionCondition[];
}

const TRIGGERS = new Set(['new-team', 'new-market', 'new-initiative']);

function roiDocumented(data: AccountData): ExpansionCondition {
  const roi = data.account.roi;
  const met = roi !== undefined && roi.documented > 0;
  return {
    id: 'roi-documented',
    label: 'ROI documented',
    met,
    reason: met ? `ROI documented: ${formatMoney(roi!.documented, data.account.currency)}` : 'No ROI documented on the current investment',
  };
}

/** Compared in integers (active x 100 >= licensed x pct) so 80% exactly counts. */
function seatUtilisation(data: AccountData, settings: PlaybookSettings): ExpansionCondition {
  const { licensedSeats: licensed, activeSeats: active } = data.account;
  const pct = settings.expansion.seatUtilisationPct;
  const base = { id: 'seat-utilisation' as const, label: `Seat utilisation >= ${pct}%` };
  if (!licensed || licensed <= 0 || active === undefined) {
    return { ...base, met: false, reason: 'No seat data' };
  }
  const met = active * 100 >= licensed * pct;
  return {
    ...base,
    met,
    reason: `${formatNumber(active)} of ${formatNumber(licensed)} seats active (${percent(active / licensed)})`,
  };
}

/**
 * Health history ordered by date (future points ignored) ends in an unbroken run of green
 * scores whose oldest point is old enough, and the current band is green.
 */
export function greenStreakDays(
  history: readonly { date: string; score: number }[] | undefined,
  now: DateInput,
  greenFrom: number,
): number | null {
  const nowMs = toMs(now);
  const points = sortByDate(history ?? [], (p) => p.date).filter((p) => toMs(p.date) <= nowMs);
  let oldest: string | null = null;
  for (let i = points.length - 1; i >= 0 && points[i].score >= greenFrom; i--) oldest = points[i].date;
  return oldest === null ? null : ageInDays(oldest, now);
}

function greenStreak(data: AccountData, now: DateInput, band: HealthBand, settings: PlaybookSettings): ExpansionCondition {
  const need = settings.expansion.greenDays;
  const base = { id: 'green-streak' as const, label: `Health green for ${need}+ days` };
  const streak = greenStreakDays(data.account.healthHistory, now, settings.bands.green);
  if (band !== 'green') {
    return { ...base, met: false, reason: band === 'none' ? 'No current health score' : `Health is ${band} now` };
  }
  if (streak === null) return { ...base, met: false, reason: 'No green run in the health history' };
  const met = streak >= need;
  return { ...base, met, reason: `Health green for ${Math.floor(streak)} days` };
}

function desireOrTrigger(data: AccountData, now: DateInput, settings: PlaybookSettings): ExpansionCondition {
  const window = settings.expansion.triggerWindowDays;
  const base = { id: 'desire-or-trigger' as const, label: 'Expressed desire or trigger event' };
  if (data.account.expansionConversation === true) {
    return { ...base, met: true, reason: 'Expansion conversation active' };
  }
  const triggers = sortByDate(
    (data.account.events ?? []).filter((e) => TRIGGERS.has(e.type) && isInLastDays(e.date, now, window)),
    (e) => e.date,
  );
  if (triggers.length > 0) {
    const e = triggers[triggers.length - 1];
    const ago = wholeDaysAgo(e.date, now);
    return {
      ...base,
      met: true,
      reason: `Trigger event: ${e.type.replace('-', ' ')}${e.note ? ` (${e.note})` : ''}, ${ago >= 0 ? `${ago} days ago` : 'upcoming'}`,
    };
  }
  return { ...base, met: false, reason: `No expansion conversation or trigger event in the last ${window} days` };
}

export function expansionReadiness(data: AccountData, now: DateInput, band: HealthBand, settings: PlaybookSettings): ExpansionReadiness {
  const conditions = [
    roiDocumented(data),
    seatUtilisation(data, settings),
    greenStreak(data, now, band, settings),
    desireOrTrigger(data, now, settings),
  ];
  return { ready: conditions.every((c) => c.met), conditions };
}
