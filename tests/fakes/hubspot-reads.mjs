/**
 * The fake HubSpot portal's read endpoints: owners, object lists with `after` paging and
 * associations, search (filterGroups, sorts, the 10,000-result cap answering 400), v4 association
 * reads and batch reads. Each takes the portal and answers as HubSpot does.
 */
import { parseJson } from './http.mjs';
import { compareBy, matchesFilter, present } from './hubspot-data.mjs';

const TYPES = new Set(['companies', 'contacts', 'deals', 'tickets', 'tasks', 'notes']);
export const SINGULAR = { companies: 'company', contacts: 'contact', deals: 'deal', tickets: 'ticket', tasks: 'task', notes: 'note' };
/** HubSpot-defined v4 type ids: <object> -> company, primary and unlabeled. */
const TO_COMPANY_TYPES = { contacts: [1, 279], deals: [5, 341], tickets: [26, 339], tasks: [192, 192], notes: [190, 190] };
const SEARCH_CAP = 10_000;

/**
 * @typedef {object} PortalContext
 * @property {ReturnType<typeof import('./hubspot-data.mjs').seedPortal>} portal
 * @property {{ now(): number }} clock
 * @property {() => number} searchLagMs
 * @property {(status: number, category: string, message: string, extra?: object) => import('./http.mjs').FakeResponse} error
 */

