/** Time series for one sample account: 12 weeks of product usage and ~16 weeks of health history. */
import type { Account, UsagePoint } from '../model/bundle';
import type { AccountSpec, UsageShape } from './catalogue-types';
import { isoDay } from './dates';
import { randBetween, randInt, rngFor } from './random';

const USAGE_DAYS = 84;

export function usageShape(spec: AccountSpec): UsageShape {
  if (spec.usage) return spec.usage;
  if (spec.profile === 'weak') return 'declining';
  if (spec.profile === 'strong' || spec.profile === 'fair' || spec.profile === 'sparse-yellow') return 'stable';
  return 'none';
}

/**
 * How busy day `k` (days ago) is relative to the account's normal level. The playbook compares
 * the week aged [0, 7) with the one aged [7, 14), so the shapes are set per week: declining
 * lands near -20% (a trend, not the -30% usage-drop signal); drop lands near -55%.
 */
function shapeFactor(shape: UsageShape, k: number): number {
  const week = Math.floor(k / 7);
  switch (shape) {
    case 'growing':
      return week === 0 ? 1.22 : week === 1 ? 1 : 1 - 0.012 * (week - 1);
    case 'declining':
      return week === 0 ? 0.8 : 1 + 0.03 * (week - 1);
    case 'drop':
      return week === 0 ? 0.45 : 1 + 0.01 * (week - 1);
    default:
      return 1;
  }
}

/**
 * Which days carry a point: every day for daily users, three fixed days of each 7-day
 * window for weekly users, one for the rest, so both compared weeks hold the same days.
 */
function reportsOn(frequency: Account['loginFrequency'], k: number): boolean {
  if (frequency === 'daily') return true;
  if (frequency === 'weekly') return k % 7 === 1 || k % 7 === 3 || k % 7 === 5;
  return k % 7 === 2;
}

export function buildUsage(now: Date, spec: AccountSpec, account: Account): UsagePoint[] {
  const shape = usageShape(spec);
  if (shape === 'none') return [];
  const rng = rngFor(spec.key, 'usage');
  const seats = account.activeSeats ?? Math.round(spec.arr / 900);
  const dailyShare = randBetween(rng, 0.45, 0.65);
  const loginsPerUser = randBetween(rng, 1.6, 2.3);
  const points: UsagePoint[] = [];
  for (let k = USAGE_DAYS - 1; k >= 0; k--) {
    if (!reportsOn(account.loginFrequency, k)) continue;
    const date = isoDay(now, -k);
    const weekday = new Date(Date.parse(date)).getUTCDay();
    const weekend = account.loginFrequency === 'daily' && (weekday === 0 || weekday === 6) ? 0.25 : 1;
    const noise = randBetween(rng, 0.96, 1.04);
    const activeUsers = Math.max(2, Math.round(seats * dailyShare * weekend * shapeFactor(shape, k) * noise));
    // A floor of 12 logins keeps rounding from swinging small accounts' weekly comparison.
    const logins = Math.max(12, Math.round(activeUsers * loginsPerUser * randBetween(rng, 0.97, 1.03)));
    points.push({ accountId: account.id, date, logins, activeUsers });
  }
  return points;
}

/** Weekly scores, oldest first, ending a week ago; shaped to agree with the band the account is designed for. */
export function buildHealthHistory(now: Date, spec: AccountSpec): Account['healthHistory'] {
  const rng = rngFor(spec.key, 'health-history');
  if (spec.profile === 'empty' || spec.profile === 'sparse-yellow') return undefined;
  const weeks = spec.profile === 'sparse-green' ? 2 : 16;
  const history: { date: string; score: number }[] = [];
  for (let i = weeks; i >= 1; i--) {
    let score: number;
    if (spec.band === 'green') score = randInt(rng, 82, 93);
    else if (spec.band === 'yellow') score = randInt(rng, 62, 76);
    else score = Math.round(50 + (i / weeks) * 28 + randBetween(rng, -2, 2)); // slid from the high 70s to about 50
    history.push({ date: isoDay(now, -7 * i), score });
  }
  return history;
}
