/** Words for the book's cells. */
import { BAND_NAMES } from '@/lib/briefing/format';
import { MS_PER_DAY, toMs } from '@/lib/time';

export { BAND_NAMES };

export function renewalText(days: number | null): string {
  if (days === null) return '—';
  if (days === 0) return 'today';
  return days > 0 ? `in ${days} d` : `${-days} d ago`;
}

export function lastTouchText(iso: string | null, nowMs: number): string {
  if (!iso) return 'never';
  const days = Math.floor((nowMs - toMs(iso)) / MS_PER_DAY);
  return days <= 0 ? 'today' : `${days} d ago`;
}

export function trendText(delta: number | null): string {
  if (delta === null) return '—';
  if (delta === 0) return '→ 0';
  return delta > 0 ? `↑ +${delta}` : `↓ ${delta}`;
}

export function trendLabel(delta: number | null): string {
  if (delta === null) return 'no trend';
  if (delta === 0) return 'flat';
  return delta > 0 ? `up ${delta} points` : `down ${-delta} points`;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0, notation: 'compact' });
export function arrText(arr: number | undefined): string {
  return arr === undefined ? '—' : money.format(arr);
}
