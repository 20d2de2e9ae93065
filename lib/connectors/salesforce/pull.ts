/**
 * Incremental pulls: one page per call, resumable from the cursor the engine stores after writing
 * the page. Changes are read in `SystemModstamp, Id` order; the cursor carries the last record's
 * stamp and Id, so records that share the stamp at the edge of a page are neither skipped nor read
 * twice. Deletions come from `/sobjects/<type>/deleted/`, which Salesforce keeps for 15 days: a
 * cursor older than that cannot know what was deleted, and asks for a full resync instead.
 */
import type { RecordsByType, RecordType } from '../../model/bundle';
import { ConnectorError, type PullPage, type SyncObject } from '../types';
import type { QueryResult, SalesforceClient } from './client';
import {
  accountFields,
  clearedAccountFields,
  glanceId,
  mapAccount,
  mapCase,
  mapContact,
  mapEvent,
  mapTask,
  mapUser,
  salesforceIdOf,
  type SalesforceFieldMapping,
  type SoqlRecord,
  SOQL_FIELDS,
} from './map';
import { toSalesforceId18 } from '../../hosts/salesforce-id';

export const DELETED_RETENTION_MS = 15 * 24 * 60 * 60 * 1000;

type SObject = 'User' | 'Account' | 'Contact' | 'Opportunity' | 'Case' | 'Task' | 'Event';

const SOBJECTS: Record<SyncObject, SObject[]> = {
  owners: ['User'],
  companies: ['Account'],
  contacts: ['Contact'],
  deals: ['Opportunity'],
  tickets: ['Case'],
  activities: ['Task', 'Event'],
};

/** Where deletions of each sObject land; users and opportunities have no record of their own in Glance. */
const DELETED_INTO: Partial<Record<SObject, RecordType>> = {
  Account: 'accounts',
  Contact: 'contacts',
  Case: 'tickets',
  Task: 'activities',
  Event: 'activities',
};

interface ObjectCursor {
  /** SystemModstamp of the last record read (ISO, second precision), and its Id for ties. */
  modstamp?: string;
  lastId?: string;
  /** The query's nextRecordsUrl while a run is between pages. */
  next?: string;
  /** Deletions are known up to here. */
  deletedFrom?: string;
}

interface PullCursor {
  v: 1;
  /** Which of the object's sObjects the run is on (activities read Task, then Event). */
  at: number;
  parts: Partial<Record<SObject, ObjectCursor>>;
}

export interface PullContext {
  client: SalesforceClient;
  mapping: SalesforceFieldMapping;
  /** User id → email, filled by the owners pull and on demand. */
  users: Map<string, string>;
  now: () => Date;
}

function readCursor(cursor: string | null): PullCursor {
  if (!cursor) return { v: 1, at: 0, parts: {} };
  try {
    const c = JSON.parse(cursor) as PullCursor;
    if (c && c.v === 1 && typeof c.at === 'number' && c.parts && typeof c.parts === 'object') return c;
  } catch {
    // fall through: an unreadable cursor means reading everything again, which upserts harmlessly
  }
  return { v: 1, at: 0, parts: {} };
}

/** SOQL datetime literals take no milliseconds. */
const soqlDateTime = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');
const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function changesSoql(fields: readonly string[], sobject: string, part: ObjectCursor): string {
  const where = part.modstamp
    ? ` WHERE SystemModstamp > ${soqlDateTime(part.modstamp)}${part.lastId ? ` OR (SystemModstamp = ${soqlDateTime(part.modstamp)} AND Id > ${quote(part.lastId)})` : ''}`
    : '';
  return `SELECT ${fields.join(', ')} FROM ${sobject}${where} ORDER BY SystemModstamp, Id`;
}

function fieldsFor(sobject: SObject, mapping: SalesforceFieldMapping): readonly string[] {
  return sobject === 'Account' ? accountFields(mapping) : SOQL_FIELDS[sobject];
}

async function readPage(ctx: PullContext, sobject: SObject, part: ObjectCursor): Promise<QueryResult> {
  if (part.next) {
    try {
      return await ctx.client.queryMore(part.next);
    } catch (e) {
      // Query locators expire after about 15 minutes; the stamp and Id say where to start again.
      if (!(e instanceof ConnectorError) || e.kind !== 'permanent') throw e;
    }
  }
  return ctx.client.query(changesSoql(fieldsFor(sobject, ctx.mapping), sobject, part));
}

