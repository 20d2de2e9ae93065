import { afterEach, describe, expect, it } from 'vitest';
import { changeEvent } from '../../../lib/messages/server';
import { exportBundle } from '../../../lib/store/records';
import { bookRecords, NOW, smallBook, startService } from './harness';

let service: ReturnType<typeof startService>;
afterEach(() => service?.db.close());

const INTERRUPTED = /This import was interrupted .*Nothing was changed/;

describe('import.begin / chunk / commit', () => {
  it('validates chunks, writes everything at commit, logs the import and tells open pages', async () => {
    service = startService();
    const { run, db, broadcast } = service;
    const { importId } = await run('import.begin', { name: 'book.json' });
    const first = await run('import.chunk', { importId, type: 'accounts', offset: 0, records: smallBook.accounts.slice(0, 2) });
    const second = await run('import.chunk', {
      importId,
      type: 'accounts',
      offset: 2,
      records: [smallBook.accounts[2], { id: 'acc-bad', name: 'Bad ARR', arr: 'lots' }],
    });
    await run('import.chunk', { importId, type: 'contacts', offset: 0, records: smallBook.contacts! });
    expect(first).toEqual({ accepted: 2, rejected: [] });
    expect(second).toEqual({ accepted: 1, rejected: [{ path: 'accounts[3]', id: 'acc-bad', reason: 'arr: expected a number' }] });
    // Nothing lands before commit.
    expect(await db.accounts.count()).toBe(0);
    expect(broadcast).not.toHaveBeenCalled();
    // The options page's counts, kept until the next write: the commit below must not leave them stale.
    expect((await run('store.summary', {})).counts).toMatchObject({ accounts: 0, contacts: 0 });

    const { counts, done, written, total } = await run('import.commit', { importId });
    expect({ done, written, total }).toEqual({ done: true, written: 6, total: 6 });
    expect(counts).toEqual({ accounts: 3, contacts: 3, usage: 0, tickets: 0, commitments: 0, activities: 0 });
    expect((await db.accounts.toArray()).map((a) => a.id).sort()).toEqual(['acc-harbor', 'acc-lumen', 'acc-pico']);
    expect(broadcast).toHaveBeenCalledExactlyOnceWith(changeEvent(['records', 'commitments']));

    const summary = await run('store.summary', {});
    expect(summary.lastImport).toMatchObject({ at: NOW.toISOString(), source: 'file', name: 'book.json', rejected: 1, counts });
    expect(summary.counts.accounts).toBe(3);
  });

  it('refuses to commit an import it does not know, writing nothing', async () => {
    service = startService();
    const { run, db, broadcast } = service;
    await expect(run('import.commit', { importId: 'import-1700000000000-1' })).rejects.toThrow(INTERRUPTED);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.importLog.count()).toBe(0);
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('refuses to commit an aborted import, and writes a committed import once however often it is asked', async () => {
    service = startService();
    const { run, db } = service;
    const aborted = await run('import.begin', { name: 'a.json' });
    await run('import.chunk', { importId: aborted.importId, type: 'accounts', offset: 0, records: smallBook.accounts });
    expect(await run('import.abort', { importId: aborted.importId })).toEqual({ state: 'discarded' });
    await expect(run('import.commit', aborted)).rejects.toThrow(INTERRUPTED);
    expect(await db.accounts.count()).toBe(0);

    const once = await run('import.begin', { name: 'b.json' });
    await run('import.chunk', { importId: once.importId, type: 'accounts', offset: 0, records: smallBook.accounts });
    const first = await run('import.commit', once);
    // A repeated request (the page retrying after a restart) gets the same answer and writes nothing more.
    expect(await run('import.commit', once)).toEqual(first);
    expect(await db.importLog.count()).toBe(1);
    expect(await db.accounts.count()).toBe(3);
  });
});

// fake-indexeddb deletes a record at a time in linear time, so removing the sample's few thousand
// usage points takes seconds here (milliseconds in a browser): one test covers load and remove.
describe('sample.load / sample.remove', () => {
  it("loads the sample book beside the user's book and removes only the sample, with what hangs off it", { timeout: 60_000 }, async () => {
    service = startService();
    const { run, db, broadcast, importRecords } = service;
    await importRecords('book.json', bookRecords());
    const before = await exportBundle(db, NOW);

    const { counts } = await run('sample.load', {});
    expect(counts.accounts).toBeGreaterThan(0);
    const loaded = await run('store.summary', {});
    expect(loaded.sampleAccounts).toBe(counts.accounts);
    expect(loaded.counts.accounts).toBe(counts.accounts + smallBook.accounts.length);
    expect(loaded.lastImport).toMatchObject({ source: 'sample', name: 'Sample book' });
    // A promise the user logged on a sample account goes with it (its id is not a sample id).
    const sampleAccount = (await db.accounts.where('id').startsWith('sample-').first())!;
    await run('commitment.save', {
      commitment: { id: 'cm-user', accountId: sampleAccount.id, text: 'Try the sidebar', kind: 'commitment', owner: 'us', status: 'open' },
    });

    broadcast.mockClear();
    const { removedAccounts } = await run('sample.remove', {});
    expect(removedAccounts).toBe(counts.accounts);
    expect(broadcast).toHaveBeenCalledExactlyOnceWith(changeEvent(['records', 'commitments']));
    // The user's own records are exactly as they were, and nothing of the sample is left.
    expect(await exportBundle(db, NOW)).toEqual(before);
    expect(await db.outbox.count()).toBe(0);
    const summary = await run('store.summary', {});
    expect(summary.sampleAccounts).toBe(0);
    expect(summary.lastImport).toMatchObject({ source: 'sample-removed', at: NOW.toISOString() });
  });
});
