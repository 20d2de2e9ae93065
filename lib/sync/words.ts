/** A sync's outcome in plain words, as the options page says it. Pure. */
import type { RunResult, SourceId, SyncObject } from './types';

export const SOURCE_NAMES: Record<SourceId, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce' };

/** Each CRM's own word for what Glance calls accounts and tickets. */
const NOUNS: Record<SourceId, Record<string, [string, string]>> = {
  hubspot: {
    accounts: ['company', 'companies'],
    contacts: ['contact', 'contacts'],
    tickets: ['ticket', 'tickets'],
    activities: ['activity', 'activities'],
    renewals: ['renewal date', 'renewal dates'],
  },
  salesforce: {
    accounts: ['account', 'accounts'],
    contacts: ['contact', 'contacts'],
    tickets: ['case', 'cases'],
    activities: ['activity', 'activities'],
    renewals: ['renewal date', 'renewal dates'],
  },
};

const ORDER = ['accounts', 'contacts', 'renewals', 'tickets', 'activities'];

export const OBJECT_WORDS: Record<SyncObject, string> = {
  owners: 'owners',
  companies: 'accounts',
  contacts: 'contacts',
  deals: 'deals',
  tickets: 'tickets',
  activities: 'activities',
};

function count(n: number, [one, many]: [string, string]): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "3 min ago", "just now", "2 h ago", "4 days ago". */
export function ago(iso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (!(minutes >= 1)) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export function describeResult(source: SourceId, result: RunResult, now: Date): string {
  const parts = ORDER.filter((type) => result.written[type]).map((type) => count(result.written[type], NOUNS[source][type]));
  if (result.removed) parts.push(`${result.removed.toLocaleString('en-US')} removed`);
  if (result.skipped) parts.push(`${result.skipped.toLocaleString('en-US')} left out`);
  const what = parts.length ? `Synced ${parts.join(', ')}` : 'Synced: nothing changed';
  return `${what}${result.full ? ' (full sync)' : ''}, ${ago(result.finishedAt, now)}`;
}
