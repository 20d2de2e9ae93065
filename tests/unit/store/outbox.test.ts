import { afterEach, describe, expect, it } from 'vitest';
import { enqueue, pendingEntries, pruneSent, recordDelivery, requeueFailed } from '../../../lib/outbox/outbox';
import { GlanceDB } from '../../../lib/store/db';

let db: GlanceDB;
afterEach(() => db?.close());

const change = (entityId: string) => ({
  entity: 'commitment' as const,
  entityId,
  accountId: 'acc-1',
  op: 'upsert' as const,
  record: { id: entityId },
});

describe('outbox', () => {
  it('hands out pending changes oldest first and keeps each CRM’s delivery on the entry', async () => {
    db = new GlanceDB('glance-outbox-1');
    const at = new Date('2026-11-05T10:00:00.000Z');
    const [first, second] = [await enqueue(db, change('cm-1'), at), await enqueue(db, change('cm-2'), at)];
    expect((await pendingEntries(db)).map((e) => [e.entityId, e.status, e.attempts, e.createdAt])).toEqual([
      ['cm-1', 'pending', 0, at.toISOString()],
      ['cm-2', 'pending', 0, at.toISOString()],
    ]);

    // Sent to HubSpot, Salesforce still to go: pending until both have it.
    await recordDelivery(db, first!, 'hubspot', { state: 'sent', remoteId: 'task-1', attempts: 0 }, ['hubspot', 'salesforce'], at);
    expect(await db.outbox.get(first!)).toMatchObject({ status: 'pending', delivery: { hubspot: { state: 'sent', remoteId: 'task-1' } } });
    await recordDelivery(db, first!, 'salesforce', { state: 'sent', remoteId: '00T1', attempts: 0 }, ['hubspot', 'salesforce'], at);
    expect(await db.outbox.get(first!)).toMatchObject({ status: 'sent', sentAt: at.toISOString() });

    await recordDelivery(db, second!, 'hubspot', { state: 'failed', attempts: 1, lastError: 'HubSpot rejected it (400)' }, ['hubspot'], at);
    expect(await pendingEntries(db)).toEqual([]);
    // Kept, not lost: a failed change stays for the user to see and retry.
    expect(await db.outbox.get(second!)).toMatchObject({ status: 'failed', lastError: 'HubSpot rejected it (400)' });
    expect(await requeueFailed(db, 'cm-2')).toBe(1);
    expect(await pendingEntries(db)).toMatchObject([{ entityId: 'cm-2', attempts: 0, delivery: { hubspot: { state: 'pending' } } }]);

    // Listed for a day once sent, then dropped.
    expect(await pruneSent(db, new Date(at.getTime() + 60_000))).toBe(0);
    expect(await pruneSent(db, new Date(at.getTime() + 25 * 3600_000))).toBe(1);
    expect(await db.outbox.get(first!)).toBeUndefined();
  });
});
