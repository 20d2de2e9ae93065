/**
 * SOQL answered from the fake org's records, with Salesforce's paging: at most `pageSize` records a
 * page, the rest behind a `nextRecordsUrl` query locator, `done` on the last page. Unknown objects
 * and fields are INVALID_TYPE / INVALID_FIELD, as in an org.
 */
import { randomBytes } from 'node:crypto';
import { CHILDREN } from './salesforce-data.mjs';
import { compare, matches, parseSoql, SoqlError } from './soql.mjs';

/**
 * @param {{ org: ReturnType<typeof import('./salesforce-data.mjs').seedOrg>; pageSize: number; fail: (status: number, errorCode: string, message: string) => import('./http.mjs').FakeResponse }} ctx
 */
export function createQueries({ org, pageSize, fail }) {
  /** @type {Map<string, Array<Record<string, unknown>>>} */
  const locators = new Map();
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

  return { runQuery, nextPage, project };
}
