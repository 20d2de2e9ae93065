/** Small display formats shared by the sidebar and the briefing. */
import { calendarDaysUntil } from '@/lib/time';

export function formatMoney(amount: number | undefined, currency = 'USD'): string {
  if (amount === undefined) return '—';
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, notation: amount >= 1e6 ? 'compact' : 'standard' }).format(amount);
  } catch {
    return `${amount.toLocaleString('en-US')} ${currency}`;
  }
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** "in 12 days", "today", "3 days ago" against the view's as-of moment. */
export function relativeDay(iso: string, asOf: string): string {
  const days = calendarDaysUntil(iso, asOf);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

export const TIER_LABEL: Record<string, string> = { enterprise: 'Enterprise', 'mid-market': 'Mid-market', smb: 'SMB' };
export const ROLE_LABEL: Record<string, string> = {
  champion: 'Champion',
  'economic-buyer': 'Economic buyer',
  'executive-sponsor': 'Executive sponsor',
  technical: 'Technical',
  user: 'User',
};
