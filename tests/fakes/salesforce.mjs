/**
 * A fake Salesforce org for tests, answering under its My Domain: the OAuth 2.0 web-server flow
 * with PKCE (authorize answers 302 to the redirect_uri with code and state; token checks the
 * verifier, trades refresh tokens), userinfo, SOQL queries with nextRecordsUrl paging,
 * /sobjects/<type>/deleted/, the Task describe (with or without an external id field for Glance)
 * and Task create / update / upsert / delete with Salesforce's statuses (201, 204, 200, 300) and
 * error arrays. Shapes follow the recorded answers listed in tests/fakes/README.md.
 */
import { randomBytes } from 'node:crypto';
import { createClock, createFaults, parseJson, serve } from './http.mjs';
import { FIELDS, KEY_PREFIX, seedOrg, stamp, TASK_WRITABLE } from './salesforce-data.mjs';
import { createOAuth } from './salesforce-oauth.mjs';
import { createQueries } from './salesforce-query.mjs';

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
  const oauth = createOAuth({ clock, consumerKey, callback, myDomain, orgId, userId: String(me.Id) });
  /** @type {Array<{ type: string; id: string; at: number }>} */
  const deletions = [];
  /** Deleted records as queryAll still sees them (the recycle bin keeps them 15 days). @type {Array<{ type: string; record: Record<string, unknown> }>} */
  const recycleBin = [];
  /** queryAll: the query runs with the recycle bin's records back in place, marked IsDeleted. @param {() => import('./http.mjs').FakeResponse} run */
  function withRecycleBin(run) {
    const restored = recycleBin.filter(({ type, record }) => !org.objects[type].has(String(record.Id)));
    for (const { type, record } of restored) org.objects[type].set(String(record.Id), { ...record, IsDeleted: true });
    try {
      return run();
    } finally {
      for (const { type, record } of restored) org.objects[type].delete(String(record.Id));
    }
  }
  const { runQuery, nextPage, project } = createQueries({ org, pageSize, fail: (status, code, message) => fail(status, code, message) });
  let apiUsage = 0;

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
  /** @param {import('./http.mjs').FakeRequest} req @returns {import('./http.mjs').FakeResponse} */
  function handle(req) {
    const { method, path, url } = req;
    if (path === '/services/oauth2/authorize' && method === 'GET') return oauth.authorize(url);
    if (path === '/services/oauth2/token' && method === 'POST') return oauth.exchange(new URLSearchParams(req.text));
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!oauth.accepts(auth)) return fail(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
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
          sub: oauth.identity,
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
    if (rest === '/queryAll' || rest === '/queryAll/') return withRecycleBin(() => runQuery(version, url.searchParams.get('q') ?? ''));
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
      const body = taskBody(text, true);
      if ('status' in body) return body;
      admin.edit('Task', record.Id, /** @type {Record<string, unknown>} */ (body));
      return { status: 204 };
    }
    if (method === 'DELETE') return (admin.delete(type, record.Id), { status: 204 });
    return fail(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,PATCH,DELETE`);
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
      updateable: TASK_WRITABLE.has(name) && name !== 'TaskSubtype',
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

  /** @param {string} text @param {boolean} [updating] @returns {Record<string, unknown> | import('./http.mjs').FakeResponse} */
  function taskBody(text, updating = false) {
    const body = parseJson(text);
    if (!body.ok || typeof body.value !== 'object' || body.value === null || Array.isArray(body.value))
      return fail(400, 'JSON_PARSER_ERROR', 'Unexpected character: was expecting a JSON object');
    for (const [name, value] of Object.entries(body.value)) {
      if (!TASK_WRITABLE.has(name) && name !== externalIdField)
        return fail(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type Task`);
      // TaskSubtype is createable, not updateable (Task describe).
      if (updating && name === 'TaskSubtype')
        return fail(
          400,
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [name],
        );
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
    const hits = [...org.objects.Task.values()].filter((t) => String(t[field] ?? '') === value);
    const body = taskBody(text, hits.length > 0);
    if ('status' in body) return body;
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
      const record = org.objects[type].get(id);
      if (!record || !org.objects[type].delete(id)) throw new Error(`no ${type} ${id} in the fake org`);
      recycleBin.push({ type, record });
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
    issueTokens: () => oauth.issueTokens(true),
    /** Every access token issued so far answers 401 INVALID_SESSION_ID (the refresh token still works). */
    expireSessions: oauth.expireSessions,
    /** Refresh tokens answer invalid_grant: the user must reconnect. */
    revokeRefreshTokens: oauth.revokeRefreshTokens,
    denyNextAuthorization: oauth.denyNextAuthorization,
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
