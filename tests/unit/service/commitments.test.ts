import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Commitment } from '../../../lib/model/bundle';
import { changeEvent } from '../../../lib/messages/server';
import { bookRecords, NOW, startService } from './harness';

let service: ReturnType<typeof startService>;
afterEach(() => {
  vi.restoreAllMocks();
  service?.db.close();
});

const promise: Commitment = {
  id: 'cm-new',
  accountId: 'acc-lumen',
  text: 'Send the export fix timeline',
  kind: 'commitment',
  owner: 'us',
  dueDate: '2026-11-12',
  status: 'open',
  source: { type: 'email', threadId: 'FMfcgzQXJWbN' },
};

describe('commitment.save', () => {
  it('writes the commitment and its outbox entry, and tells pages showing the account', async () => {
    service = startService();
    const { run, db, broadcast, importRecords } = service;
    await importRecords('book.json', bookRecords());
    broadcast.mockClear();

    // Stamped with when it changed here, so a re-import of an older file does not revert it.
    const saved = { ...promise, updatedAt: NOW.toISOString() };
    expect(await run('commitment.save', { commitment: promise })).toEqual(saved);
    expect(await db.commitments.get('cm-new')).toEqual(saved);
    expect(await db.outbox.toArray()).toEqual([
      {
        seq: 1,
        createdAt: NOW.toISOString(),
        entity: 'commitment',
        entityId: 'cm-new',
        accountId: 'acc-lumen',
        op: 'upsert',
        record: saved,
        status: 'pending',
        attempts: 0,
      },
    ]);
    expect(broadcast).toHaveBeenCalledExactlyOnceWith(changeEvent(['commitments'], ['acc-lumen']));
    expect((await run('store.summary', {})).outboxPending).toBe(1);
  });

  it('refuses a commitment for an account Glance does not have, writing neither record nor outbox entry', async () => {
    service = startService();
    const { run, db, broadcast, importRecords } = service;
    await importRecords('book.json', bookRecords());
    broadcast.mockClear();
    await expect(run('commitment.save', { commitment: { ...promise, accountId: 'acc-gone' } })).rejects.toThrow(
      'No account "acc-gone" in Glance: the promise was not saved.',
    );
    expect(await db.commitments.get('cm-new')).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('keeps no commitment whose outbox entry could not be written', async () => {
    service = startService();
    const { run, db, importRecords } = service;
    await importRecords('book.json', bookRecords());
    vi.spyOn(db.outbox, 'add').mockImplementation(() => {
      throw new Error('quota exceeded');
    });
    await expect(run('commitment.save', { commitment: promise })).rejects.toThrow('quota exceeded');
    expect(await db.commitments.get('cm-new')).toBeUndefined();
  });
});

describe('commitment.setStatus', () => {
  it('changes only the status and queues the updated record for the CRMs', async () => {
    service = startService();
    const { run, db, broadcast, importRecords } = service;
    await importRecords('book.json', bookRecords());
    broadcast.mockClear();

    const done = await run('commitment.setStatus', { id: 'cm-1', status: 'done' });
    expect(done).toMatchObject({
      id: 'cm-1',
      accountId: 'acc-harbor',
      text: 'Send the security questionnaire',
      dueDate: '2026-11-06',
      status: 'done',
    });
    expect(await db.commitments.get('cm-1')).toEqual(done);
    expect(await db.outbox.toArray()).toMatchObject([
      { entity: 'commitment', entityId: 'cm-1', accountId: 'acc-harbor', op: 'upsert', record: done, status: 'pending' },
    ]);
    expect(broadcast).toHaveBeenCalledExactlyOnceWith(changeEvent(['commitments'], ['acc-harbor']));
  });

  it('refuses an unknown commitment without queuing anything', async () => {
    service = startService();
    const { run, db } = service;
    await expect(run('commitment.setStatus', { id: 'cm-404', status: 'cancelled' })).rejects.toThrow('No commitment "cm-404" in Glance.');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('commitment.update', () => {
  it('keeps both changes when two tabs change the same commitment from their own copies', async () => {
    service = startService();
    const { run, db, importRecords } = service;
    await importRecords('book.json', bookRecords());
    const stored = (await db.commitments.get('cm-1'))!;
    // Both tabs loaded cm-1; the first edits its text, then the second, still showing the old
    // text, marks it done.
    const tabA = { ...stored };
    const tabB = { ...stored };
    await run('commitment.update', { id: tabA.id, patch: { text: 'Send the security questionnaire and the SOC 2 report' } });
    await run('commitment.update', { id: tabB.id, patch: { status: 'done' } });

    expect(await db.commitments.get('cm-1')).toEqual({
      ...stored,
      text: 'Send the security questionnaire and the SOC 2 report',
      status: 'done',
      updatedAt: NOW.toISOString(),
    });
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => (e.record as Commitment).status)).toEqual(['open', 'done']);
    expect(outbox[1]).toMatchObject({ entityId: 'cm-1', op: 'upsert', record: await db.commitments.get('cm-1') });
  });

  it('removes the due date when the patch sets it to null, and changes nothing else', async () => {
    service = startService();
    const { run, db, broadcast, importRecords } = service;
    await importRecords('book.json', bookRecords());
    broadcast.mockClear();
    const { dueDate: _due, ...others } = (await db.commitments.get('cm-1'))!;
    // The change is stamped, so that re-importing an older file does not revert it.
    const rest = { ...others, updatedAt: NOW.toISOString() };
    expect(await run('commitment.update', { id: 'cm-1', patch: { dueDate: null } })).toEqual(rest);
    expect(await db.commitments.get('cm-1')).toEqual(rest);
    expect(broadcast).toHaveBeenCalledExactlyOnceWith(changeEvent(['commitments'], ['acc-harbor']));
  });

  it('queues nothing for a patch that changes nothing', async () => {
    service = startService();
    const { run, db, importRecords } = service;
    await importRecords('book.json', bookRecords());
    await run('commitment.update', { id: 'cm-1', patch: { status: 'open' } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses an unknown commitment without queuing anything', async () => {
    service = startService();
    const { run, db } = service;
    await expect(run('commitment.update', { id: 'cm-404', patch: { status: 'done' } })).rejects.toThrow(
      'No commitment "cm-404" in Glance.',
    );
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('commitment.save, sent again', () => {
  it('stores a retried save of the same promise once, with one outbox entry', async () => {
    service = startService();
    const { run, db, importRecords } = service;
    await importRecords('book.json', bookRecords());
    const before = await db.commitments.count();
    await run('commitment.save', { commitment: promise });
    expect(await run('commitment.save', { commitment: { ...promise } })).toEqual({ ...promise, updatedAt: NOW.toISOString() });
    expect(await db.commitments.count()).toBe(before + 1);
    expect(
      await db.commitments
        .where('accountId')
        .equals('acc-lumen')
        .filter((c) => c.text === promise.text)
        .count(),
    ).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('updates the stored promise when a save with the same id brings other content', async () => {
    service = startService();
    const { run, db, importRecords } = service;
    await importRecords('book.json', bookRecords());
    await run('commitment.save', { commitment: promise });
    await run('commitment.save', { commitment: { ...promise, dueDate: '2026-11-19' } });
    expect(await db.commitments.get('cm-new')).toEqual({ ...promise, dueDate: '2026-11-19', updatedAt: NOW.toISOString() });
    expect((await db.outbox.toArray()).map((e) => (e.record as Commitment).dueDate)).toEqual(['2026-11-12', '2026-11-19']);
  });
});
