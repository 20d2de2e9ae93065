/**
 * Paging through one HubSpot object type. A first sync lists everything with `after` paging. After
 * that, search walks the window `last-modified >= since` in hs_object_id order, carrying the last id
 * forward instead of paging with `after`: search answers 400 past 10,000 results per query, and a
 * query that restarts above the last id never gets near that. Search also lags writes by seconds,
 * so each new window starts a few minutes before the previous one did. Archived (deleted) records
 * never show in search: the archived list is read at the end of each run.
 */
import type { HubSpotClient } from './client';
import type { HubSpotObject } from './map';

export type CrmObject = 'companies' | 'contacts' | 'deals' | 'tickets';

export type SyncCursor =
  /** First sync: listing everything; `startedAt` becomes the first search window. */
  | { phase: 'list'; startedAt: string; after?: string }
  /** Changes since `since`, above `lastId`; `startedAt` is when this window began. */
  | { phase: 'search'; since: string; lastId: string; startedAt: string }
  /** End of a run: archived records since `since`. */
  | { phase: 'archived'; since: string; startedAt: string; after?: string };

export interface ObjectPage {
  objects: HubSpotObject[];
  /** HubSpot ids archived since the cursor. */
  archivedIds: string[];
  cursor: SyncCursor;
  more: boolean;
}

export interface PageOptions {
  properties: string[];
  /** Association types to include on list reads (search cannot return associations). */
  associations: string[];
  now: Date;
  lookbackMs?: number;
  listLimit?: number;
  searchLimit?: number;
}

/** Search lags writes; re-reading a few minutes back costs little and misses nothing. */
export const DEFAULT_LOOKBACK_MS = 5 * 60 * 1000;

/** Contacts keep their modification date in `lastmodifieddate`; every other object in `hs_lastmodifieddate`. */
export const modifiedProperty = (object: CrmObject) => (object === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate');

export function parseCursor(raw: string | null): SyncCursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as Partial<SyncCursor>;
    if (c.phase === 'list' && typeof c.startedAt === 'string') return c as SyncCursor;
    if ((c.phase === 'search' || c.phase === 'archived') && typeof c.since === 'string' && typeof c.startedAt === 'string')
      return c as SyncCursor;
  } catch {
    // fall through: an unreadable cursor means a full resync, never a crash
  }
  return null;
}

interface ListAnswer {
  results: HubSpotObject[];
  paging?: { next?: { after?: string } };
}

interface SearchAnswer extends ListAnswer {
  total?: number;
}

export async function readPage(
  client: HubSpotClient,
  object: CrmObject,
  cursor: SyncCursor | null,
  options: PageOptions,
): Promise<ObjectPage> {
  const lookback = options.lookbackMs ?? DEFAULT_LOOKBACK_MS;
  const listLimit = options.listLimit ?? 100;
  const c = cursor ?? { phase: 'list', startedAt: options.now.toISOString() };

  if (c.phase === 'list') {
    const answer = await client.get<ListAnswer>(`/crm/v3/objects/${object}`, {
      limit: listLimit,
      properties: options.properties.join(','),
      associations: options.associations.join(','),
      archived: false,
      after: c.after,
    });
    const after = answer.paging?.next?.after;
    if (after) return { objects: answer.results, archivedIds: [], cursor: { ...c, after }, more: true };
    return {
      objects: answer.results,
      archivedIds: [],
      cursor: { phase: 'search', since: shift(c.startedAt, -lookback), lastId: '0', startedAt: c.startedAt },
      more: false,
    };
  }

  if (c.phase === 'search') {
    const limit = options.searchLimit ?? 200;
    // A window's start is when its first query goes out: the next window reaches back from there.
    const startedAt = c.lastId === '0' ? options.now.toISOString() : c.startedAt;
    const answer = await client.read<SearchAnswer>(
      `/crm/v3/objects/${object}/search`,
      {
        filterGroups: [
          {
            filters: [
              { propertyName: modifiedProperty(object), operator: 'GTE', value: String(Date.parse(c.since)) },
              { propertyName: 'hs_object_id', operator: 'GT', value: c.lastId },
            ],
          },
        ],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        properties: options.properties,
        limit,
      },
      { search: true },
    );
    const results = answer.results;
    if (results.length === limit) {
      const lastId = results[results.length - 1].id;
      return { objects: results, archivedIds: [], cursor: { ...c, lastId, startedAt }, more: true };
    }
    return { objects: results, archivedIds: [], cursor: { phase: 'archived', since: c.since, startedAt }, more: true };
  }

  const answer = await client.get<ListAnswer>(`/crm/v3/objects/${object}`, { limit: listLimit, archived: true, after: c.after });
  const sinceMs = Date.parse(c.since);
  const archivedIds = answer.results.filter((r) => !r.archivedAt || Date.parse(r.archivedAt) >= sinceMs).map((r) => r.id);
  const after = answer.paging?.next?.after;
  if (after) return { objects: [], archivedIds, cursor: { ...c, after }, more: true };
  const next: SyncCursor = { phase: 'search', since: shift(c.startedAt, -lookback), lastId: '0', startedAt: c.startedAt };
  return { objects: [], archivedIds, cursor: next, more: false };
}

function shift(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}
