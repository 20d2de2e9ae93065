import { describe, expect, it } from 'vitest';
import { createInsightsCache } from '../../../lib/insights/cache';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { GlanceDB } from '../../../lib/store/db';
import { insightsStore } from '../../../lib/store/insights';
import { writeRecords } from '../../../lib/store/records';
import { freshDbName, NOW, smallBook } from '../service/harness';

async function setUp(now = NOW) {
  const db = new GlanceDB(freshDbName());
  await writeRecords(db, smallBook, { at: NOW.toISOString(), source: 'file', name: 'small', rejected: 0 });
  let clock = now;
  const cache = () => createInsightsCache({ store: insightsStore(db, { settings: async () => DEFAULT_SETTINGS }), now: () => clock });
  return { db, cache, setClock: (d: Date) => (clock = d) };
}

describe('insights cache', () => {
  it('computes every account once, stores it with its version and recomputes nothing when nothing changed', async () => {
    const { db, cache } = await setUp();
    const first = cache();
    expect(await first.refreshAll()).toEqual({ checked: 3, recomputed: 3, removed: 0 });
    expect((await first.all()).map((r) => r.accountId).sort()).toEqual(['acc-harbor', 'acc-lumen', 'acc-pico']);
    expect(await db.insights.count()).toBe(3);
    expect(await first.refreshAll()).toEqual({ checked: 3, recomputed: 0, removed: 0 });
  });

  it('after a restart shows the stored rows at once and, checking them, recomputes none', async () => {
    const { cache } = await setUp();
    await cache().refreshAll();
    const restarted = cache();
    expect((await restarted.cachedNow()).length).toBe(3);
    expect(await restarted.refreshAll()).toEqual({ checked: 3, recomputed: 0, removed: 0 });
  });

  it('trusts rows judged today when the worker starts again, and checks older ones against the records', async () => {
    const { cache, setClock } = await setUp();
    await cache().refreshAll();
    expect(await cache().settle()).toBeNull();
    setClock(new Date(NOW.getTime() + 86_400_000));
    expect(await cache().settle()).toEqual({ checked: 3, recomputed: 3, removed: 0 });
  });

  it('recomputes only the account whose records changed', async () => {
    const { db, cache } = await setUp();
    const insights = cache();
    await insights.refreshAll();
    const commitment = (await db.commitments.where('accountId').equals('acc-harbor').first())!;
    expect(insights.get('acc-harbor')?.dueCommitments.map((c) => c.id)).toEqual(['cm-1']);
    await db.commitments.put({ ...commitment, status: 'done' });
    insights.markChanged({ accountIds: ['acc-harbor'] });
    expect(await insights.settle()).toEqual({ checked: 1, recomputed: 1, removed: 0 });
    expect(insights.get('acc-harbor')?.dueCommitments).toEqual([]);
  });

  it('finds the changed account by its version when the change did not name it (an import)', async () => {
    const { db, cache } = await setUp();
    const insights = cache();
    await insights.refreshAll();
    const account = (await db.accounts.get('acc-pico'))!;
    await db.accounts.put({ ...account, arr: 1 });
    insights.markChanged({});
    expect(await insights.settle()).toEqual({ checked: 3, recomputed: 1, removed: 0 });
    expect(insights.get('acc-pico')?.arr).toBe(1);
  });

  it('drops the insight of a removed account', async () => {
    const { db, cache } = await setUp();
    const insights = cache();
    await insights.refreshAll();
    await db.accounts.delete('acc-harbor');
    insights.markChanged({ accountIds: ['acc-harbor'] });
    expect(await insights.settle()).toEqual({ checked: 0, recomputed: 0, removed: 1 });
    expect(insights.get('acc-harbor')).toBeUndefined();
    expect(await db.insights.get('acc-harbor')).toBeUndefined();
  });

  it('judges every account again on a new day, because overdue and renewal days move with it', async () => {
    const { cache, setClock } = await setUp();
    const insights = cache();
    await insights.refreshAll();
    setClock(new Date(NOW.getTime() + 86_400_000));
    expect(await insights.settle()).toEqual({ checked: 3, recomputed: 3, removed: 0 });
  });

  it('recomputes every account when the playbook settings change', async () => {
    const db = new GlanceDB(freshDbName());
    await writeRecords(db, smallBook, { at: NOW.toISOString(), source: 'file', name: 'small', rejected: 0 });
    let settings = DEFAULT_SETTINGS;
    const insights = createInsightsCache({ store: insightsStore(db, { settings: async () => settings }), now: () => NOW });
    await insights.refreshAll();
    settings = { ...DEFAULT_SETTINGS, bands: { ...DEFAULT_SETTINGS.bands, green: 95 } };
    insights.markChanged({ everything: true, settingsChanged: true });
    expect((await insights.settle())?.recomputed).toBe(3);
  });
});