/** Deleted ids since the cursor's deletion mark, or null when that mark is past the 15-day window. */
async function readDeleted(
  ctx: PullContext,
  sobject: SObject,
  part: ObjectCursor,
  now: Date,
): Promise<{ ids: string[]; coveredTo: string } | null> {
  const from = Date.parse(part.deletedFrom!);
  if (!(now.getTime() - from <= DELETED_RETENTION_MS)) return null;
  // Salesforce counts in whole minutes; a window shorter than one has nothing new to say.
  if (now.getTime() - from < 60_000) return { ids: [], coveredTo: part.deletedFrom! };
  const start = encodeURIComponent(soqlDateTime(new Date(from).toISOString()));
  const end = encodeURIComponent(soqlDateTime(now.toISOString()));
  const { body } = await ctx.client.request<{
    deletedRecords?: { id: string }[];
    earliestDateAvailable?: string;
    latestDateCovered?: string;
  }>('GET', `/sobjects/${sobject}/deleted/?start=${start}&end=${end}`);
  const earliest = body?.earliestDateAvailable ? Date.parse(body.earliestDateAvailable.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
  if (earliest > from) return null;
  const covered = body?.latestDateCovered ? Date.parse(body.latestDateCovered.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
  const ids = (body?.deletedRecords ?? []).map((d) => glanceId(d.id)).filter((x): x is string => !!x);
  return { ids, coveredTo: new Date(Number.isNaN(covered) ? from : covered).toISOString() };
}

/** Emails for owners not seen yet, one query for the whole page. */
async function learnOwners(ctx: PullContext, records: SoqlRecord[]): Promise<void> {
  const missing = [
    ...new Set(
      records
        .flatMap((r) => [r.OwnerId, ctx.mapping.account.owner ? r[ctx.mapping.account.owner] : undefined])
        .map((id) => (typeof id === 'string' ? toSalesforceId18(id) : null))
        .filter((id): id is string => !!id && !ctx.users.has(id)),
    ),
  ];
  for (let i = 0; i < missing.length; i += 200) {
    const ids = missing
      .slice(i, i + 200)
      .map(quote)
      .join(', ');
    const res = await ctx.client.query(`SELECT ${SOQL_FIELDS.User.join(', ')} FROM User WHERE Id IN (${ids})`);
    for (const r of res.records) {
      const owner = mapUser(r);
      if (owner) ctx.users.set(owner.id, owner.email);
    }
  }
}

/** A changed opportunity changes its account's renewal: the accounts are read again, whole. */
async function accountsOf(ctx: PullContext, opportunities: SoqlRecord[]): Promise<SoqlRecord[]> {
  const ids = [
    ...new Set(
      opportunities.map((o) => (typeof o.AccountId === 'string' ? toSalesforceId18(o.AccountId) : null)).filter((id): id is string => !!id),
    ),
  ];
  const out: SoqlRecord[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    let page = await ctx.client.query(
      `SELECT ${accountFields(ctx.mapping).join(', ')} FROM Account WHERE Id IN (${ids
        .slice(i, i + 200)
        .map(quote)
        .join(', ')})`,
    );
    out.push(...page.records);
    while (!page.done && page.nextRecordsUrl) {
      page = await ctx.client.queryMore(page.nextRecordsUrl);
      out.push(...page.records);
    }
  }
  return out;
}

/** Accounts as read, with the fields the org has emptied, so Glance clears them too. */
function accountsPage(ctx: PullContext, records: SoqlRecord[], page: PullPage): Partial<RecordsByType> {
  const accounts = records.map((r) => mapAccount(r, ctx.users, ctx.mapping)).filter((a) => a !== null);
  for (const r of records) {
    const id = glanceId(r.Id);
    const cleared = id ? clearedAccountFields(r, ctx.mapping) : [];
    if (id && cleared.length) page.cleared = { ...page.cleared, [id]: cleared };
  }
  return { accounts };
}

/**
 * Deleted opportunities fed their accounts' renewal date (and ARR when the amount is ARR): queryAll
 * still sees them in the recycle bin with their AccountId; those accounts are read again with the rest.
 */
async function deletedOpportunities(ctx: PullContext, opportunityIds: string[]): Promise<SoqlRecord[]> {
  const ids = opportunityIds.map(salesforceIdOf).filter((id): id is string => !!id);
  const linked: SoqlRecord[] = [];
  for (let i = 0; i < ids.length; i += 200) {
    const res = await ctx.client.queryAll(
      `SELECT Id, AccountId FROM Opportunity WHERE Id IN (${ids
        .slice(i, i + 200)
        .map(quote)
        .join(', ')})`,
    );
    linked.push(...res.records);
  }
  return linked;
}

async function mapRecords(ctx: PullContext, sobject: SObject, records: SoqlRecord[], page: PullPage): Promise<Partial<RecordsByType>> {
  const keep = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null);
  switch (sobject) {
    case 'User':
      for (const r of records) {
        const owner = mapUser(r);
        if (owner) ctx.users.set(owner.id, owner.email);
      }
      return {};
    case 'Account':
      await learnOwners(ctx, records);
      return accountsPage(ctx, records, page);
    case 'Opportunity': {
      const accounts = await accountsOf(ctx, records);
      await learnOwners(ctx, accounts);
      return accountsPage(ctx, accounts, page);
    }
    case 'Contact':
      return { contacts: keep(records.map(mapContact)) };
    case 'Case':
      return { tickets: keep(records.map((r) => mapCase(r, ctx.mapping))) };
    case 'Task':
      return { activities: keep(records.map(mapTask)) };
    case 'Event':
      return { activities: keep(records.map(mapEvent)) };
  }
}

export async function pullObject(ctx: PullContext, object: SyncObject, cursorText: string | null): Promise<PullPage> {
  const cursor = readCursor(cursorText);
  const sobjects = SOBJECTS[object];
  const at = Math.min(cursor.at, sobjects.length - 1);
  const sobject = sobjects[at];
  const part: ObjectCursor = { ...cursor.parts[sobject] };
  const now = ctx.now();
  const page: PullPage = { records: {}, cursor: null, more: false };

  // A run starts (no page pending): first what was deleted since the last run.
  let reread: SoqlRecord[] = [];
  if (!part.next) {
    const into = DELETED_INTO[sobject];
    const tracked = !!into || sobject === 'Opportunity';
    if (tracked && part.deletedFrom) {
      const deleted = await readDeleted(ctx, sobject, part, now);
      if (!deleted) return { records: {}, cursor: null, more: false, resyncRequired: true };
      if (deleted.ids.length && into) page.deleted = { [into]: deleted.ids };
      if (deleted.ids.length && sobject === 'Opportunity') reread = await deletedOpportunities(ctx, deleted.ids);
      part.deletedFrom = deleted.coveredTo;
    } else if (tracked) {
      // A first full read (or opportunities before their deletions were followed): deletions before now do not concern it.
      part.deletedFrom = now.toISOString();
    }
  }

  const result = await readPage(ctx, sobject, part);
  page.records = await mapRecords(ctx, sobject, [...reread, ...result.records], page);
  if (sobject === 'User')
    page.owners = result.records
      .map(mapUser)
      .filter((o) => o !== null && o.active)
      .map((o) => ({ id: o!.id, email: o!.email, name: o!.name }));
  const last = result.records.at(-1);
  if (last) {
    const stamp = typeof last.SystemModstamp === 'string' ? Date.parse(last.SystemModstamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
    if (!Number.isNaN(stamp)) part.modstamp = new Date(stamp).toISOString();
    if (typeof last.Id === 'string') part.lastId = last.Id;
  }
  part.next = !result.done && result.nextRecordsUrl ? result.nextRecordsUrl : undefined;

  const next: PullCursor = { v: 1, at, parts: { ...cursor.parts, [sobject]: part } };
  if (part.next) page.more = true;
  else if (at + 1 < sobjects.length) {
    next.at = at + 1;
    page.more = true;
  } else next.at = 0;
  page.cursor = JSON.stringify(next);
  return page;
}
