/** Small display formats shared by the sidebar and the briefing. */
import { fullDate, money } from '@/lib/briefing/format';

export function formatMoney(amount: number | undefined, currency = 'USD'): string {
  return money(amount, currency, amount !== undefined && amount >= 1e6);
}

export function formatDate(iso: string | undefined): string {
  return iso ? fullDate(iso) : '—';
}

export { meetingTime as formatDateTime, relative as relativeDay, spokenDate } from '@/lib/briefing/format';

export { ROLE_NAMES as ROLE_LABEL, TIER_NAMES as TIER_LABEL } from '@/lib/briefing/format';
