/**
 * A fake Salesforce org for tests, answering under its My Domain: the OAuth 2.0 web-server flow
 * with PKCE (authorize answers 302 to the redirect_uri with code and state; token checks the
 * verifier, trades refresh tokens), userinfo, SOQL queries with nextRecordsUrl paging,
 * /sobjects/<type>/deleted/, the Task describe (with or without an external id field for Glance)
 * and Task create / update / upsert / delete with Salesforce's statuses (201, 204, 200, 300) and
 * error arrays. Shapes follow the recorded answers listed in tests/fakes/README.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createClock, createFaults, parseJson, serve } from './http.mjs';
import { CHILDREN, FIELDS, KEY_PREFIX, seedOrg, stamp, TASK_WRITABLE } from './salesforce-data.mjs';
import { compare, matches, parseSoql, SoqlError } from './soql.mjs';

export const SALESFORCE_CONSUMER_KEY = '3MVG9fakeGlanceConsumerKey.0000000000000000000000000000000000000000000000000000000000000';
const RETENTION_MS = 15 * 86_400_000;
const CHROMIUMAPP_CALLBACK = /^https:\/\/[a-p]{32}\.chromiumapp\.org\//;

/**
 * @param {{ seed?: import('./salesforce-data.mjs').SalesforceSeed; myDomain?: string; consumerKey?: string; externalIdField?: string | null; pageSize?: number; callback?: RegExp; http?: boolean }} [options]
 */
