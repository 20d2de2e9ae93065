/** What the options page is told about the connections and the write-back queue: never a credential. */
import type { Commitment } from '../model/bundle';
import { recentEntries } from '../outbox/outbox';
import type { GlanceDB, OutboxEntry } from '../store/db';
import { readMapping, readOwners, readSource } from '../store/sync-state';
import { mappingFieldsOf } from './mapping';
import { SOURCES, SYNC_ORDER, type MappingFields, type OutboxItem, type SourceRecord, type SourceStatus, type SyncStatus } from './types';
import { describeResult } from './words';

async function sourceStatus(db: GlanceDB, record: SourceRecord, other: SourceRecord, now: Date): Promise<SourceStatus> {
  const [owners, mapping] = await Promise.all([readOwners(db, record.source), readMapping<Partial<MappingFields>>(db, record.source)]);
  const run = record.run;
  const status: SourceStatus = {
    source: record.source,
    state: record.connected ? record.state : 'disconnected',
    herBook: record.herBook,
    owners: owners.length,
    ownerKnown: !!record.ownerEmail && owners.some((o) => o.email === record.ownerEmail),
    mapping: mappingFieldsOf(record.source, mapping),
  };
  const copy = ['label', 'error', 'notice', 'lastSyncAt', 'ownerEmail', 'myDomain', 'accountUrlPrefix'] as const;
  for (const key of copy) if (record[key]) status[key] = record[key];
  if (record.lastResult) status.lastResult = describeResult(record.source, record.lastResult, now);
  if (run && record.state === 'syncing') {
    const records = Object.values(run.written).reduce((n, c) => n + c, 0);
    status.progress = { records, object: SYNC_ORDER[Math.min(run.objectIndex, SYNC_ORDER.length - 1)] };
  }
  if (!record.ownerEmail) {
    const suggestion = other.userEmail ?? other.ownerEmail;
    if (suggestion) status.suggestedOwnerEmail = suggestion;
  }
  return status;
}

function itemState(entries: OutboxEntry[]): OutboxItem['state'] {
  if (entries.some((e) => e.status === 'failed')) return 'failed';
  if (entries.some((e) => e.status === 'pending')) return 'pending';
  return 'sent';
}

/** One item per commitment or logged email: its changes oldest first, the newest record's text (a logged email's summary). */
export function outboxItems(entries: OutboxEntry[]): OutboxItem[] {
  const byCommitment = new Map<string, OutboxEntry[]>();
  for (const entry of [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    if (entry.entity !== 'commitment' && entry.entity !== 'activity') continue;
    const list = byCommitment.get(entry.entityId) ?? [];
    list.push(entry);
    byCommitment.set(entry.entityId, list);
  }
  const items: OutboxItem[] = [];
  for (const [commitmentId, list] of byCommitment) {
    const newest = list[list.length - 1];
    const state = itemState(list);
    const problem = [...list].reverse().find((e) => e.lastError && e.status !== 'sent');
    const targets: OutboxItem['targets'] = {};
    for (const entry of list)
      for (const [source, d] of Object.entries(entry.delivery ?? {}))
        targets[source as keyof OutboxItem['targets']] = {
          state: d.state,
          ...(d.remoteId ? { remoteId: d.remoteId } : {}),
          ...(d.lastError ? { error: d.lastError } : {}),
        };
    const next = list
      .flatMap((e) => Object.values(e.delivery ?? {}).map((d) => d.nextAttemptAt))
      .filter((t): t is string => !!t)
      .sort()[0];
    items.push({
      commitmentId,
      accountId: newest.accountId,
      kind: newest.entity === 'activity' ? 'email' : 'promise',
      text: (itemText(newest) ?? '').slice(0, 200),
      state,
      ...(problem?.lastError ? { error: problem.lastError } : {}),
      ...(state === 'pending' && next ? { nextAttemptAt: next } : {}),
      ...(state === 'sent' && newest.sentAt ? { sentAt: newest.sentAt } : {}),
      targets,
    });
  }
  return items.reverse();
}

function itemText(entry: OutboxEntry): string | undefined {
  const record = entry.record as (Partial<Commitment> & { summary?: string }) | null;
  return entry.entity === 'activity' ? (record?.summary ?? 'Logged email') : record?.text;
}

export async function syncStatus(db: GlanceDB, now: Date): Promise<SyncStatus> {
  const records = await Promise.all(SOURCES.map((s) => readSource(db, s)));
  const sources = await Promise.all(records.map((r, i) => sourceStatus(db, r, records[1 - i], now)));
  const entries = await recentEntries(db);
  const waitingForConnection = records.some((r) => r.connected) ? 0 : entries.filter((e) => e.status === 'pending').length;
  return { sources, outbox: outboxItems(entries), waitingForConnection };
}
