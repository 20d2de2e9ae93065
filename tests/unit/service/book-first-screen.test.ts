/** The book's opening answer across a restart of the background (a stopped service worker). */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_QUERY } from '../../../lib/book/query';
import type { FirstScreen } from '../../../lib/book/first-screen';
import { freshDbName, startService } from './harness';

const OPENING = { query: DEFAULT_QUERY, offset: 0, limit: 100 };
const KEY = 'book.firstScreen';

/** A background that answered the opening query once and kept the answer. */
async function openedOnce() {
  const dbName = freshDbName();
  const first = startService(undefined, { dbName });
  await first.run('sample.load', {});
  const shown = await first.run('book.query', OPENING);
  await vi.waitFor(async () => expect(await first.db.settings.get(KEY)).toBeDefined());
  return { dbName, first, shown };
}

const visible = (page: { rows: { accountId: string; topActionPriority: number }[]; inView: number; counts: object; total: number }) => ({
  ids: page.rows.map((r) => r.accountId),
  inView: page.inView,
  counts: page.counts,
  total: page.total,
});

describe('the opening answer after the background restarts', () => {
  it('is the one the last background showed', async () => {
    const { dbName, shown } = await openedOnce();
    const restarted = startService(undefined, { dbName });
    expect(visible(await restarted.run('book.query', OPENING))).toEqual(visible(shown));
  });

  it('comes from the kept answer, and pages are told to ask again when the whole cache says otherwise', async () => {
    const { dbName, first } = await openedOnce();
    // As if the clock had moved an account past a filter since the answer was kept.
    const kept = (await first.db.settings.get(KEY))!.value as FirstScreen;
    await first.db.settings.put({
      key: KEY,
      value: { ...kept, counts: { ...kept.counts, 'no-touch-30': kept.counts['no-touch-30'] + 7 } },
    });
    const restarted = startService(undefined, { dbName });
    const early = await restarted.run('book.query', OPENING);
    expect(early.counts['no-touch-30']).toBe(kept.counts['no-touch-30'] + 7);
    await vi.waitFor(() => expect(restarted.broadcast).toHaveBeenCalledWith(expect.objectContaining({ topics: ['insights'] })));
    expect((await restarted.run('book.query', OPENING)).counts).toEqual(kept.counts);
  });

  it('is dropped by a change, so a restarted background shows the change', async () => {
    const { dbName, first, shown } = await openedOnce();
    const shownIds = new Set(shown.rows.map((r) => r.accountId));
    const commitment = (await first.run('book.today', { scope: 'all' })).items.find((item) => shownIds.has(item.accountId))!;
    await first.run('commitment.setStatus', { id: commitment.id, status: 'done' });
    // Dropped as the change is heard, before the account's row is worked out again.
    await vi.waitFor(async () => expect(await first.db.settings.get(KEY)).toBeUndefined());
    // The background works the changed account out at once (here on the next read of another view).
    await first.run('book.query', { ...OPENING, query: { ...DEFAULT_QUERY, scope: 'all' } });
    const restarted = startService(undefined, { dbName });
    const row = (await restarted.run('book.query', OPENING)).rows.find((r) => r.accountId === commitment.accountId)!;
    expect(row.dueCommitments.map((c) => c.id)).not.toContain(commitment.id);
  });

  it('is not kept for any other query', async () => {
    const { run, db } = startService();
    await run('sample.load', {});
    await run('book.query', { ...OPENING, query: { ...DEFAULT_QUERY, filters: ['at-risk'] } });
    await run('book.query', { ...OPENING, query: { ...DEFAULT_QUERY, scope: 'all' } });
    expect(await db.settings.get(KEY)).toBeUndefined();
  });
});
