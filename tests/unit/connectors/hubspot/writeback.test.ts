/**
 * A commitment logged in Glance becomes one HubSpot task on the account's company, closes when the
 * commitment is done or cancelled, and never becomes two tasks however often a push is retried.
 */
import { describe, expect, it } from 'vitest';
import { createHubSpotConnector } from '../../../../lib/connectors/hubspot/index';
import {
  createTaskRequest,
  taskCarriesMarker,
  taskMarker,
  TASK_TO_COMPANY,
  TASK_TO_CONTACT,
  updateTaskRequest,
} from '../../../../lib/connectors/hubspot/writeback';
import type { Commitment } from '../../../../lib/model/bundle';
import type { OutboxEntry } from '../../../../lib/store/db';
import {
  fakeClock,
  fakeFetch,
  json,
  recordedEnvelope,
  recordingsAbsent,
  recordingsNote,
  type Answer,
  type SeenRequest,
} from './fake-hubspot';

function entry(change: Partial<Commitment> & Record<string, unknown> = {}, op: OutboxEntry['op'] = 'upsert'): OutboxEntry {
  const record = {
    id: 'c-123',
    accountId: 'hubspot:company:9001',
    text: 'Send the SSO setup guide before the security review',
    kind: 'sales-promise',
    owner: 'us',
    status: 'open',
    dueDate: '2026-12-15',
    promisedTo: 'grace.hopper@acme-rockets.example',
    ...change,
  };
  return {
    seq: 1,
    createdAt: '2026-12-01T10:00:00.000Z',
    entity: 'commitment',
    entityId: 'c-123',
    accountId: 'hubspot:company:9001',
    op,
    record,
    status: 'pending',
    attempts: 0,
  };
}

