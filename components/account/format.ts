/** Small display formats shared by the sidebar and the briefing. */
import { fullDate } from '@/lib/briefing/format';

export function formatMoney(amount: number | undefined, currency = 'USD'): string {
  if (amount === undefined) return '—';
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, notation: amount >= 1e6 ? 'compact' : 'standard' }).format(amount);
  } catch {
    return `${amount.toLocaleString('en-US')} ${currency}`;
  }
}

export function formatDate(iso: string | undefined): string {
  return iso ? fullDate(iso) : '—';
}

export { meetingTime as formatDateTime, relative as relativeDay } from '@/lib/briefing/format';

export const TIER_LABEL: Record<string, string> = { enterprise: 'Enterprise', 'mid-market': 'Mid-market', smb: 'SMB' };
export const ROLE_LABEL: Record<string, string> = {
  champion: 'Champion',
  'economic-buyer': 'Economic buyer',
  'executive-sponsor': 'Executive sponsor',
  technical: 'Technical',
  user: 'User',
};
