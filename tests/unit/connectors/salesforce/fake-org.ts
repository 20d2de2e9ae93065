/**
 * A small stand-in for an org's REST API: answers SOQL on SystemModstamp/Id cursors and Id lists
 * the way Salesforce does (ORDER BY SystemModstamp, Id; pages with nextRecordsUrl), the deleted
 * window, and Task writes, so pulls and write-backs are tested for what they end up reading or writing.
 */
import { toSalesforceId18 } from '../../../../lib/hosts/salesforce-id';
import type { Answer, Call } from './support';

type Row = Record<string, unknown> & { Id: string };

const stampOf = (v: unknown) => Date.parse(String(v).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

export class FakeOrg {
  tables: Record<string, Row[]> = {};
  deleted: Record<string, { answer: Answer }> = {};
  /** Query locators handed out; `expire()` forgets them as Salesforce does after ~15 minutes. */
  private locators = new Map<string, Row[]>();
  private nextLocator = 1;
  private nextTaskId = 1;

  constructor(readonly pageSize = 2) {}

  private newTaskId(): string {
    return toSalesforceId18(`00TdM0000${String(this.nextTaskId++).padStart(6, '0')}`)!;
  }

  add(sobject: string, ...rows: Row[]) {
    (this.tables[sobject] ??= []).push(...rows);
  }

  expire() {
    this.locators.clear();
  }

  private page(rows: Row[]): Answer {
    const records = rows.slice(0, this.pageSize);
    const rest = rows.slice(this.pageSize);
    const body: Record<string, unknown> = { totalSize: rows.length, done: rest.length === 0, records };
    if (rest.length) {
      const locator = `01gxx000000${this.nextLocator++}AAA-${this.pageSize}`;
      this.locators.set(locator, rest);
      body.nextRecordsUrl = `/services/data/v62.0/query/${locator}`;
    }
    return { status: 200, body };
  }

  private select(soql: string): Row[] {
    // Parent-child subqueries (`(SELECT … FROM Opportunities …)`) are not the queried object.
    let outer = soql;
    while (/\([^()]*\)/.test(outer)) outer = outer.replace(/\([^()]*\)/g, '');
    const from = /FROM (\w+)/.exec(outer)![1];
    let rows = [...(this.tables[from] ?? [])];
    const ids = /WHERE (?:\w+ = '[^']*' AND )?Id IN \(([^)]*)\)/.exec(soql);
    if (ids) {
      const wanted = new Set(ids[1].split(',').map((s) => s.trim().replace(/'/g, '')));
      rows = rows.filter((r) => wanted.has(r.Id));
    }
    const what = /WHERE WhatId = '(\w+)'/.exec(soql);
    if (what) rows = rows.filter((r) => r.WhatId === what[1]);
    const ext = /WHERE (\w+__c) = '([^']*)'/.exec(soql);
    if (ext) rows = rows.filter((r) => r[ext[1]] === ext[2]);
    const after = /SystemModstamp > (\S+)/.exec(soql);
    const tie = /SystemModstamp = \S+ AND Id > '(\w+)'/.exec(soql);
    if (after) {
      const t = Date.parse(after[1]);
      rows = rows.filter((r) => stampOf(r.SystemModstamp) > t || (tie !== null && stampOf(r.SystemModstamp) === t && r.Id > tie[1]));
    }
    if (/ORDER BY SystemModstamp, Id/.test(soql))
      rows.sort((a, b) => stampOf(a.SystemModstamp) - stampOf(b.SystemModstamp) || (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
    return rows;
  }

  handle = (call: Call): Answer | undefined => {
    const path = new URL(call.url).pathname;
    if (call.soql) return this.page(this.select(call.soql));
    const locator = /\/query\/([^/]+)$/.exec(path);
    if (locator) {
      const rest = this.locators.get(locator[1]);
      return rest ? this.page(rest) : { status: 400, body: [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }] };
    }
    const deleted = /\/sobjects\/(\w+)\/deleted\/$/.exec(path);
    if (deleted)
      return (
        this.deleted[deleted[1]]?.answer ?? {
          status: 200,
          body: {
            deletedRecords: [],
            earliestDateAvailable: '2020-01-01T00:00:00.000+0000',
            latestDateCovered: new URL(call.url).searchParams.get('end'),
          },
        }
      );
    return this.writeTask(call, path);
  };

  private writeTask(call: Call, path: string): Answer | undefined {
    const tasks = (this.tables.Task ??= []);
    if (call.method === 'POST' && path.endsWith('/sobjects/Task/')) {
      const Id = this.newTaskId();
      tasks.push({ Id, ...(call.body as object) });
      return { status: 201, body: { id: Id, success: true, errors: [] } };
    }
    const upsert = /\/sobjects\/Task\/(\w+__c)\/([^/]+)$/.exec(path);
    if (call.method === 'PATCH' && upsert) {
      const key = decodeURIComponent(upsert[2]);
      const existing = tasks.find((t) => t[upsert[1]] === key);
      if (existing) {
        Object.assign(existing, call.body);
        return { status: 200, body: { id: existing.Id, success: true, errors: [], created: false } };
      }
      const Id = this.newTaskId();
      tasks.push({ Id, [upsert[1]]: key, ...(call.body as object) });
      return { status: 201, body: { id: Id, success: true, errors: [], created: true } };
    }
    const byId = /\/sobjects\/Task\/(\w{15,18})$/.exec(path);
    if (byId && call.method === 'PATCH') {
      const existing = tasks.find((t) => t.Id === byId[1]);
      if (!existing) return { status: 404, body: [{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] }] };
      Object.assign(existing, call.body);
      return { status: 204 };
    }
    if (byId && call.method === 'DELETE') {
      const at = tasks.findIndex((t) => t.Id === byId[1]);
      if (at < 0) return { status: 404, body: [{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] }] };
      tasks.splice(at, 1);
      return { status: 204 };
    }
    return undefined;
  }
}
