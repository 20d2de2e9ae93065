import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, importFile, type ImportProgress } from '../../../lib/import/upload';
import type { PayloadOf } from '../../../lib/messages/protocol';
import { accounts, bundleFile, fakeBackground, file } from './fake-background';

describe('importFile', () => {
  it(`sends records in chunks of ${CHUNK_SIZE} with their offsets, reports progress, then commits step by step`, async () => {
    const total = 2 * CHUNK_SIZE + 501;
    const bg = fakeBackground({ commitSteps: [CHUNK_SIZE, total] });
    const progress: ImportProgress[] = [];
    const contacts = [{ id: 'c1', accountId: 'acc-0', name: 'Ann', email: 'ann@a.io' }];
    const outcome = await importFile(bundleFile(accounts(2 * CHUNK_SIZE + 500), contacts), bg.call, {
      onProgress: (p) => progress.push(p),
    });

    expect(outcome).toMatchObject({ ok: true, kept: 2 });
    expect(bg.types()).toEqual([
      'import.begin',
      'import.chunk',
      'import.chunk',
      'import.chunk',
      'import.chunk',
      'import.commit',
      'import.commit',
    ]);
    const chunks = bg.sent.filter((s) => s.type === 'import.chunk').map((s) => s.payload as PayloadOf<'import.chunk'>);
    expect(chunks.map((c) => [c.type, c.offset, c.records.length])).toEqual([
      ['accounts', 0, CHUNK_SIZE],
      ['accounts', CHUNK_SIZE, CHUNK_SIZE],
      ['accounts', 2 * CHUNK_SIZE, 500],
      ['contacts', 0, 1],
    ]);
    expect(chunks.every((c) => c.importId === 'import-1')).toBe(true);
    expect(progress).toEqual([
      { phase: 'reading', done: 0, total: 1 },
      { phase: 'checking', done: CHUNK_SIZE, total },
      { phase: 'checking', done: 2 * CHUNK_SIZE, total },
      { phase: 'checking', done: 2 * CHUNK_SIZE + 500, total },
      { phase: 'checking', done: total, total },
      { phase: 'writing', done: 0, total },
      { phase: 'writing', done: CHUNK_SIZE, total },
      { phase: 'writing', done: total, total },
    ]);
  });

  it('collects the refused records of every chunk with their paths in the file', async () => {
    const bg = fakeBackground();
    const list = accounts(CHUNK_SIZE + 2);
    delete (list[1] as { name?: string }).name;
    delete (list[CHUNK_SIZE + 1] as { name?: string }).name;
    const outcome = await importFile(bundleFile(list), bg.call);
    expect(outcome).toMatchObject({ ok: true, fileName: 'book.json', counts: { accounts: CHUNK_SIZE } });
    expect(outcome.ok && outcome.rejected.map((r) => r.path)).toEqual(['accounts[1]', `accounts[${CHUNK_SIZE + 1}]`]);
  });

  it('aborts the import when a chunk fails, and says nothing was changed', async () => {
    const bg = fakeBackground({ failChunk: 2, error: 'Bad "import.chunk" request: offset too small.' });
    const outcome = await importFile(bundleFile(accounts(CHUNK_SIZE * 3)), bg.call);
    expect(outcome).toEqual({
      ok: false,
      fileName: 'book.json',
      error: 'Import failed: Bad "import.chunk" request: offset too small. Nothing was changed.',
    });
    // The chunk after the failing one was already on its way (two are in flight); nothing is committed.
    expect(bg.types()).toEqual(['import.begin', 'import.chunk', 'import.chunk', 'import.chunk', 'import.abort']);
    expect(bg.sent.at(-1)?.payload).toEqual({ importId: 'import-1' });
  });

  it("tells the background the file's date, so changes made here since are kept", async () => {
    const bg = fakeBackground();
    await importFile(
      file(
        'book.json',
        JSON.stringify({ format: 'glance.bundle', version: 1, generatedAt: '2026-10-01T08:00:00Z', accounts: accounts(1) }),
      ),
      bg.call,
    );
    expect(bg.sent[0]).toEqual({ type: 'import.begin', payload: { name: 'book.json', generatedAt: '2026-10-01T08:00:00Z' } });
  });

  it('asks again when the background was stopped during the commit (it resumes the import on restart)', async () => {
    const bg = fakeBackground({ failCommits: 2, commitSteps: [1] });
    const waits: number[] = [];
    const outcome = await importFile(bundleFile(accounts(1)), bg.call, { wait: async (ms) => void waits.push(ms) });
    expect(outcome.ok).toBe(true);
    expect(bg.types().filter((t) => t === 'import.commit')).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it('gives up after repeated failures, rolls back what was saved, and says so', async () => {
    const bg = fakeBackground({ failCommits: 10, abortState: 'rolling-back' });
    const outcome = await importFile(bundleFile(accounts(1)), bg.call, { wait: async () => undefined });
    expect(outcome).toEqual({
      ok: false,
      fileName: 'book.json',
      error:
        "Import failed: Glance's background could not be reached (worker stopped). The records already saved from this file are being taken out again.",
    });
    expect(bg.types().at(-1)).toBe('import.abort');
  });

  it('says "nothing was changed" once when the background lost the import', async () => {
    const lost = 'This import was interrupted (Glance restarted in the meantime). Nothing was changed: please import the file again.';
    const outcome = await importFile(bundleFile(accounts(3)), fakeBackground({ failChunk: 1, error: lost }).call);
    expect(outcome.ok === false && outcome.error).toBe(`Import failed: ${lost}`);
  });

  it('refuses a file that is not a bundle before sending anything', async () => {
    const bg = fakeBackground();
    const outcome = await importFile(file('notes.json', '{"accounts": []}'), bg.call);
    expect(outcome).toEqual({
      ok: false,
      fileName: 'notes.json',
      error: 'This file is not a Glance bundle: "format" must be "glance.bundle". Nothing was imported.',
    });
    expect(bg.sent).toEqual([]);
  });

  it('reports a file that cannot be read', async () => {
    const bg = fakeBackground();
    const unreadable = { name: 'book.json', arrayBuffer: () => Promise.reject(new Error('permission denied')) };
    const outcome = await importFile(unreadable, bg.call);
    expect(outcome).toEqual({
      ok: false,
      fileName: 'book.json',
      error: 'Could not read the file (permission denied). Nothing was imported.',
    });
    expect(bg.sent).toEqual([]);
  });

  it('reads a .csv file as a CSV export', async () => {
    const bg = fakeBackground();
    await importFile(file('Accounts.CSV', 'Id,Name\nacc-1,Acme\n'), bg.call);
    const chunk = bg.sent.find((s) => s.type === 'import.chunk')?.payload as PayloadOf<'import.chunk'>;
    expect(chunk).toMatchObject({ type: 'accounts', offset: 0, records: [{ id: 'acc-1', name: 'Acme' }] });
  });
});
