/**
 * Every account's insight, computed in the background once per data change and kept with the
 * version of its inputs. A change naming its accounts recomputes those alone; a change that does
 * not (an import) re-reads the book a chunk at a time and recomputes only the accounts whose
 * version moved. The store behind it is injected, so this stays free of IndexedDB.
 */
import type { AccountData } from '../model/bundle';
import type { PlaybookSettings } from '../settings';
import { isoDay } from '../time';
import { computeInsights, type ActionPrefs } from './index';
import { summarizeInsights, type AccountInsight } from './summary';
import { hashValue, inputVersion } from './version';

export interface CachedInsight {
  accountId: string;
  version: string;
  insight: AccountInsight;
}

export interface InsightPrefRow {
  accountId: string;
  actionId: string;
  until?: string;
}

export interface InsightsStore {
  /** Visits every account's records, a bounded chunk of accounts at a time. */
  eachAccountChunk(visit: (chunk: AccountData[]) => Promise<void>): Promise<void>;
  /** The records of these accounts; an id missing from the answer is an account that is gone. */
  loadAccounts(ids: string[]): Promise<AccountData[]>;
  readCache(): Promise<CachedInsight[]>;
  writeCache(rows: CachedInsight[], removedIds: string[]): Promise<void>;
  settings(): Promise<PlaybookSettings>;
  actionPrefs(): Promise<InsightPrefRow[]>;
}

export interface RefreshReport {
  /** Accounts whose inputs were read and versioned. */
  checked: number;
  /** Accounts whose insight was computed again. */
  recomputed: number;
  removed: number;
}

export interface InsightsCacheOptions {
  store: InsightsStore;
  now: () => Date;
  /**
   * Rows replaced in place in the list `all()` hands out (same array, same length): whoever keeps
   * orders of that list can move these rows instead of sorting 100k again.
   */
  onReplaced?: (list: readonly AccountInsight[], replaced: { before: AccountInsight; after: AccountInsight }[]) => void;
}

