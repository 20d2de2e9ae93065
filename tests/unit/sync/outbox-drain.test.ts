import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../lib/connectors/types';
import type { Commitment } from '../../../lib/model/bundle';
import type { GlanceDB } from '../../../lib/store/db';
import { accountId, FakeCrm } from './fake-crm';
import { Clock, startSyncService } from './setup';

const open: GlanceDB[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

const promise = (id: string, text = 'Send the SSO setup guide'): Commitment => ({
  id,
  accountId: accountId(1),
  text,
  kind: 'commitment',
  owner: 'us',
  status: 'open',
  dueDate: '2026-11-12',
});

function crmWithAcme() {
  const crm = new FakeCrm();
  crm.company(1, 'Acme');
  return crm;
}

function service(crm: FakeCrm, options: { dbName?: string; clock?: Clock } = {}) {
  const s = startSyncService({ ...options, connectors: { hubspot: () => crm.connector() } });
  open.push(s.db);
  return s;
}

async function connected(crm = crmWithAcme()) {
  const s = service(crm);
  await s.connectHubSpot();
  return { crm, s };
}

const item = async (s: ReturnType<typeof service>, id: string) =>
  (await s.run('sync.status', {})).outbox.find((i) => i.commitmentId === id);

describe('outbox drain', () => {
  it('changes made before any CRM was connected wait, then go out once it is', async () => {
    const crm = crmWithAcme();
    const s = service(crm);
    await s.db.accounts.put({ id: accountId(1), name: 'Acme', _domains: [], _name: 'acme', _hs: '1' });
    await s.run('commitment.save', { commitment: promise('cm-1') });
    await s.engine.drain();
    expect(crm.pushes).toHaveLength(0);
    expect((await s.run('sync.status', {})).waitingForConnection).toBe(1);
    expect(await item(s, 'cm-1')).toMatchObject({ state: 'pending' });

    await s.connectHubSpot();
    expect(crm.tasks.size).toBe(1);
    expect(await item(s, 'cm-1')).toMatchObject({ state: 'sent', targets: { hubspot: { state: 'sent', remoteId: 'task-1' } } });
  });

  it('a 500, then the retry after the backoff: exactly one task', async () => {
    const { crm, s } = await connected();
    crm.pushFaults.push(new ConnectorError('HubSpot failed on POST /crm/v3/objects/tasks (500)', 'transient', undefined, 500));
    await s.run('commitment.save', { commitment: promise('cm-1') });
    await s.engine.drain();

    const waiting = await item(s, 'cm-1');
    expect(waiting).toMatchObject({ state: 'pending', error: 'HubSpot failed on POST /crm/v3/objects/tasks (500)' });
    expect(Date.parse(waiting!.nextAttemptAt!)).toBeGreaterThan(s.clock.ms);
    expect(s.wakeAt).toHaveBeenLastCalledWith(Date.parse(waiting!.nextAttemptAt!));

    // Not before its time...
    await s.engine.drain();
    expect(crm.pushes).toHaveLength(1);
    // ...then once.
    s.clock.ms = Date.parse(waiting!.nextAttemptAt!);
    await s.engine.drain();
    expect(crm.pushes).toHaveLength(2);
    expect(crm.tasks.size).toBe(1);
    expect(await item(s, 'cm-1')).toMatchObject({ state: 'sent', targets: { hubspot: { remoteId: 'task-1' } } });
  });

  it('the worker stops after the CRM made the task but before Glance recorded it: the next worker finds it, no second task', async () => {
    const crm = crmWithAcme();
    const clock = new Clock();
    const first = service(crm, { clock });
    await first.connectHubSpot();
    crm.pushFaults.push('stop-after-write');
    await first.run('commitment.save', { commitment: promise('cm-1') });
    void first.engine.drain();
    await vi.waitFor(() => expect(crm.tasks.size).toBe(1));
    expect(await item(first, 'cm-1')).toMatchObject({ state: 'pending' });

    const second = service(crm, { dbName: first.dbName, clock });
    await second.engine.resume();
    expect(crm.pushes).toHaveLength(2);
    expect(crm.tasks.size).toBe(1);
    expect(await item(second, 'cm-1')).toMatchObject({ state: 'sent', targets: { hubspot: { remoteId: 'task-1' } } });
  });

  it('429 with Retry-After: nothing goes to that CRM before the time it named, then the queue goes out in order', async () => {
    const { crm, s } = await connected();
    crm.pushFaults.push(new ConnectorError('HubSpot asked to slow down (429 TEN_SECONDLY_ROLLING)', 'rate-limit', 120_000, 429));
    await s.run('commitment.save', { commitment: promise('cm-1') });
    await s.run('commitment.save', { commitment: promise('cm-2', 'Book the QBR') });
    await s.engine.drain();
    expect(crm.pushes.map((p) => p.entityId)).toEqual(['cm-1']);
    expect(Date.parse((await item(s, 'cm-1'))!.nextAttemptAt!)).toBeGreaterThanOrEqual(s.clock.ms + 120_000);

    s.clock.advance(60_000);
    await s.engine.drain();
    expect(crm.pushes).toHaveLength(1);

    s.clock.advance(61_000);
    await s.engine.drain();
    expect(crm.pushes.map((p) => p.entityId)).toEqual(['cm-1', 'cm-1', 'cm-2']);
    expect(crm.tasks.size).toBe(2);
  });

  it('a refused sign-in puts the CRM in reconnect and keeps the change and the data', async () => {
    const { crm, s } = await connected();
    crm.pushFaults.push(
      new ConnectorError('HubSpot refused the token (401): reconnect with a new private-app token', 'auth', undefined, 401),
    );
    await s.run('commitment.save', { commitment: promise('cm-1') });
    await s.engine.drain();

    expect(await s.source('hubspot')).toMatchObject({
      state: 'reconnect',
      error: 'HubSpot refused the token (401): reconnect with a new private-app token',
    });
    expect(await item(s, 'cm-1')).toMatchObject({ state: 'pending' });
    expect(await s.db.accounts.count()).toBe(1);
    await s.engine.drain();
    expect(crm.pushes).toHaveLength(1);

    await s.connectHubSpot('pat-na1-new-token');
    expect(await s.source('hubspot')).toMatchObject({ state: 'ok' });
    expect(await item(s, 'cm-1')).toMatchObject({ state: 'sent' });
  });

  it('refused for good: listed as failed with the reason until "Retry" puts it back in the queue', async () => {
    const { crm, s } = await connected();
    crm.pushFaults.push(
      new ConnectorError('HubSpot rejected POST /crm/v3/objects/tasks (400 VALIDATION_ERROR)', 'permanent', undefined, 400),
    );
    await s.run('commitment.save', { commitment: promise('cm-1') });
    await s.engine.drain();
    expect(await item(s, 'cm-1')).toMatchObject({
      state: 'failed',
      error: 'HubSpot rejected POST /crm/v3/objects/tasks (400 VALIDATION_ERROR)',
    });
    await s.engine.drain();
    expect(crm.pushes).toHaveLength(1);

    expect(await s.run('sync.retry', { commitmentId: 'cm-1' })).toEqual({ requeued: 1 });
    await s.engine.drain();
    expect(await item(s, 'cm-1')).toMatchObject({ state: 'sent' });
    expect(crm.tasks.size).toBe(1);
  });
});
