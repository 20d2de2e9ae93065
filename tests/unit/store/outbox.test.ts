import { afterEach, describe, expect, it } from 'vitest';
import { enqueue, markDelivered, markFailed, pendingEntries } from '../../../lib/outbox/outbox';
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
  it('hands out pending changes oldest first, drops delivered ones, and gives up after five failures', async () => {
    db = new GlanceDB('glance-outbox-1');
    const at = new Date('2026-11-05T10:00:00.000Z');
    const [first, second] = [await enqueue(db, change('cm-1'), at), await enqueue(db, change('cm-2'), at)];
    expect((await pendingEntries(db)).map((e) => [e.entityId, e.status, e.attempts, e.createdAt])).toEqual([
      ['cm-1', 'pending', 0, at.toISOString()],
      ['cm-2', 'pending', 0, at.toISOString()],
    ]);

    await markDelivered(db, first!);
    for (let attempt = 1; attempt <= 4; attempt++) await markFailed(db, second!, `HTTP 503 (${attempt})`);
    expect(await pendingEntries(db)).toMatchObject([{ entityId: 'cm-2', attempts: 4, lastError: 'HTTP 503 (4)', status: 'pending' }]);

    await markFailed(db, second!, 'HTTP 503 (5)');
    expect(await pendingEntries(db)).toEqual([]);
    // Kept, not lost: a failed change stays for the user to see and retry.
    expect(await db.outbox.get(second!)).toMatchObject({ status: 'failed', attempts: 5, lastError: 'HTTP 503 (5)' });
  });
});
