/**
 * What the sync engine keeps between runs, in the settings table (key-value rows, no schema change):
 * one record per CRM (state, cursors, the run in progress), its owners, its field mapping, and its
 * credentials under a key of their own that nothing exports and no request answers with.
 */
import type { CrmOwner } from '../connectors/types';
import { emptySource, type SourceId, type SourceRecord, type SourceSecret } from '../sync/types';
import type { GlanceDB } from './db';

export const sourceKey = (source: SourceId) => `sync.source.${source}`;
export const secretKey = (source: SourceId) => `sync.secret.${source}`;
export const ownersKey = (source: SourceId) => `sync.owners.${source}`;
export const mappingKey = (source: SourceId) => `sync.mapping.${source}`;

/** Every settings key that holds a credential: whatever lists or copies settings must leave these out. */
export const isSecretKey = (key: string) => key.startsWith('sync.secret.');

export async function readSource(db: GlanceDB, source: SourceId): Promise<SourceRecord> {
  const row = await db.settings.get(sourceKey(source));
  const value = row?.value as SourceRecord | undefined;
  return value && value.source === source ? { ...emptySource(source), ...value } : emptySource(source);
}

/** Read, change and write one CRM's record in one transaction, so two changes never undo each other. */
export function updateSource(db: GlanceDB, source: SourceId, change: (record: SourceRecord) => SourceRecord): Promise<SourceRecord> {
  return db.transaction('rw', db.settings, async () => {
    const next = change(await readSource(db, source));
    await db.settings.put({ key: sourceKey(source), value: next });
    return next;
  });
}

export async function readSecret(db: GlanceDB, source: SourceId): Promise<SourceSecret | null> {
  const value = (await db.settings.get(secretKey(source)))?.value as SourceSecret | undefined;
  return value && value.source === source ? value : null;
}

export async function writeSecret(db: GlanceDB, secret: SourceSecret): Promise<void> {
  await db.settings.put({ key: secretKey(secret.source), value: secret });
}

/** Disconnecting forgets the credentials and the cursors; the synced records stay. */
export async function forgetConnection(db: GlanceDB, source: SourceId): Promise<SourceRecord> {
  return db.transaction('rw', db.settings, async () => {
    const before = await readSource(db, source);
    await db.settings.delete(secretKey(source));
    const next: SourceRecord = {
      ...emptySource(source),
      herBook: before.herBook,
      ownerEmail: before.ownerEmail,
      myDomain: before.myDomain,
      lastSyncAt: before.lastSyncAt,
      lastResult: before.lastResult,
    };
    await db.settings.put({ key: sourceKey(source), value: next });
    return next;
  });
}

export async function readOwners(db: GlanceDB, source: SourceId): Promise<CrmOwner[]> {
  const value = (await db.settings.get(ownersKey(source)))?.value;
  return Array.isArray(value) ? (value as CrmOwner[]) : [];
}

export async function writeOwners(db: GlanceDB, source: SourceId, owners: CrmOwner[]): Promise<void> {
  await db.settings.put({ key: ownersKey(source), value: owners });
}

export async function readMapping<T>(db: GlanceDB, source: SourceId): Promise<T | undefined> {
  return (await db.settings.get(mappingKey(source)))?.value as T | undefined;
}

export async function writeMapping(db: GlanceDB, source: SourceId, mapping: unknown): Promise<void> {
  await db.settings.put({ key: mappingKey(source), value: mapping });
}

/** Where an account's data came from, for the sidebar's "synced … ago from …" line. */
export async function syncedFrom(db: GlanceDB, accountId: string) {
  return (await db.accounts.get(accountId))?._synced;
}

/** The account's id in a CRM, as its record says (an imported account carries `crm.hubspotId` / `crm.salesforceId`). */
export async function accountCrmId(db: GlanceDB, accountId: string, source: SourceId): Promise<string | undefined> {
  const account = await db.accounts.get(accountId);
  if (!account) return undefined;
  return source === 'hubspot' ? account._hs : account._sf;
}

/** Where an account's data came from, with the link to its CRM record when the connection knows it. */
export async function accountSyncInfo(
  db: GlanceDB,
  accountId: string,
): Promise<{ source: SourceId; at: string; crmId: string; url?: string } | undefined> {
  const synced = await syncedFrom(db, accountId);
  if (!synced) return undefined;
  const prefix = (await readSource(db, synced.source)).accountUrlPrefix;
  return { ...synced, ...(prefix ? { url: `${prefix}${encodeURIComponent(synced.crmId)}` } : {}) };
}
