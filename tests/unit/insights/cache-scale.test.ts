import { describe, expect, it, vi } from 'vitest';
import { createInsightsCache, type InsightsStore } from '../../../lib/insights/cache';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { GlanceDB } from '../../../lib/store/db';
import { insightsStore } from '../../../lib/store/insights';
import { writeRecords } from '../../../lib/store/records';
import { freshDbName, NOW, smallBook } from '../service/harness';

/** The small book in a fresh store; `cache()` is a service worker started (again) over it. */
async function setUp() {
  const db = new GlanceDB(freshDbName());
  await writeRecords(db, smallBook, { at: NOW.toISOString(), source: 'file', name: 'small', rejected: 0 });
  let settings = DEFAULT_SETTINGS;
  const store = insightsStore(db, { settings: async () => settings });
  const cache = (over: Partial<InsightsStore> = {}, waitForPassUpTo?: number, onPassDone?: () => void) =>
    createInsightsCache({ store: { ...store, ...over }, now: () => NOW, waitForPassUpTo, onPassDone });
  return { db, store, cache, setSettings: (next: typeof settings) => (settings = next) };
}

describe('insights cache at scale', () => {
  it('refreshes a changed account’s row without loading the whole cache (a worker woken by one change)', async () => {
    const { db, cache } = await setUp();
    await cache().refreshAll();
    const readCache = vi.fn(async () => []);
    const woken = cache({ readCache });
    const commitment = (await db.commitments.where('accountId').equals('acc-harbor').first())!;
    await db.commitments.put({ ...commitment, status: 'done' });
    woken.markChanged({ accountIds: ['acc-harbor'] });
    expect(await woken.settleChanged()).toEqual({ checked: 1, recomputed: 1, removed: 0 });
    expect(readCache).not.toHaveBeenCalled();
    expect((await db.insights.get('acc-harbor'))?.insight.dueCommitments).toEqual([]);
  });

  it('answers a big book from the rows it has while a pass checks every account, then says the pass is done', async () => {
    const { db, cache } = await setUp();
    await cache().refreshAll();
    const account = (await db.accounts.get('acc-pico'))!;
    await db.accounts.put({ ...account, arr: 1 });
    // "Big" here is anything over one account: the pass is not waited for.
    const passDone = vi.fn();
    const insights = cache({}, 1, passDone);
    insights.markChanged({});
    const first = await insights.all();
    expect(first.find((r) => r.accountId === 'acc-pico')?.arr).toBe(9000);
    expect(insights.updating).toBe(true);
    await insights.settle();
    expect(insights.updating).toBe(false);
    expect(passDone).toHaveBeenCalledTimes(1);
    expect((await insights.all()).find((r) => r.accountId === 'acc-pico')?.arr).toBe(1);
  });

  it('waits for the pass on a small book, so it never shows rows from before a change', async () => {
    const { db, cache } = await setUp();
    await cache().refreshAll();
    const account = (await db.accounts.get('acc-pico'))!;
    await db.accounts.put({ ...account, arr: 1 });
    const passDone = vi.fn();
    const small = cache({}, undefined, passDone);
    small.markChanged({});
    expect((await small.all()).find((r) => r.accountId === 'acc-pico')?.arr).toBe(1);
    // Nobody saw the older row: no page needs telling.
    expect(passDone).not.toHaveBeenCalled();
  });

  it('remembers a pass that was asked for when the worker stops before it ran', async () => {
    const { db, cache } = await setUp();
    await cache().refreshAll();
    const account = (await db.accounts.get('acc-pico'))!;
    await db.accounts.put({ ...account, arr: 1 });
    cache().markChanged({});
    await vi.waitFor(async () => expect(await db.settings.get('insights.passPending')).toBeDefined());
    const restarted = cache();
    expect(await restarted.settle()).toEqual({ checked: 3, recomputed: 1, removed: 0 });
    expect(await db.settings.get('insights.passPending')).toBeUndefined();
  });

  it('runs no pass for a settings change that leaves the playbook as it was, and one when it moves', async () => {
    const { cache, setSettings } = await setUp();
    const insights = cache();
    await insights.refreshAll();
    insights.markChanged({ settingsChanged: true });
    expect(await insights.settle()).toBeNull();
    setSettings({ ...DEFAULT_SETTINGS, bands: { ...DEFAULT_SETTINGS.bands, green: 95 } });
    insights.markChanged({ settingsChanged: true });
    expect((await insights.settle())?.recomputed).toBe(3);
  });

  it('hands the sidebar the insights it just judged for a change, and keeps the book’s row when the sidebar judged first', async () => {
    const { db, store, cache } = await setUp();
    const insights = cache();
    await insights.refreshAll();
    const commitment = (await db.commitments.where('accountId').equals('acc-harbor').first())!;
    await db.commitments.put({ ...commitment, status: 'done' });
    const [data] = await store.loadAccounts(['acc-harbor']);
    // The sidebar asks before the change's refresh ran: it judges, and the book's row follows.
    const judged = await insights.detail(data);
    expect(judged.overdueCommitmentIds).not.toContain(commitment.id);
    await vi.waitFor(() => expect(insights.get('acc-harbor')?.dueCommitments).toEqual([]));
    insights.markChanged({ accountIds: ['acc-harbor'] });
    expect(await insights.settle()).toEqual({ checked: 1, recomputed: 0, removed: 0 });
    expect(await insights.detail(data)).toBe(judged);
  });
});
