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

export const TOUCH_WORDS: Record<string, string> = { email: 'email', meeting: 'meeting', call: 'call', note: 'note', qbr: 'QBR' };

/** The header's facts the data lacks, in the order it names them. */
export function missingFacts(arr: number | undefined, tier: string | undefined | null, renewalDate: string | undefined): string[] {
  return [arr === undefined && 'ARR', !tier && 'tier', !renewalDate && 'renewal date'].filter((m): m is string => !!m);
}

/** "No ARR or tier yet: add them in a CSV with those columns, or connect HubSpot/Salesforce." */
export function missingFactsText(missing: string[]): string {
  const one = missing.length === 1;
  return `No ${joinWords(missing)} yet: add ${one ? 'it' : 'them'} in a CSV with ${one ? 'that column' : 'those columns'}, or connect HubSpot/Salesforce.`;
}

/** "ARR, tier or renewal date" */
function joinWords(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