export async function startSalesforceFake(options = {}) {
  const clock = createClock();
  const faults = createFaults();
  const myDomain = options.myDomain ?? 'acme-dev.my.salesforce.com';
  const consumerKey = options.consumerKey ?? SALESFORCE_CONSUMER_KEY;
  const callback = options.callback ?? CHROMIUMAPP_CALLBACK;
  let externalIdField = options.externalIdField ?? null;
  const pageSize = options.pageSize ?? 2000;
  const org = seedOrg(options.seed ?? {}, clock.now());
  const orgId = [...org.objects.Organization.keys()][0];
  const me = org.users[0];
  if (externalIdField) org.fields.Task.push(externalIdField);
  /** @type {Map<string, { challenge: string; redirectUri: string; expires: number }>} */
  const codes = new Map();
  const accessTokens = new Set();
  const refreshTokens = new Set();
  /** @type {Array<{ type: string; id: string; at: number }>} */
  const deletions = [];
  /** @type {Map<string, Array<Record<string, unknown>>>} */
  const locators = new Map();
  let apiUsage = 0;
  let denyNext = false;

  const fail = (
    /** @type {number} */ status,
    /** @type {string} */ errorCode,
    /** @type {string} */ message,
    /** @type {string[]} */ fields = [],
  ) => ({ status, json: [{ message, errorCode, fields }] });
  const errorBody = (/** @type {number} */ status) =>
    status === 401
      ? [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]
      : [
          {
            errorCode: 'UNKNOWN_EXCEPTION',
            message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1419870432-12345 (-1283457329)',
          },
        ];
  const oauthError = (/** @type {string} */ error, /** @type {string} */ description, status = 400) => ({
    status,
    json: { error, error_description: description },
  });
  const token = (/** @type {string} */ kind) => `${orgId.slice(0, 15)}!${kind}${randomBytes(24).toString('base64url')}`;
  const identity = `https://login.salesforce.com/id/${orgId}/${me.Id}`;

  function issueTokens(withRefresh = true) {
    const access = token('AQ');
    accessTokens.add(access);
    const refresh = withRefresh ? token('RT') : undefined;
    if (refresh) refreshTokens.add(refresh);
    const body = {
      access_token: access,
      ...(refresh ? { refresh_token: refresh } : {}),
      signature: randomBytes(32).toString('base64'),
      scope: 'refresh_token api',
      instance_url: `https://${myDomain}`,
      id: identity,
      token_type: 'Bearer',
      issued_at: String(clock.now()),
    };
    return body;
  }

  /** @param {import('./http.mjs').FakeRequest} req @returns {import('./http.mjs').FakeResponse} */
  function handle(req) {
    const { method, path, url } = req;
    if (path === '/services/oauth2/authorize' && method === 'GET') return authorize(url);
    if (path === '/services/oauth2/token' && method === 'POST') return exchange(new URLSearchParams(req.text));
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!auth || !accessTokens.has(auth)) return fail(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    apiUsage++;
    const answer = data(req);
    return {
      ...answer,
      headers: {
        'sforce-limit-info': `api-usage=${apiUsage}/15000`,
        'x-sfdc-request-id': randomBytes(16).toString('hex'),
        ...answer.headers,
      },
    };
  }

  /** @param {import('./http.mjs').FakeRequest} req @returns {import('./http.mjs').FakeResponse} */
  function data({ method, path, url, text }) {
    if (path === '/services/oauth2/userinfo')
      return {
        status: 200,
        json: {
          sub: identity,
          user_id: me.Id,
          organization_id: orgId,
          preferred_username: me.Username,
          nickname: 'casey',
          name: me.Name,
          email: me.Email,
          email_verified: true,
          given_name: me.FirstName,
          family_name: me.LastName,
          zoneinfo: 'America/Los_Angeles',
          active: true,
          user_type: 'STANDARD',
          language: 'en_US',
          locale: 'en_US',
          utcOffset: -28_800_000,
          updated_at: new Date(clock.now()).toISOString(),
        },
      };
    const m = /^\/services\/data\/(v\d+\.\d)(\/.*)$/.exec(path);
    if (!m) return fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    const [, version, rest] = m;
    if (rest === '/query' || rest === '/query/') return runQuery(version, url.searchParams.get('q') ?? '');
    const more = /^\/query\/([\w-]+)-(\d+)$/.exec(rest);
    if (more) return nextPage(version, more[1], Number(more[2]));
    const deleted = /^\/sobjects\/(\w+)\/deleted\/?$/.exec(rest);
    if (deleted && method === 'GET') return deletedSince(deleted[1], url);
    if (/^\/sobjects\/Task\/describe\/?$/.test(rest)) return { status: 200, json: describeTask() };
    const sob = /^\/sobjects\/(\w+)\/?(?:([\w]+)(?:\/([^/]+))?)?$/.exec(rest);
    if (!sob || !FIELDS[/** @type {'Task'} */ (sob[1])]) return fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    const [, type, idOrField, value] = sob;
    if (type !== 'Task' && method !== 'GET') return fail(400, 'INSUFFICIENT_ACCESS', `The fake org takes writes to Task only, not ${type}`);
    if (method === 'POST' && !idOrField) return createTask(version, text);
    if (method === 'PATCH' && value !== undefined) return upsertTask(version, idOrField, decodeURIComponent(value), text);
    const record = idOrField ? org.objects[type].get(idOrField) : undefined;
    if (!record)
      return deletions.some((d) => d.id === idOrField)
        ? fail(404, 'ENTITY_IS_DELETED', 'entity is deleted')
        : fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    if (method === 'GET') return { status: 200, json: project(version, type, record, org.fields[type]) };
    if (method === 'PATCH') {
      const body = taskBody(text);
      if ('status' in body) return body;
      admin.edit('Task', record.Id, /** @type {Record<string, unknown>} */ (body));
      return { status: 204 };
    }
    if (method === 'DELETE') return (admin.delete(type, record.Id), { status: 204 });
    return fail(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,PATCH,DELETE`);
  }

  /** @param {URL} url @returns {import('./http.mjs').FakeResponse} */
  function authorize(url) {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== consumerKey)
      return {
        status: 400,
        text: '<html><body>OAuth Error: error=invalid_client_id</body></html>',
        headers: { 'content-type': 'text/html' },
      };
    if (!callback.test(redirectUri))
      return {
        status: 400,
        text: '<html><body>OAuth Error: error=redirect_uri_mismatch</body></html>',
        headers: { 'content-type': 'text/html' },
      };
    const back = new URL(redirectUri);
    const state = q.get('state');
    const say = (/** @type {Record<string, string>} */ params) => {
      for (const [k, v] of Object.entries(params)) back.searchParams.set(k, v);
      if (state !== null) back.searchParams.set('state', state);
      return { status: 302, headers: { location: back.toString() } };
    };
    if (q.get('response_type') !== 'code')
      return say({ error: 'unsupported_response_type', error_description: 'response type not supported' });
    if (!q.get('code_challenge') || q.get('code_challenge_method') !== 'S256')
      return say({ error: 'invalid_request', error_description: 'missing required code challenge' });
    if (denyNext) return ((denyNext = false), say({ error: 'access_denied', error_description: 'end-user denied authorization' }));
    const code = `aPrx${randomBytes(24).toString('base64')}`;
    codes.set(code, { challenge: /** @type {string} */ (q.get('code_challenge')), redirectUri, expires: clock.now() + 15 * 60_000 });
    return say({ code });
  }

  /** @param {URLSearchParams} form @returns {import('./http.mjs').FakeResponse} */
  function exchange(form) {
    if (form.get('client_id') !== consumerKey) return oauthError('invalid_client_id', 'client identifier invalid');
    if (form.get('grant_type') === 'refresh_token') {
      if (!refreshTokens.has(form.get('refresh_token') ?? '')) return oauthError('invalid_grant', 'expired access/refresh token');
      return { status: 200, json: issueTokens(false) };
    }
    if (form.get('grant_type') !== 'authorization_code') return oauthError('unsupported_grant_type', 'grant type not supported');
    const code = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    if (!code || code.expires < clock.now()) return oauthError('invalid_grant', 'expired authorization code');
    if (form.get('redirect_uri') !== code.redirectUri) return oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge)
      return oauthError('invalid_grant', 'invalid code verifier');
    return { status: 200, json: issueTokens(true) };
  }

  /** @param {string} version @param {string} soql @returns {import('./http.mjs').FakeResponse} */
  function runQuery(version, soql) {
    let rows;
    try {
      rows = select(version, parseSoql(soql), null);
    } catch (e) {
      if (e instanceof SoqlError) return fail(400, e.errorCode, e.message);
      throw e;
    }
    const locator = `01g${randomBytes(6).toString('hex')}`;
    locators.set(locator, rows);
    return page(version, locator, 0);
  }

  /** @param {string} version @param {string} locator @param {number} offset */
  function nextPage(version, locator, offset) {
    if (!locators.has(locator)) return fail(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return page(version, locator, offset);
  }

  /** @param {string} version @param {string} locator @param {number} offset @returns {import('./http.mjs').FakeResponse} */
  function page(version, locator, offset) {
    const rows = /** @type {Array<Record<string, unknown>>} */ (locators.get(locator));
    const end = offset + pageSize;
    const done = end >= rows.length;
    if (done) locators.delete(locator);
    return {
      status: 200,
      json: {
        totalSize: rows.length,
        done,
        ...(done ? {} : { nextRecordsUrl: `/services/data/${version}/query/${locator}-${end}` }),
        records: rows.slice(offset, end),
      },
    };
  }

  /**
   * @param {string} version
   * @param {import('./soql.mjs').Query} q
   * @param {{ type: string; id: string; key: string } | null} parent
   * @returns {Array<Record<string, unknown>>}
   */
  function select(version, q, parent) {
    const type = parent ? parent.type : q.from;
    const fields = org.fields[type];
    if (!fields)
      throw new SoqlError(
        `sObject type '${q.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`,
        'INVALID_TYPE',
      );
    const canonical = (/** @type {string} */ name) => {
      const hit = fields.find((f) => f.toLowerCase() === name.toLowerCase());
      if (!hit)
        throw new SoqlError(
          `No such column '${name}' on entity '${type}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`,
          'INVALID_FIELD',
        );
      return hit;
    };
    const names = q.fields.map((f) => (typeof f === 'string' ? canonical(f) : f));
    const check = (/** @type {import('./soql.mjs').Condition | null} */ c) => {
      if (!c) return;
      if ('and' in c) c.and.forEach(check);
      else if ('or' in c) c.or.forEach(check);
      else if ('not' in c) check(c.not);
      else c.field = canonical(c.field);
    };
    check(q.where);
    const order = q.orderBy.map((o) => ({ ...o, field: canonical(o.field) }));
    let rows = [...org.objects[type].values()].filter((r) => (!parent || r[parent.key] === parent.id) && matches(q.where, (f) => r[f]));
    rows.sort((a, b) => {
      for (const o of order) {
        const c = compare(a[o.field], b[o.field]);
        if (c) return o.desc ? -c : c;
      }
      return 0;
    });
    if (q.limit !== null) rows = rows.slice(0, q.limit);
    return rows.map((r) => {
      const out = project(version, type, r, /** @type {string[]} */ (names.filter((n) => typeof n === 'string')));
      for (const sub of names.filter((n) => typeof n !== 'string')) {
        const child = /** @type {Record<string, [string, string]>} */ (CHILDREN[/** @type {'Account'} */ (type)] ?? {})[sub.from];
        if (!child) throw new SoqlError(`Didn't understand relationship '${sub.from}' in FROM part of query call.`, 'INVALID_TYPE');
        const records = select(version, sub, { type: child[0], id: String(r.Id), key: child[1] });
        out[sub.from] = records.length ? { totalSize: records.length, done: true, records } : null;
      }
      return out;
    });
  }

  /** @param {string} version @param {string} type @param {Record<string, unknown>} r @param {string[]} names */
  function project(version, type, r, names) {
    /** @type {Record<string, unknown>} */
    const out = { attributes: { type, url: `/services/data/${version}/sobjects/${type}/${r.Id}` } };
    for (const name of names) out[name] = r[name] ?? null;
    return out;
  }

  /** @param {string} type @param {URL} url @returns {import('./http.mjs').FakeResponse} */
  function deletedSince(type, url) {
    const minute = (/** @type {number} */ ms) => Math.floor(ms / 60_000) * 60_000;
    const start = Date.parse(url.searchParams.get('start') ?? '');
    const end = Date.parse(url.searchParams.get('end') ?? '');
    if (Number.isNaN(start) || Number.isNaN(end))
      return fail(400, 'MALFORMED_QUERY', 'start and end must be dateTimes such as 2026-11-01T10:00:00Z');
    if (end <= start) return fail(400, 'INVALID_REPLICATION_DATE', 'end date must be after start date');
    const now = clock.now();
    const earliest = minute(now - RETENTION_MS);
    const covered = minute(Math.min(end, now));
    const deletedRecords = deletions
      .filter((d) => d.type === type && d.at >= Math.max(minute(start), earliest) && d.at < covered)
      .map((d) => ({ id: d.id, deletedDate: stamp(d.at).replace(/\.\d{3}/, '.000') }));
    return { status: 200, json: { deletedRecords, earliestDateAvailable: stamp(earliest), latestDateCovered: stamp(covered) } };
  }

  function describeTask() {
    const field = (/** @type {string} */ name, extra = {}) => ({
      name,
      label: name.replace(/__c$/, '').replace(/_/g, ' '),
      type: name === 'Id' ? 'id' : /Id$/.test(name) ? 'reference' : 'string',
      custom: false,
      externalId: false,
      idLookup: name === 'Id',
      unique: false,
      nillable: name !== 'Id',
      createable: TASK_WRITABLE.has(name),
      updateable: TASK_WRITABLE.has(name),
      filterable: name !== 'Description',
      ...extra,
    });
    const fields = FIELDS.Task.map((n) => field(n, n === 'Description' ? { type: 'textarea', length: 32000 } : {}));
    if (externalIdField)
      fields.push(
        field(externalIdField, {
          custom: true,
          externalId: true,
          idLookup: true,
          unique: true,
          createable: true,
          updateable: true,
          length: 255,
        }),
      );
    return {
      name: 'Task',
      label: 'Task',
      keyPrefix: KEY_PREFIX.Task,
      custom: false,
      createable: true,
      updateable: true,
      deletable: true,
      queryable: true,
      fields,
      urls: { sobject: '/services/data/v62.0/sobjects/Task', describe: '/services/data/v62.0/sobjects/Task/describe' },
    };
  }

  /** @param {string} text @returns {Record<string, unknown> | import('./http.mjs').FakeResponse} */
  function taskBody(text) {
    const body = parseJson(text);
    if (!body.ok || typeof body.value !== 'object' || body.value === null || Array.isArray(body.value))
      return fail(400, 'JSON_PARSER_ERROR', 'Unexpected character: was expecting a JSON object');
    for (const [name, value] of Object.entries(body.value)) {
      if (!TASK_WRITABLE.has(name) && name !== externalIdField)
        return fail(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type Task`);
      if (name === 'WhatId' && value && !org.objects.Account.has(String(value)) && !org.objects.Opportunity.has(String(value)))
        return fail(400, 'FIELD_INTEGRITY_EXCEPTION', 'Related To ID: id value of incorrect type: ' + value, ['WhatId']);
      if (name === 'WhoId' && value && !org.objects.Contact.has(String(value)))
        return fail(400, 'FIELD_INTEGRITY_EXCEPTION', 'Name ID: id value of incorrect type: ' + value, ['WhoId']);
    }
    return body.value;
  }

  /** @param {string} version @param {string} text */
  function createTask(version, text) {
    const body = taskBody(text);
    if ('status' in body) return body;
    const record = admin.create('Task', body);
    return {
      status: 201,
      json: { id: record.Id, success: true, errors: [] },
      headers: { location: `/services/data/${version}/sobjects/Task/${record.Id}` },
    };
  }

  /** @param {string} version @param {string} field @param {string} value @param {string} text @returns {import('./http.mjs').FakeResponse} */
  function upsertTask(version, field, value, text) {
    if (field !== externalIdField && field !== 'Id')
      return fail(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${field}`);
    const body = taskBody(text);
    if ('status' in body) return body;
    const hits = [...org.objects.Task.values()].filter((t) => String(t[field] ?? '') === value);
    if (hits.length > 1) return { status: 300, json: hits.map((t) => `/services/data/${version}/sobjects/Task/${t.Id}`) };
    if (hits.length === 1) {
      admin.edit('Task', String(hits[0].Id), body);
      return {
        status: 200,
        json: { id: hits[0].Id, success: true, errors: [], created: false },
        headers: { location: `/services/data/${version}/sobjects/Task/${hits[0].Id}` },
      };
    }
    if (field === 'Id') return fail(404, 'NOT_FOUND', 'The requested resource does not exist');
    const record = admin.create('Task', { ...body, [field]: value });
    return {
      status: 201,
      json: { id: record.Id, success: true, errors: [], created: true },
      headers: { location: `/services/data/${version}/sobjects/Task/${record.Id}` },
    };
  }

  const admin = {
    clock,
    faults,
    org,
    myDomain,
    consumerKey,
    /** @param {string} type @param {Record<string, unknown>} values @param {number} [at] */
    create(type, values, at = clock.now()) {
      const record = org.add(
        type,
        { OwnerId: me.Id, ...(type === 'Task' ? { Status: 'Not Started', Priority: 'Normal', IsClosed: false } : {}), ...values },
        at,
      );
      if (type === 'Task') derive(record);
      return record;
    },
    /** Changes fields and bumps SystemModstamp (to `at`, so tests can make ties). @param {string} type @param {string} id @param {Record<string, unknown>} values @param {number} [at] */
    edit(type, id, values, at = clock.now()) {
      const record = org.objects[type].get(id);
      if (!record) throw new Error(`no ${type} ${id} in the fake org`);
      Object.assign(record, values, { LastModifiedDate: stamp(at), SystemModstamp: stamp(at) });
      if (type === 'Task') derive(record);
      return record;
    },
    /** @param {string} type @param {string} id @param {number} [at] */
    delete(type, id, at = clock.now()) {
      if (!org.objects[type].delete(id)) throw new Error(`no ${type} ${id} in the fake org`);
      deletions.push({ type, id, at });
    },
    /** Stamps `count` records of a type with one SystemModstamp: a window of ties. @param {string} type @param {number} count @param {number} [at] */
    touchMany(type, count, at = clock.now()) {
      let n = 0;
      for (const record of org.objects[type].values())
        if (n++ < count) Object.assign(record, { LastModifiedDate: stamp(at), SystemModstamp: stamp(at) });
    },
    /** @param {string} type */
    records: (type) => [...org.objects[type].values()],
    /** Tasks in the org (written back or seeded). */
    tasks: () => [...org.objects.Task.values()],
    /** Access and refresh tokens as the token endpoint would give them, for tests that skip the browser flow. */
    issueTokens: () => issueTokens(true),
    /** Every access token issued so far answers 401 INVALID_SESSION_ID (the refresh token still works). */
    expireSessions: () => accessTokens.clear(),
    /** Refresh tokens answer invalid_grant: the user must reconnect. */
    revokeRefreshTokens: () => refreshTokens.clear(),
    denyNextAuthorization: () => void (denyNext = true),
    /** @param {string | null} name */
    setExternalIdField(name) {
      externalIdField = name;
      if (name && !org.fields.Task.includes(name)) org.fields.Task.push(name);
    },
    /** @param {import('./http.mjs').Fault['match']} match @param {Partial<Omit<import('./http.mjs').Fault, 'match'>>} [fault] */
    failNext: (match, fault) => faults.failNext(match, fault),
  };
  /** @param {Record<string, unknown>} task */
  function derive(task) {
    task.IsClosed = task.Status === 'Completed';
    task.AccountId = typeof task.WhatId === 'string' && org.objects.Account.has(task.WhatId) ? task.WhatId : null;
  }

  const server = await serve(handle, { faults, errorBody, http: options.http });
  return { ...server, ...admin, orgId, userId: me.Id, instanceUrl: `https://${myDomain}` };
}
