/**
 * A fake HubSpot API (api.hubapi.com) for tests: CRM v3 objects (list with `after` paging and
 * associations, archived lists, search with its 10,000-result cap), v4 association batch reads,
 * owners, account info and tasks, behind a private-app token and the private-app budget (190 calls
 * per rolling 10 s, search 5 per second) answered with 429s and HubSpot's headers, so throughput is
 * measured against the real ceiling. Shapes follow the recorded answers listed in tests/fakes/README.md.
 */
import { createClock, createFaults, correlationId, parseJson, serve } from './http.mjs';
import { MODIFIED, present, seedPortal } from './hubspot-data.mjs';
import { listParam, readEndpoints, SINGULAR } from './hubspot-reads.mjs';

export const HUBSPOT_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const TYPES = new Set(['companies', 'contacts', 'deals', 'tickets', 'tasks', 'notes']);

/**
 * @param {{ seed?: import('./hubspot-data.mjs').HubSpotSeed; token?: string; portalId?: number; tenSecondLimit?: number; searchPerSecond?: number; searchLagMs?: number; http?: boolean }} [options]
 */
export async function startHubSpotFake(options = {}) {
  const clock = createClock();
  const faults = createFaults();
  const portalId = options.portalId ?? 24_681_357;
  let token = options.token ?? HUBSPOT_TOKEN;
  let expired = false;
  const portal = seedPortal(options.seed ?? {}, clock.now());
  const limits = { tenSecond: options.tenSecondLimit ?? 190, search: options.searchPerSecond ?? 5 };
  /** Real time, not the fake clock: the budget is about how fast the client really calls. */
  const calls = /** @type {number[]} */ ([]);
  const searches = /** @type {number[]} */ ([]);
  const rejected = { tenSecond: 0, search: 0 };
  let searchLagMs = options.searchLagMs ?? 0;

  const error = (/** @type {number} */ status, /** @type {string} */ category, /** @type {string} */ message, extra = {}) => ({
    status,
    json: { status: 'error', message, correlationId: correlationId(), category, ...extra },
  });
  const errorBody = (/** @type {number} */ status) =>
    status === 401
      ? authError(false).json
      : status === 429
        ? rateLimited('TEN_SECONDLY_ROLLING').json
        : { status: 'error', message: 'internal error', correlationId: correlationId(), category: 'UNKNOWN' };
  const authError = (/** @type {boolean} */ isExpired) =>
    isExpired
      ? error(401, 'EXPIRED_AUTHENTICATION', 'The OAuth token used to make this call expired 2 minute(s) ago.', {
          context: { 'expire time': [new Date(clock.now() - 120_000).toISOString()] },
        })
      : error(
          401,
          'INVALID_AUTHENTICATION',
          'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
        );
  const rateLimited = (/** @type {string} */ policyName) => ({
    status: 429,
    json: {
      status: 'error',
      message: `You have reached your ${policyName.toLowerCase()} limit.`,
      errorType: 'RATE_LIMIT',
      correlationId: correlationId(),
      policyName,
      groupName: `privateapps:${portalId}`,
    },
  });

  const { owners, list, searchObjects, associations, associated, batchRead } = readEndpoints({
    portal,
    clock,
    searchLagMs: () => searchLagMs,
    error,
  });

  /** @param {import('./http.mjs').FakeRequest} req */
  function handle(req) {
    if (req.headers.authorization !== `Bearer ${token}` || expired)
      return authError(expired && req.headers.authorization === `Bearer ${token}`);
    const search = req.method === 'POST' && /\/search$/.test(req.path);
    const now = Date.now();
    while (calls.length && calls[0] <= now - 10_000) calls.shift();
    while (searches.length && searches[0] <= now - 1000) searches.shift();
    if (calls.length >= limits.tenSecond) return (rejected.tenSecond++, rateLimited('TEN_SECONDLY_ROLLING'));
    if (search && searches.length >= limits.search) return (rejected.search++, rateLimited('SECONDLY'));
    calls.push(now);
    if (search) searches.push(now);
    const answer = route(req);
    if (search) return answer;
    const left = Math.max(0, limits.tenSecond - calls.length);
    return {
      ...answer,
      headers: {
        'x-hubspot-correlation-id': correlationId(),
        'x-hubspot-ratelimit-interval-milliseconds': '10000',
        'x-hubspot-ratelimit-max': String(limits.tenSecond),
        'x-hubspot-ratelimit-remaining': String(left),
        'x-hubspot-ratelimit-secondly': String(Math.floor(limits.tenSecond / 10)),
        'x-hubspot-ratelimit-secondly-remaining': String(
          Math.max(0, Math.floor(limits.tenSecond / 10) - calls.filter((t) => t > now - 1000).length),
        ),
        ...answer.headers,
      },
    };
  }

  /**
   * @param {import('./http.mjs').FakeRequest} req
   * @returns {import('./http.mjs').FakeResponse}
   */
  function route(req) {
    const { method, path, url } = req;
    if (method === 'GET' && path === '/account-info/v3/details')
      return {
        status: 200,
        json: {
          portalId,
          accountType: 'STANDARD',
          timeZone: 'US/Eastern',
          companyCurrency: 'USD',
          additionalCurrencies: [],
          utcOffset: '-05:00',
          utcOffsetMilliseconds: -18_000_000,
          uiDomain: 'app.hubspot.com',
          dataHostingLocation: 'na1',
        },
      };
    if (method === 'GET' && path === '/crm/v3/owners') return owners(url);
    const assoc = /^\/crm\/v4\/associations\/(\w+)\/(\w+)\/batch\/read$/.exec(path);
    if (assoc && method === 'POST') return associations(assoc[1], assoc[2], req.text);
    const linked = /^\/crm\/v4\/objects\/(\w+)\/(\d+)\/associations\/(\w+)$/.exec(path);
    if (linked && method === 'GET') return associated(linked[1], linked[2], linked[3], url);
    const batch = /^\/crm\/v3\/objects\/(\w+)\/batch\/read$/.exec(path);
    if (batch && method === 'POST' && TYPES.has(batch[1]))
      return batchRead(/** @type {import('./hubspot-data.mjs').HubSpotType} */ (batch[1]), req.text);
    const m = /^\/crm\/v3\/objects\/(\w+)(?:\/(search|\d+))?\/?$/.exec(path);
    if (!m || !TYPES.has(m[1])) return error(404, 'OBJECT_NOT_FOUND', `Unable to route ${method} request with ${path}`);
    const type = /** @type {import('./hubspot-data.mjs').HubSpotType} */ (m[1]);
    if (m[2] === 'search') return method === 'POST' ? searchObjects(type, req.text) : error(405, 'VALIDATION_ERROR', 'Method not allowed');
    if (!m[2] && method === 'GET') return list(type, url);
    if (!m[2] && method === 'POST') return create(type, req.text);
    const record = m[2] ? portal.objects[type].get(m[2]) : undefined;
    if (!record || record.archivedAt !== undefined) return error(404, 'OBJECT_NOT_FOUND', 'resource not found');
    if (method === 'GET') return { status: 200, json: present(type, record, listParam(url, 'properties')) };
    if (method === 'PATCH') {
      const body = parseJson(req.text);
      if (!body.ok || typeof body.value?.properties !== 'object') return error(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1');
      Object.assign(record.properties, stringProps(body.value.properties));
      record.updatedAt = clock.now();
      return { status: 200, json: present(type, record, Object.keys(record.properties)) };
    }
    if (method === 'DELETE') return (admin.archive(type, record.id), { status: 204 });
    return error(405, 'VALIDATION_ERROR', 'Method not allowed');
  }

  /**
   * @param {import('./hubspot-data.mjs').HubSpotType} type
   * @param {string} text
   */
  function create(type, text) {
    const body = parseJson(text);
    if (!body.ok || typeof body.value?.properties !== 'object') return error(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1');
    const properties = stringProps(body.value.properties);
    if ((type === 'tasks' || type === 'notes') && !properties.hs_timestamp)
      return error(
        400,
        'VALIDATION_ERROR',
        'Property values were not valid: [{"isValid":false,"message":"hs_timestamp is required","error":"REQUIRED_FIELD","name":"hs_timestamp"}]',
      );
    const companyIds = [];
    const contactIds = [];
    for (const a of body.value.associations ?? []) {
      const typeId = a?.types?.[0]?.associationTypeId;
      const target = String(a?.to?.id ?? '');
      // HubSpot-defined v4 type ids: 192 task -> company, 204 task -> contact; 190 note -> company, 202 note -> contact.
      const [toCompany, toContact] = type === 'notes' ? [190, 202] : [192, 204];
      const into = typeId === toCompany ? 'companies' : typeId === toContact ? 'contacts' : null;
      if (!into) return error(400, 'VALIDATION_ERROR', `Association type ${typeId} is not valid for ${SINGULAR[type]}`);
      if (!portal.objects[into].has(target))
        return error(400, 'VALIDATION_ERROR', `One or more associations are invalid: ${target} is not a valid ${SINGULAR[into]} id`);
      (into === 'companies' ? companyIds : contactIds).push(target);
    }
    const record = admin.create(type, properties, companyIds);
    record.contactIds = contactIds;
    return { status: 201, json: present(type, record, Object.keys(properties)) };
  }

  const admin = {
    clock,
    faults,
    portal,
    /** How many calls the budget turned away, per policy. */
    rejected,
    /**
     * @param {import('./hubspot-data.mjs').HubSpotType} type
     * @param {Record<string, string | null>} properties
     * @param {string[]} [companyIds]
     * @param {number} [at] modified (and created) time; the clock's now by default
     */
    create(type, properties, companyIds = [], at = clock.now()) {
      const id = String(portal.nextId[type]++);
      const record = { id, properties: { ...properties }, createdAt: at, updatedAt: at, companyIds };
      portal.objects[type].set(id, record);
      return record;
    },
    /**
     * Changes properties and bumps the modification time (to `at`, so tests can make ties).
     * @param {import('./hubspot-data.mjs').HubSpotType} type
     * @param {string} id
     * @param {Record<string, string | null>} properties
     * @param {number} [at]
     */
    edit(type, id, properties, at = clock.now()) {
      const record = must(type, id);
      Object.assign(record.properties, properties);
      record.updatedAt = at;
      return record;
    },
    /**
     * @param {import('./hubspot-data.mjs').HubSpotType} type
     * @param {string} id
     */
    archive(type, id) {
      const record = must(type, id);
      record.archivedAt = clock.now();
      record.updatedAt = record.archivedAt;
    },
    /**
     * Stamps `count` records of a type with one modification time: a window of more than 10,000 changes, all tied.
     * @param {import('./hubspot-data.mjs').HubSpotType} type
     * @param {number} count
     * @param {number} [at]
     */
    touchMany(type, count, at = clock.now()) {
      let n = 0;
      for (const record of portal.objects[type].values()) if (n++ < count) record.updatedAt = at;
    },
    /** @param {import('./hubspot-data.mjs').HubSpotType} type */
    records(type) {
      return [...portal.objects[type].values()]
        .filter((r) => r.archivedAt === undefined)
        .map((r) => ({ ...present(type, r, Object.keys(r.properties)), companyIds: r.companyIds, contactIds: r.contactIds ?? [] }));
    },
    /** Tasks written back so far, with the companies and contacts they are associated with. */
    tasks() {
      return admin.records('tasks');
    },
    /** Notes written back so far (logged emails), with their companies and contacts. */
    notes() {
      return admin.records('notes');
    },
    /** Every later call answers 401 EXPIRED_AUTHENTICATION (or, with a new token, only that token works). */
    expireToken(newToken = undefined) {
      if (newToken) token = newToken;
      else expired = true;
    },
    /** @param {import('./http.mjs').Fault['match']} match @param {Partial<Omit<import('./http.mjs').Fault, 'match'>>} [fault] */
    failNext: (match, fault) => faults.failNext(match, fault),
    /** How long (fake-clock ms) a changed record stays invisible to search, as HubSpot's index lags. @param {number} ms */
    setSearchLag(ms) {
      searchLagMs = ms;
    },
  };
  /** @param {import('./hubspot-data.mjs').HubSpotType} type @param {string} id */
  function must(type, id) {
    const record = portal.objects[type].get(id);
    if (!record) throw new Error(`no ${type} ${id} in the fake portal`);
    return record;
  }

  const server = await serve(handle, { faults, errorBody, http: options.http });
  return { ...server, ...admin, token: () => token, portalId, modifiedProperty: MODIFIED };
}

/** HubSpot stores every property as a string. @param {Record<string, unknown>} props */
function stringProps(props) {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v === null ? null : String(v)]));
}