export function createInsightsCache({ store, now, onReplaced }: InsightsCacheOptions) {
  const rows = new Map<string, CachedInsight>();
  /** The insights as one array, rebuilt only after a change: the book filters it on every keystroke. */
  let list: AccountInsight[] | null = null;
  /** Where each account sits in `list`. */
  let positions = new Map<string, number>();
  let loaded = false;
  let day = '';
  let fullPending = false;
  const dirty = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  let context: { settingsHash: string; settings: PlaybookSettings; prefs: Map<string, InsightPrefRow[]> } | null = null;

  async function loadContext() {
    if (context) return context;
    const [settings, prefRows] = await Promise.all([store.settings(), store.actionPrefs()]);
    const prefs = new Map<string, InsightPrefRow[]>();
    for (const p of prefRows) (prefs.get(p.accountId) ?? prefs.set(p.accountId, []).get(p.accountId)!).push(p);
    context = { settings, settingsHash: hashValue(settings), prefs };
    return context;
  }

  /** Versions every account of the chunk; computes the ones whose version moved. */
  function judge(chunk: AccountData[], nowDate: Date, ctx: NonNullable<typeof context>, changed: CachedInsight[]): number {
    let recomputed = 0;
    const nowMs = nowDate.getTime();
    for (const data of chunk) {
      const prefs = ctx.prefs.get(data.account.id) ?? [];
      const version = inputVersion(hashValue(data), ctx.settingsHash, hashValue(prefs), nowMs);
      const kept = rows.get(data.account.id);
      if (kept && kept.version === version) continue;
      const actionPrefs: ActionPrefs = Object.fromEntries(prefs.map((p) => [p.actionId, { until: p.until }]));
      const insight = summarizeInsights(data, computeInsights(data, nowDate, ctx.settings, actionPrefs));
      const row = { accountId: data.account.id, version, insight };
      rows.set(row.accountId, row);
      changed.push(row);
      recomputed++;
    }
    return recomputed;
  }

  async function ensureLoaded() {
    if (loaded) return;
    const today = isoDay(now());
    let fresh = true;
    for (const row of await store.readCache()) {
      rows.set(row.accountId, row);
      if (!row.version.endsWith(`.${today}`)) fresh = false;
    }
    loaded = true;
    // Every write is followed by a refresh, so rows judged today are trusted as the worker starts again:
    // re-reading a 1M-contact book on every wake would cost the sidebar its speed. An empty or older
    // cache is checked against the records (only the accounts whose version moved are recomputed).
    if (fresh && rows.size > 0) day = today;
    else fullPending = true;
  }

  async function refreshAll(): Promise<RefreshReport> {
    await ensureLoaded();
    const nowDate = now();
    const ctx = await loadContext();
    const seen = new Set<string>();
    const report: RefreshReport = { checked: 0, recomputed: 0, removed: 0 };
    await store.eachAccountChunk(async (chunk) => {
      const changed: CachedInsight[] = [];
      for (const data of chunk) seen.add(data.account.id);
      report.checked += chunk.length;
      report.recomputed += judge(chunk, nowDate, ctx, changed);
      if (changed.length) await store.writeCache(changed, []);
    });
    const removed = [...rows.keys()].filter((id) => !seen.has(id));
    for (const id of removed) rows.delete(id);
    if (removed.length) await store.writeCache([], removed);
    report.removed = removed.length;
    day = isoDay(nowDate);
    fullPending = false;
    dirty.clear();
    list = null;
    return report;
  }

  async function refreshSome(ids: string[]): Promise<RefreshReport> {
    await ensureLoaded();
    const nowDate = now();
    const ctx = await loadContext();
    const found = await store.loadAccounts(ids);
    const changed: CachedInsight[] = [];
    const recomputed = judge(found, nowDate, ctx, changed);
    const present = new Set(found.map((d) => d.account.id));
    const removed = ids.filter((id) => !present.has(id) && rows.has(id));
    for (const id of removed) rows.delete(id);
    if (changed.length || removed.length) await store.writeCache(changed, removed);
    for (const id of ids) dirty.delete(id);
    if (removed.length || changed.some((row) => !positions.has(row.accountId))) list = null;
    else if (list && changed.length) {
      const replaced = changed.map((row) => {
        const at = positions.get(row.accountId)!;
        const before = list![at];
        list![at] = row.insight;
        return { before, after: row.insight };
      });
      onReplaced?.(list, replaced);
    }
    return { checked: found.length, recomputed, removed: removed.length };
  }

  function currentList(): AccountInsight[] {
    if (list) return list;
    list = [...rows.values()].map((r) => r.insight);
    positions = new Map(list.map((row, i) => [row.accountId, i]));
    return list;
  }

  /** One refresh at a time, so two quick changes never write the same rows out of order. */
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  function settle(): Promise<RefreshReport | null> {
    return enqueue(async () => {
      await ensureLoaded();
      if (fullPending || day !== isoDay(now())) return refreshAll();
      if (dirty.size) return refreshSome([...dirty]);
      return null;
    });
  }

  return {
    /**
     * A change happened: `accountIds` names the accounts it touched; without them any account may
     * have changed. `settingsChanged` re-reads the playbook settings and dismissals.
     */
    markChanged(change: { accountIds?: string[]; everything?: boolean; settingsChanged?: boolean }) {
      if (change.settingsChanged) context = null;
      if (change.everything || !change.accountIds) fullPending = true;
      else for (const id of change.accountIds) dirty.add(id);
    },
    /** Brings the cache up to date now (the background calls it after each change). */
    settle,
    /** Every account's insight, up to date. */
    async all(): Promise<AccountInsight[]> {
      await settle();
      return currentList();
    },
    /** Whatever is cached now, without waiting for a refresh. */
    async cachedNow(): Promise<AccountInsight[]> {
      await enqueue(ensureLoaded);
      return currentList();
    },
    get(accountId: string): AccountInsight | undefined {
      return rows.get(accountId)?.insight;
    },
    refreshAll: () => enqueue(refreshAll),
    refreshSome: (ids: string[]) => enqueue(() => refreshSome(ids)),
  };
}

export type InsightsCache = ReturnType<typeof createInsightsCache>;
