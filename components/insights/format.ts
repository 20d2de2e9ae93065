/**
 * Plain-words formatting for the insight cards. Dates are read in UTC, like every rule in
 * lib/time, so a card never shows a different day from the one the playbook judged.
 */
import type { DimensionId, HealthResult, HealthTrend, SignalLevel } from '@/lib/insights';
import { dayMonth } from '@/lib/briefing/format';

export { BAND_NAMES as BAND_LABELS, dayMonth as shortDate, fullDate as longDate } from '@/lib/briefing/format';

/** At most one decimal, no trailing ".0": 37.5, 30, 2.3. */
export function oneDecimal(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Urgency in words, never a colour name: the colour and the shape (LEVEL_ICONS) carry it visually. */
export const LEVEL_LABELS: Record<SignalLevel, string> = {
  escalation: 'Escalate',
  red: 'Critical',
  orange: 'Serious',
  yellow: 'Watch',
};

/** A shape per level as well as a colour, for readers who cannot tell the colours apart. */
export const LEVEL_ICONS: Record<SignalLevel, string> = { escalation: '⬤', red: '●', orange: '◆', yellow: '▲' };

/** The inputs that would give a dimension data: tells the CSM what to import. */
export const DIMENSION_INPUTS: Record<DimensionId, string> = {
  adoption: 'logins, seats or features in use',
  outcomes: 'goals, ROI or milestone',
  relationship: 'executive sponsor, meetings, response time or NPS',
  support: 'tickets or escalations',
  commercial: 'renewal probability, expansion talks or invoices',
};

/**
 * Words for a series, oldest first: "Weekly logins over 12 weeks: from 420 to 180, down 57%".
 * `points` says how a change is measured: percent for counts, points for a 0-100 score.
 */
export function describeSeries(name: string, values: readonly number[], change: 'percent' | 'points'): string {
  if (values.length === 0) return `${name}: no data`;
  const first = values[0];
  const last = values[values.length - 1];
  if (values.length === 1) return `${name}: ${last}, no earlier data`;
  if (values.every((v) => v === 0)) return `${name}: none recorded`;
  const head = `${name}: from ${first} to ${last}`;
  if (last === first) return `${head}, unchanged`;
  const dir = last > first ? 'up' : 'down';
  if (change === 'points') return `${head}, ${dir} ${plural(Math.abs(last - first), 'point')}`;
  if (first === 0) return `${head}, ${dir}`;
  return `${head}, ${dir} ${Math.round((Math.abs(last - first) / first) * 100)}%`;
}

const TREND_ARROWS = { up: '▲', down: '▼', flat: '▶' } as const;

/** A score's trend as shown ("▼ 12 since 3 Nov") and as said instead ("Down 12 points since 3 Nov, from 70"). */
export function trendWords(trend: HealthTrend): { shown: string; spoken: string } {
  const since = dayMonth(trend.previousDate);
  const n = Math.abs(trend.delta);
  const spoken =
    trend.direction === 'flat'
      ? `Unchanged since ${since}`
      : `${trend.direction === 'up' ? 'Up' : 'Down'} ${plural(n, 'point')} since ${since}, from ${trend.previousScore}`;
  return { shown: `${TREND_ARROWS[trend.direction]} ${trend.direction === 'flat' ? 'no change' : n} since ${since}`, spoken };
}

/** How much of the score has data, and which dimensions have none. */
export function coverageText(health: HealthResult): string {
  const missing = health.dimensions.filter((d) => d.score === null);
  const text = health.coverage.text.charAt(0).toUpperCase() + health.coverage.text.slice(1);
  return missing.length > 0 ? `${text}; no data for ${missing.map((d) => d.label).join(', ')}` : text;
}
