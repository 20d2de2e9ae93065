/**
 * The end of a full sync: accounts this CRM brought earlier that the run no longer wrote are out of
 * scope and leave (lib/store/sync-reconcile.ts), and the options page says so in plain words.
 */
import type { Connector } from '../connectors/types';
import type { GlanceDB } from '../store/db';
import { removeOutOfScope } from '../store/sync-reconcile';
import type { SourceRecord } from './types';
import { SOURCE_NAMES } from './words';

const NOUN: Record<SourceRecord['source'], [string, string]> = { hubspot: ['company', 'companies'], salesforce: ['account', 'accounts'] };

export function scopeNotice(source: SourceRecord['source'], herBook: boolean, removed: number, kept: string[]): string | undefined {
  if (!removed && !kept.length) return undefined;
  const name = SOURCE_NAMES[source];
  const noun = (n: number) => `${n.toLocaleString('en-US')} ${name} ${NOUN[source][n === 1 ? 0 : 1]}`;
  const where = herBook ? 'your book' : name;
  const parts: string[] = [];
  if (removed) parts.push(`Removed ${noun(removed)} no longer in ${where}, with their synced contacts, tickets and activities.`);
  if (kept.length) {
    const names = kept.slice(0, 3).join(', ') + (kept.length > 3 ? ` and ${kept.length - 3} more` : '');
    parts.push(
      `Kept ${noun(kept.length)} no longer in ${where} because they hold what you added in Glance (commitments, logged emails, contacts or usage): ${names}.`,
    );
  }
  return parts.join(' ');
}

/** Runs after every object of a full run is written; the notice joins what the run already had to say. */
export async function reconcileScope(db: GlanceDB, record: SourceRecord, connector: Connector) {
  if (!record.run?.full) return { notice: undefined, accountIds: [] as string[], removed: 0 };
  const outcome = await removeOutOfScope(db, {
    source: record.source,
    since: record.run.startedAt,
    crmMade: (id) => connector.crmAccountId(id) !== null,
  });
  return {
    notice: scopeNotice(record.source, record.herBook, outcome.removed, outcome.kept),
    accountIds: outcome.accountIds,
    removed: outcome.removed,
  };
}