describe('HubSpot task requests', () => {
  it('a new commitment is a task due at the due date, not started, on the company and the contact', () => {
    const request = createTaskRequest(entry(), { companyId: '9001', contactId: '501' });
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/crm/v3/objects/tasks');
    expect(request.body.properties).toMatchObject({
      hs_task_subject: 'Promise: Send the SSO setup guide before the security review',
      hs_timestamp: '2026-12-15T00:00:00Z',
      hs_task_status: 'NOT_STARTED',
      hs_task_type: 'TODO',
    });
    expect(request.body.properties.hs_task_body).toContain('Promised to: grace.hopper@acme-rockets.example');
    expect(request.body.associations).toEqual([
      { to: { id: '9001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_COMPANY }] },
      { to: { id: '501' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_CONTACT }] },
    ]);
    expect(taskCarriesMarker(request.body.properties, 'c-123')).toBe(true);
  });

  it('without a due date the task is due when the commitment was logged', () => {
    expect(createTaskRequest(entry({ dueDate: undefined }), {}).body.properties.hs_timestamp).toBe('2026-12-01T10:00:00.000Z');
  });

  it('done, cancelled and deleted commitments complete the task; the body says which', () => {
    const done = updateTaskRequest(entry({ status: 'done' }), '777');
    expect(done).toMatchObject({
      method: 'PATCH',
      path: '/crm/v3/objects/tasks/777',
      body: { properties: { hs_task_status: 'COMPLETED' } },
    });
    expect(done.body.properties.hs_task_body).not.toContain('Cancelled');
    expect(updateTaskRequest(entry({ status: 'cancelled' }), '777').body.properties).toMatchObject({
      hs_task_status: 'COMPLETED',
      hs_task_body: expect.stringContaining('Cancelled in Glance.'),
    });
    expect(updateTaskRequest(entry({}, 'delete'), '777').body.properties.hs_task_status).toBe('COMPLETED');
  });

  it('each commitment has its own searchable marker; another commitment’s body does not carry it', () => {
    expect(taskMarker('c-123').token).toMatch(/^glance[0-9a-f]{16}$/);
    expect(taskMarker('c-123')).toEqual(taskMarker('c-123'));
    expect(taskMarker('c-124').token).not.toBe(taskMarker('c-123').token);
    expect(taskCarriesMarker(createTaskRequest(entry(), {}).body.properties, 'c-124')).toBe(false);
  });

  it('an outbox entry without commitment text is refused with the commitment named', () => {
    expect(() => createTaskRequest(entry({ text: '' }), {})).toThrow('Outbox entry for commitment c-123 has no commitment text to write');
  });
});

/** A HubSpot that keeps tasks, finds them by body token, and can lose the answer to a create. */
function taskServer(options: { loseCreateAnswers?: number; markerProperty?: string; searchLags?: boolean } = {}) {
  const tasks = new Map<string, Record<string, string>>();
  const companyOf = new Map<string, string>();
  let lose = options.loseCreateAnswers ?? 0;
  let next = 477_000;
  const handler = (r: SeenRequest): Answer => {
    const body = r.body as {
      properties?: Record<string, string>;
      filterGroups?: Array<{ filters: Array<{ propertyName: string; operator: string; value: string }> }>;
      associations?: Array<{ to: { id: string } }>;
      inputs?: Array<{ id: string }>;
    };
    if (r.method === 'POST' && r.url.pathname === '/crm/v3/objects/tasks') {
      const id = String(next++);
      tasks.set(id, { ...body.properties! });
      if (body.associations?.[0]) companyOf.set(id, body.associations[0].to.id);
      if (lose-- > 0) return new TypeError('network connection was lost');
      return json({ id, properties: body.properties, archived: false }, 201);
    }
    if (r.url.pathname === '/crm/v3/objects/tasks/search') {
      const { propertyName, operator, value } = body.filterGroups![0].filters[0];
      // A lagging search index finds nothing yet.
      const results = [...tasks]
        .filter(() => !options.searchLags)
        .filter(([, p]) => (operator === 'EQ' ? p[propertyName] === value : (p[propertyName] ?? '').split(/[^A-Za-z0-9]+/).includes(value)))
        .map(([id, properties]) => ({ id, properties }));
      return json({ total: results.length, results });
    }
    const linked = /^\/crm\/v4\/objects\/companies\/(\d+)\/associations\/tasks$/.exec(r.url.pathname);
    if (linked) return json({ results: [...companyOf].filter(([, c]) => c === linked[1]).map(([id]) => ({ toObjectId: Number(id) })) });
    if (r.url.pathname === '/crm/v3/objects/tasks/batch/read')
      return json({ status: 'COMPLETE', results: body.inputs!.map(({ id }) => ({ id, properties: tasks.get(id) })) });
    const patch = /^\/crm\/v3\/objects\/tasks\/(\d+)$/.exec(r.url.pathname);
    if (r.method === 'PATCH' && patch) {
      Object.assign(tasks.get(patch[1])!, body.properties);
      return json({ id: patch[1], properties: tasks.get(patch[1]) });
    }
    return json({ status: 'error', message: 'not found' }, 404);
  };
  const fake = fakeFetch(handler);
  const hubspot = createHubSpotConnector({
    accessToken: 'pat-test',
    fetch: fake.fetch,
    clock: fakeClock(),
    random: () => 0,
    markerProperty: options.markerProperty,
  });
  return { hubspot, tasks, seen: fake.seen };
}

describe('HubSpot push, exactly once', () => {
  it('the first push creates the task on the company', async () => {
    const { hubspot, tasks, seen } = taskServer();
    const result = await hubspot.push(entry());
    expect(result.remoteId).toBe('477000');
    expect(tasks.size).toBe(1);
    expect(seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /crm/v3/objects/tasks/search',
      'GET /crm/v4/objects/companies/9001/associations/tasks',
      'POST /crm/v3/objects/tasks',
    ]);
    expect((seen[2].body as { associations: Array<{ to: { id: string } }> }).associations[0].to.id).toBe('9001');
  });

  it('a create whose answer was lost is not made twice: the retry finds the task and updates it', async () => {
    const { hubspot, tasks } = taskServer({ loseCreateAnswers: 1 });
    await expect(hubspot.push(entry())).rejects.toMatchObject({ kind: 'transient' });
    expect(tasks.size).toBe(1);
    const retry = await hubspot.push(entry());
    expect(retry.remoteId).toBe('477000');
    expect(tasks.size).toBe(1);
  });

  it('a retry finds the task through the company when search has not indexed the lost create yet', async () => {
    const { hubspot, tasks, seen } = taskServer({ loseCreateAnswers: 1, searchLags: true });
    await expect(hubspot.push(entry())).rejects.toMatchObject({ kind: 'transient' });
    const retry = await hubspot.push(entry());
    expect(retry.remoteId).toBe('477000');
    expect(tasks.size).toBe(1);
    expect(seen.at(-1)!.method).toBe('PATCH');
  });

  it('with a marker property set up in the portal, the task carries the commitment id there and the retry finds it by it', async () => {
    const { hubspot, tasks, seen } = taskServer({ loseCreateAnswers: 1, markerProperty: 'glance_commitment_id' });
    await expect(hubspot.push(entry())).rejects.toMatchObject({ kind: 'transient' });
    await hubspot.push(entry({ status: 'done' }));
    expect(tasks.size).toBe(1);
    expect(tasks.get('477000')).toMatchObject({ glance_commitment_id: 'c-123', hs_task_status: 'COMPLETED' });
    expect((seen.at(-2)!.body as { filterGroups: unknown }).filterGroups).toEqual([
      { filters: [{ propertyName: 'glance_commitment_id', operator: 'EQ', value: 'c-123' }] },
    ]);
  });

  it('a commitment cancelled or deleted before it reached HubSpot makes no task', async () => {
    const { hubspot, tasks } = taskServer();
    await hubspot.push(entry({ status: 'cancelled' }));
    await hubspot.push(entry({}, 'delete'));
    expect(tasks.size).toBe(0);
  });

  it('marking the commitment done completes the same task', async () => {
    const { hubspot, tasks } = taskServer();
    await hubspot.push(entry());
    await hubspot.push(entry({ status: 'done' }));
    expect(tasks.size).toBe(1);
    expect(tasks.get('477000')!.hs_task_status).toBe('COMPLETED');
  });

  it('an account that did not come from HubSpot is linked through the company id the store knows', async () => {
    const fake = fakeFetch((r) =>
      r.url.pathname.endsWith('/search') || r.method === 'GET' ? json({ total: 0, results: [] }) : json({ id: '9' }, 201),
    );
    const hubspot = createHubSpotConnector({
      accessToken: 't',
      fetch: fake.fetch,
      clock: fakeClock(),
      companyIdFor: async (id) => (id === 'acme' ? '9001' : undefined),
    });
    await hubspot.push({ ...entry(), accountId: 'acme' });
    expect(
      (fake.seen.find((r) => r.url.pathname === '/crm/v3/objects/tasks')!.body as { associations: Array<{ to: { id: string } }> })
        .associations,
    ).toEqual([{ to: { id: '9001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] }]);
  });

  it('an entry that is not a commitment is refused for good, not retried', async () => {
    const { hubspot } = taskServer();
    await expect(hubspot.push({ ...entry(), entity: 'contact' })).rejects.toMatchObject({
      kind: 'permanent',
      message: 'HubSpot write-back takes commitments, not contact records',
    });
  });
});

describe.skipIf(recordingsAbsent)(`HubSpot tasks against recorded requests${recordingsNote}`, () => {
  it('the create request uses the property names and association shape HubSpot accepted', () => {
    const recordedTask = recordedEnvelope('task-create.json').request!.data as { properties: Record<string, string> };
    const recordedNote = recordedEnvelope('note-create.json').request!.data as { associations: Array<{ types: unknown[] }> };
    const ours = createTaskRequest(entry(), { companyId: '9001' }).body;
    for (const name of ['hs_task_subject', 'hs_timestamp', 'hs_task_status', 'hs_task_type'])
      expect(Object.keys(recordedTask.properties)).toContain(name);
    expect(Object.keys(ours.properties)).toEqual(
      expect.arrayContaining(Object.keys(recordedTask.properties).filter((k) => k !== 'hs_task_priority')),
    );
    expect(Object.keys(ours.associations![0].types[0]).sort()).toEqual(Object.keys(recordedNote.associations[0].types[0] as object).sort());
  });

  it('the recorded create answer gives the task id; the recorded update shows COMPLETED sticks', async () => {
    const created = recordedEnvelope('task-create.json');
    const fake = fakeFetch((r) =>
      r.url.pathname.endsWith('/search') || r.method === 'GET' ? json({ total: 0, results: [] }) : json(created.response, created.status),
    );
    const hubspot = createHubSpotConnector({ accessToken: 't', fetch: fake.fetch, clock: fakeClock() });
    await expect(hubspot.push(entry())).resolves.toEqual({ remoteId: '477970581703' });
    const updated = recordedEnvelope('task-update.json');
    expect((updated.request!.data as { properties: Record<string, string> }).properties.hs_task_status).toBe('COMPLETED');
    expect((updated.response as { properties: Record<string, string> }).properties.hs_task_status).toBe('COMPLETED');
  });
});
