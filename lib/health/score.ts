/**
 * The health score: a weighted mean of five dimensions, renormalised over the dimensions that
 * have data, rounded to an integer; the band comes from that integer.
 */
import type { AccountData } from '../model/bundle';
import { DIMENSION_IDS, type PlaybookSettings } from '../settings';
import { MS_PER_DAY, sortByDate, toMs, type DateInput } from '../time';
import { adoptionSubScores, commercialSubScores, outcomeSubScores, relationshipSubScores, supportSubScores } from './subscores';
import type { DimensionId, DimensionScore, HealthBand, HealthDriver, HealthResult, HealthTrend, SubScore } from './types';

export const DIMENSION_LABELS: Record<DimensionId, string> = {
  adoption: 'Product adoption',
  outcomes: 'Outcomes',
  relationship: 'Relationship',
  support: 'Support',
  commercial: 'Commercial',
};

/** How far back the trend compares: "the score now against 30 days ago". */
export const TREND_DAYS = 30;
/**
 * A history point more than this many days before the 30-day mark is too old to stand for
 * "30 days ago"; with no point in that window there is no trend rather than a misleading one.
 */
export const TREND_TOLERANCE_DAYS = 14;

const MAX_DRIVERS = 3;

/** Cancels float noise (79.4999999 for 79.5) before rounding half up. */
function roundScore(x: number): number {
  return Math.round(Math.round(x * 1e6) / 1e6);
}

export function bandFor(score: number | null, settings: PlaybookSettings): HealthBand {
  if (score === null) return 'none';
  if (score >= settings.bands.green) return 'green';
  if (score >= settings.bands.yellow) return 'yellow';
  return 'red';
}

function subScoresOf(id: DimensionId, data: AccountData, now: DateInput, settings: PlaybookSettings): SubScore[] {
  switch (id) {
    case 'adoption':
      return adoptionSubScores(data, now, settings);
    case 'outcomes':
      return outcomeSubScores(data);
    case 'relationship':
      return relationshipSubScores(data, now);
    case 'support':
      return supportSubScores(data, now, settings);
    case 'commercial':
      return commercialSubScores(data);
  }
}

/**
 * The point the trend compares against: the latest health-history point dated at or before
 * now - 30 days (never a later one, which would shorten the window), provided it is no more
 * than 14 days older than that mark.
 */
export function pointThirtyDaysAgo(
  history: readonly { date: string; score: number }[] | undefined,
  now: DateInput,
): { date: string; score: number } | null {
  const mark = toMs(now) - TREND_DAYS * MS_PER_DAY;
  const earliest = mark - TREND_TOLERANCE_DAYS * MS_PER_DAY;
  const candidates = sortByDate(history ?? [], (p) => p.date).filter((p) => {
    const ms = toMs(p.date);
    return ms <= mark && ms >= earliest;
  });
  return candidates.length > 0 ? candidates[candidates.length - 1] : null;
}

function trendOf(score: number | null, data: AccountData, now: DateInput): HealthTrend | null {
  if (score === null) return null;
  const then = pointThirtyDaysAgo(data.account.healthHistory, now);
  if (!then) return null;
  const delta = roundScore(score - then.score);
  return {
    previousDate: then.date,
    previousScore: then.score,
    delta,
    direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
  };
}

/**
 * Drivers: sub-scores weighed by their share of the final score. Up: the strongest at 7 or
 * more; down: the weakest at 5 or less. The middle of the scale drives nothing.
 */
function driversOf(dimensions: DimensionScore[]): { up: HealthDriver[]; down: HealthDriver[] } {
  const weighed = dimensions.flatMap((d) =>
    d.subScores.map((s) => ({ s, share: d.subScores.length ? d.effectiveWeight / d.subScores.length : 0 })),
  );
  const toDriver = ({ s }: { s: SubScore }): HealthDriver => ({
    subScoreId: s.id,
    dimension: s.dimension,
    value: s.value,
    text: s.detail,
  });
  const impact = (x: { s: SubScore; share: number }) => (x.s.value - 5.5) * x.share;
  const up = weighed.filter((x) => x.s.value >= 7).sort((a, b) => impact(b) - impact(a));
  const down = weighed.filter((x) => x.s.value <= 5).sort((a, b) => impact(a) - impact(b));
  return { up: up.slice(0, MAX_DRIVERS).map(toDriver), down: down.slice(0, MAX_DRIVERS).map(toDriver) };
}

export function scoreHealth(data: AccountData, now: DateInput, settings: PlaybookSettings): HealthResult {
  const raw = DIMENSION_IDS.map((id) => {
    const subScores = subScoresOf(id, data, now, settings);
    const mean = subScores.length ? subScores.reduce((s, x) => s + x.value, 0) / subScores.length : null;
    return { id, subScores, score: mean === null ? null : mean * 10 };
  });
  const present = raw.filter((d) => d.score !== null);
  const totalWeight = present.reduce((s, d) => s + settings.weights[d.id], 0);

  const dimensions: DimensionScore[] = raw.map((d) => ({
    id: d.id,
    label: DIMENSION_LABELS[d.id],
    weight: settings.weights[d.id],
    effectiveWeight: d.score !== null && totalWeight > 0 ? (settings.weights[d.id] / totalWeight) * 100 : 0,
    score: d.score === null ? null : Math.round(d.score * 10) / 10,
    subScores: d.subScores,
  }));

  // All present dimensions weighted 0 by the team's settings: nothing to weigh, so no score.
  const score =
    present.length > 0 && totalWeight > 0
      ? roundScore(present.reduce((s, d) => s + settings.weights[d.id] * d.score!, 0) / totalWeight)
      : null;

  return {
    score,
    band: bandFor(score, settings),
    coverage: {
      withData: present.length,
      total: DIMENSION_IDS.length,
      text: `based on ${present.length} of ${DIMENSION_IDS.length} dimensions`,
    },
    dimensions,
    trend: trendOf(score, data, now),
    drivers: driversOf(dimensions),
    openP1P2: data.tickets.some((t) => t.status === 'open' && (t.priority === 'P1' || t.priority === 'P2')),
  };
}