/** @param {PortalContext} ctx */
export function readEndpoints({ portal, clock, searchLagMs, error }) {
  /** Each type's ids in ascending order, rebuilt when records are added (records are archived, never removed). */
  const sorted = /** @type {Map<string, { size: number; ids: bigint[] }>} */ (new Map());
  /** @param {import('./hubspot-data.mjs').HubSpotType} type */
  function idsInOrder(type) {
    const objects = portal.objects[type];
    const kept = sorted.get(type);
    if (kept && kept.size === objects.size) return kept.ids;
    const ids = [...objects.keys()].map((id) => BigInt(id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sorted.set(type, { size: objects.size, ids });
    return ids;
  }

  /** @param {URL} url */
  function owners(url) {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 500);
    const start = Number(url.searchParams.get('after') ?? 0);
    const page = portal.owners.slice(start, start + limit).map((o) => ({
      ...o,
      type: 'PERSON',
      userIdIncludingInactive: o.userId,
      createdAt: '2024-01-02T10:00:00.000Z',
      updatedAt: '2024-01-02T10:00:00.000Z',
      archived: false,
    }));
    const next = start + limit < portal.owners.length ? String(start + limit) : undefined;
    return {
      status: 200,
      json: {
        results: page,
        ...(next ? { paging: { next: { after: next, link: `https://api.hubapi.com/crm/v3/owners?limit=${limit}&after=${next}` } } } : {}),
      },
    };
  }

  /**
   * @param {import('./hubspot-data.mjs').HubSpotType} type
   * @param {URL} url
   */
  function list(type, url) {
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 10), 1), 100);
    const archived = url.searchParams.get('archived') === 'true';
    const after = BigInt(url.searchParams.get('after') ?? '0');
    const names = listParam(url, 'properties');
    const withAssociations = listParam(url, 'associations') ?? [];
    // Only the page and the record after it: a 100,000-contact portal is listed a page at a time.
    const rows = [];
    const ids = idsInOrder(type);
    for (let i = firstAtOrAbove(ids, after); i < ids.length && rows.length <= limit; i++) {
      const r = portal.objects[type].get(String(ids[i]));
      if (r && (r.archivedAt !== undefined) === archived) rows.push(r);
    }
    const page = rows.slice(0, limit).map((r) => {
      const out = present(type, r, names);
      const companies = withAssociations.includes('companies') || withAssociations.includes('company') ? r.companyIds : [];
      if (!companies.length) return out;
      const t = `${SINGULAR[type]}_to_company`;
      return { ...out, associations: { companies: { results: companies.map((id, i) => ({ id, type: i === 0 ? t : `${t}_unlabeled` })) } } };
    });
    const more = rows.length > limit;
    const next = more ? String(BigInt(rows[limit].id)) : undefined;
    const query = new URLSearchParams(url.searchParams);
    if (next) query.set('after', next);
    return {
      status: 200,
      json: {
        results: page,
        ...(next ? { paging: { next: { after: next, link: `https://api.hubapi.com${url.pathname}?${query}` } } } : {}),
      },
    };
  }

  /**
   * @param {import('./hubspot-data.mjs').HubSpotType} type
   * @param {string} text
   */
  function searchObjects(type, text) {
    const body = parseJson(text);
    if (!body.ok) return error(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1');
    const { filterGroups = [], sorts = [], properties = null, limit = 10, after = '0', query } = body.value ?? {};
    const size = Number(limit);
    const offset = Number(after);
    if (!(size >= 1 && size <= 200)) return error(400, 'VALIDATION_ERROR', `limit must be between 1 and 200 (was ${limit})`);
    if (filterGroups.length > 5 || filterGroups.some((/** @type {any} */ g) => (g.filters ?? []).length > 6))
      return error(400, 'VALIDATION_ERROR', 'Too many filters: at most 5 filterGroups of at most 6 filters each');
    // HubSpot answers 400 once paging would pass 10,000 results of one query.
    if (offset + size > SEARCH_CAP) return error(400, 'VALIDATION_ERROR', 'There was a problem with the request.');
    let rows;
    try {
      rows = [...portal.objects[type].values()].filter(
        (r) =>
          r.archivedAt === undefined &&
          // Search lags writes: a record changed within the lag is not found yet (by the fake clock).
          r.updatedAt <= clock.now() - searchLagMs() &&
          (filterGroups.length === 0 ||
            filterGroups.some((/** @type {any} */ g) => (g.filters ?? []).every((/** @type {any} */ f) => matchesFilter(type, r, f)))) &&
          (!query || Object.values(r.properties).some((v) => v?.toLowerCase().includes(String(query).toLowerCase()))),
      );
    } catch (e) {
      return error(400, 'VALIDATION_ERROR', e instanceof Error ? e.message : String(e));
    }
    rows.sort((a, b) => compareBy(type, a, b, sorts));
    const page = rows.slice(offset, offset + size).map((r) => present(type, r, properties));
    const more = offset + size < rows.length;
    return {
      status: 200,
      json: { total: rows.length, results: page, ...(more ? { paging: { next: { after: String(offset + size) } } } : {}) },
    };
  }

  /**
   * @param {string} from
   * @param {string} to
   * @param {string} text
   */
  function associations(from, to, text) {
    const body = parseJson(text);
    if (!body.ok || !Array.isArray(body.value?.inputs)) return error(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1');
    if (!TYPES.has(from) || to !== 'companies') return error(400, 'VALIDATION_ERROR', `Unknown association ${from} -> ${to}`);
    const type = /** @type {import('./hubspot-data.mjs').HubSpotType} */ (from);
    const [primary, unlabeled] = TO_COMPANY_TYPES[/** @type {'contacts'} */ (type)] ?? [0, 0];
    const results = [];
    const errors = [];
    for (const { id } of body.value.inputs) {
      const record = portal.objects[type].get(String(id));
      if (!record?.companyIds.length) {
        errors.push({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
          message: `No company is associated with ${SINGULAR[type]} ${id}.`,
          context: { fromObjectId: [String(id)], fromObjectType: [SINGULAR[type]], toObjectType: ['company'] },
        });
        continue;
      }
      const toList = record.companyIds.map((cid, i) => ({
        toObjectId: Number(cid),
        associationTypes:
          i === 0
            ? [
                { category: 'HUBSPOT_DEFINED', typeId: primary, label: 'Primary' },
                { category: 'HUBSPOT_DEFINED', typeId: unlabeled, label: null },
              ]
            : [{ category: 'HUBSPOT_DEFINED', typeId: unlabeled, label: null }],
      }));
      results.push({ from: { id: String(id) }, to: toList });
    }
    const at = new Date(clock.now()).toISOString();
    return {
      status: errors.length ? 207 : 200,
      json: { status: 'COMPLETE', results, ...(errors.length ? { numErrors: errors.length, errors } : {}), startedAt: at, completedAt: at },
    };
  }

  /**
   * GET /crm/v4/objects/companies/{id}/associations/{tasks|notes}: read from the records, so never behind as search is.
   * @param {string} from
   * @param {string} id
   * @param {string} to
   * @param {URL} url
   */
  function associated(from, id, to, url) {
    if (from !== 'companies' || !TYPES.has(to)) return error(400, 'VALIDATION_ERROR', `Unknown association ${from} -> ${to}`);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 500), 500);
    const start = Number(url.searchParams.get('after') ?? 0);
    const type = /** @type {import('./hubspot-data.mjs').HubSpotType} */ (to);
    const linkedIds = [...portal.objects[type].values()]
      .filter((r) => r.archivedAt === undefined && r.companyIds.includes(id))
      .map((r) => r.id);
    const results = linkedIds.slice(start, start + limit).map((toId) => ({
      toObjectId: Number(toId),
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: to === 'notes' ? 190 : 192, label: null }],
    }));
    const next = start + limit < linkedIds.length ? String(start + limit) : undefined;
    return {
      status: 200,
      json: {
        results,
        ...(next ? { paging: { next: { after: next, link: `https://api.hubapi.com${url.pathname}?after=${next}` } } } : {}),
      },
    };
  }

  /**
   * @param {import('./hubspot-data.mjs').HubSpotType} type
   * @param {string} text
   */
  function batchRead(type, text) {
    const body = parseJson(text);
    if (!body.ok || !Array.isArray(body.value?.inputs)) return error(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1');
    if (body.value.inputs.length > 100) return error(400, 'VALIDATION_ERROR', 'Batch input limit is 100');
    const results = [];
    const missing = [];
    for (const { id } of body.value.inputs) {
      const record = portal.objects[type].get(String(id));
      if (record && record.archivedAt === undefined) results.push(present(type, record, body.value.properties ?? null));
      else missing.push(String(id));
    }
    const at = new Date(clock.now()).toISOString();
    const errors = missing.length
      ? [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'Could not get some objects, they may be deleted or not exist.',
            context: { ids: missing },
          },
        ]
      : [];
    return {
      status: errors.length ? 207 : 200,
      json: { status: 'COMPLETE', results, ...(errors.length ? { numErrors: errors.length, errors } : {}), startedAt: at, completedAt: at },
    };
  }

  return { owners, list, searchObjects, associations, associated, batchRead };
}

/** @param {URL} url @param {string} name */
export function listParam(url, name) {
  const all = url.searchParams
    .getAll(name)
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  return all.length ? all : null;
}

/** Index of the first id >= `after` in ascending `ids`. @param {bigint[]} ids @param {bigint} after */
function firstAtOrAbove(ids, after) {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] < after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
