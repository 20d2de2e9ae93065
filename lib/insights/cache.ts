/**
 * Every account's insight, computed in the background once per data change and kept with the
 * version of its inputs. A change naming its accounts recomputes those alone; a change that does
 * not (an import, the settings, a new day) starts a pass over the book a chunk at a time that
 * recomputes only the accounts whose version moved. Readers of a big book are answered from the
 * rows already cached while a pass runs; each chunk is one short step, so a one-account change or
 * a sidebar look-up waits for a chunk at most. The store behind it is injected, so this stays free
 * of IndexedDB.
 */
import type { AccountData } from '../model/bundle';
import type { PlaybookSettings } from '../settings';
import { isoDay } from '../time';
import type { Insights } from './index';
import { createJudge } from './judge';
import type { AccountInsight } from './summary';

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
  /** The cached rows of these accounts alone (a change before the whole cache is loaded). */
  readCacheRows(ids: string[]): Promise<CachedInsight[]>;
  writeCache(rows: CachedInsight[], removedIds: string[]): Promise<void>;
  /** Whether a pass over the whole book was asked for and has not finished: it survives the worker being stopped. */
  passPending(): Promise<boolean>;
  setPassPending(pending: boolean): Promise<void>;
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
  /** A pass over the book ended after readers were answered from rows cached before it: pages may ask again. */
  onPassDone?: (report: RefreshReport) => void;
  /** Called between chunks of a pass (the background resets the worker's idle timer). */
  keepAlive?: () => unknown;
  /** Books up to this size are answered only once a pending pass is done; bigger ones from the rows cached before it. */
  waitForPassUpTo?: number;
}

/** A pass over a book this size is a few chunks: waited for, so small books never show old rows. */
export const WAIT_FOR_PASS_UP_TO = 2000;
/** More rows than this changed at once are not moved one by one in the sorted orders: the orders are rebuilt. */
const MOVE_IN_PLACE_UP_TO = 32;

export function createInsightsCache({
  store,
  now,
  onReplaced,
  onPassDone,
  keepAlive,
  waitForPassUpTo = WAIT_FOR_PASS_UP_TO,
}: InsightsCacheOptions) {
  const rows = new Map<string, CachedInsight>();
  /** The insights as one array, rebuilt only after a bigger change: the book filters it on every keystroke. */
  let list: AccountInsight[] | null = null;
  /** Where each account sits in `list`. */
  let positions = new Map<string, number>();
  /** `list` no longer holds every row (a pass changed many): rebuilt once no pass runs. */
  let listBehind = false;
  let loaded = false;
  let day = '';
  let passWanted = false;
  let pass: Promise<RefreshReport> | null = null;
  /** Someone was answered from rows cached before the running pass: tell them when it ends. */
  let servedOlderRows = false;
  const dirty = new Set<string>();
  /** Accounts refreshed on their own, with the step at which: a pass's older read of them is not written over them. */
  const refreshedAt = new Map<string, number>();
  let step = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const judging = createJudge(store);
  const { loadContext, judge } = judging;
  /** The settings hash the cached rows were judged with; a settings change that keeps it needs no pass. */
  let judgedWith: string | null = null;
  let settingsToCheck = false;
  /** Bumped by every change noted or written: an answer computed at one count is current while it holds. */
  let changes = 0;
  function writeCache(changed: CachedInsight[], removed: string[]) {
    changes++;
    return store.writeCache(changed, removed);
  }

  /** Puts changed rows in memory: moved in place in the list when few, else the list is rebuilt later. */
  function patch(changed: CachedInsight[], removed: string[]) {
    for (const id of removed) rows.delete(id);
    for (const row of changed) rows.set(row.accountId, row);
    if (!list) return;
    if (removed.length || changed.length > MOVE_IN_PLACE_UP_TO || changed.some((row) => !positions.has(row.accountId))) {
      listBehind = true;
      return;
    }
    if (!changed.length) return;
    const replaced = changed.map((row) => {
      const at = positions.get(row.accountId)!;
      const before = list![at];
      list![at] = row.insight;
      return { before, after: row.insight };
    });
    onReplaced?.(list, replaced);
  }

  async function ensureLoaded() {
    if (loaded) return checkSettings();
    const today = isoDay(now());
    const [cached, pending, ctx] = await Promise.all([store.readCache(), store.passPending(), loadContext()]);
    let fresh = !pending;
    for (const row of cached) {
      // A row refreshed on its own before the load is newer than the stored one read here.
      if (!rows.has(row.accountId)) rows.set(row.accountId, row);
      const [, settingsHash, , judgedOn] = row.version.split('.');
      if (judgedOn !== today || settingsHash !== ctx.settingsHash) fresh = false;
    }
    loaded = true;
    judgedWith = ctx.settingsHash;
    settingsToCheck = false;
    // Every write is followed by a refresh, and a pass not finished is remembered in the store, so rows
    // judged today are trusted as the worker starts again: re-reading a 1M-contact book on every wake
    // would cost the sidebar its speed. An empty or older cache is checked against the records.
    if (fresh && rows.size > 0) day = today;
    else passWanted = true;
  }

  /** After a settings change: a pass only if the playbook settings the insights depend on really moved. */
  async function checkSettings() {
    if (!settingsToCheck) return;
    settingsToCheck = false;
    const ctx = await loadContext();
    if (judgedWith !== null && ctx.settingsHash !== judgedWith) {
      passWanted = true;
      await store.setPassPending(true);
    }
    judgedWith = ctx.settingsHash;
  }

  const passNeeded = () => passWanted || day !== isoDay(now());

  /** One pass over the book; each chunk is its own step in the queue. */
  async function runPass(): Promise<RefreshReport> {
    await enqueue(ensureLoaded);
    const nowDate = now();
    const startedAt = step;
    // Only refreshes after this point matter to this pass.
    refreshedAt.clear();
    passWanted = false;
    const seen = new Set<string>();
    const report: RefreshReport = { checked: 0, recomputed: 0, removed: 0 };
    await store.eachAccountChunk(async (chunk) => {
      await enqueue(async () => {
        const ctx = await loadContext();
        // Accounts changed since the chunk was read are refreshed on their own, from newer records.
        const current = chunk.filter((d) => !dirty.has(d.account.id) && !((refreshedAt.get(d.account.id) ?? -1) > startedAt));
        for (const data of chunk) seen.add(data.account.id);
        report.checked += current.length;
        const changed = judge(current, nowDate, ctx, (id) => rows.get(id));
        report.recomputed += changed.length;
        if (changed.length) await writeCache(changed, []);
        patch(changed, []);
      });
      keepAlive?.();
    });
    await enqueue(async () => {
      const removed = [...rows.keys()].filter((id) => !seen.has(id) && !((refreshedAt.get(id) ?? -1) > startedAt));
      if (removed.length) await writeCache([], removed);
      patch([], removed);
      report.removed = removed.length;
      day = isoDay(nowDate);
      if (!passWanted) await store.setPassPending(false);
    });
    return report;
  }

  /** Runs passes until none is wanted (a change during a pass asks for another). */
  function startPass(): Promise<RefreshReport> {
    if (pass) return pass;
    pass = (async () => {
      let report = await runPass();
      while (passNeeded()) report = await runPass();
      return report;
    })().finally(() => {
      pass = null;
      if (listBehind) list = null;
    });
    pass
      .then((report) => {
        if (!servedOlderRows) return;
        servedOlderRows = false;
        onPassDone?.(report);
      })
      .catch(() => undefined);
    return pass;
  }

  async function refreshSome(ids: string[]): Promise<RefreshReport> {
    const nowDate = now();
    const ctx = await loadContext();
    const mark = ++step;
    for (const id of ids) dirty.delete(id);
    const [found, stored] = await Promise.all([store.loadAccounts(ids), loaded ? [] : store.readCacheRows(ids)]);
    const storedById = new Map(stored.map((r) => [r.accountId, r]));
    const known = (id: string) => rows.get(id) ?? storedById.get(id);
    const changed = judge(found, nowDate, ctx, known);
    const present = new Set(found.map((d) => d.account.id));
    const removed = ids.filter((id) => !present.has(id) && known(id));
    if (changed.length || removed.length) await writeCache(changed, removed);
    for (const id of ids) refreshedAt.set(id, mark);
    if (loaded) patch(changed, removed);
    else {
      for (const id of removed) rows.delete(id);
      for (const row of changed) rows.set(row.accountId, row);
    }
    return { checked: found.length, recomputed: changed.length, removed: removed.length };
  }

  function currentList(): AccountInsight[] {
    if (list && !(listBehind && !pass)) return list;
    list = [...rows.values()].map((r) => r.insight);
    positions = new Map(list.map((row, i) => [row.accountId, i]));
    listBehind = false;
    return list;
  }

  /** One step at a time, so two quick changes never write the same rows out of order. */
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  function refreshDirty(): Promise<RefreshReport | null> {
    return enqueue(async () => (dirty.size ? refreshSome([...dirty]) : null));
  }

  /** Brings the cache up to date: the accounts named by changes, then a pass if one is wanted. */
  async function settle(): Promise<RefreshReport | null> {
    await enqueue(ensureLoaded);
    const some = await refreshDirty();
    return passNeeded() || pass ? startPass() : some;
  }

  return {
    /**
     * A change happened: `accountIds` names the accounts it touched; without them any account may
     * have changed. `settingsChanged` re-reads the playbook settings and dismissals.
     */
    markChanged(change: { accountIds?: string[]; everything?: boolean; settingsChanged?: boolean }) {
      changes++;
      if (change.settingsChanged) {
        judging.forgetContext();
        settingsToCheck = true;
      }
      if (change.everything || (!change.accountIds && !change.settingsChanged)) {
        passWanted = true;
        void store.setPassPending(true).catch(() => undefined);
      } else for (const id of change.accountIds ?? []) dirty.add(id);
    },
    /** Brings the cache up to date now, pass included. */
    settle,
    /**
     * Brings up to date only the accounts named by changes, without loading the whole cache: what
     * the background does after each change, so the cache stays right across worker restarts.
     */
    settleChanged: refreshDirty,
    /**
     * Every account's insight. Accounts named by changes are always up to date; while a pass over a
     * big book runs, the other rows are the ones cached before it (see `updating`).
     */
    async all(): Promise<AccountInsight[]> {
      await enqueue(ensureLoaded);
      await refreshDirty();
      if (passNeeded() || pass) {
        const running = startPass();
        if (rows.size <= waitForPassUpTo) await running;
        else {
          servedOlderRows = true;
          running.catch(() => undefined);
        }
      }
      return currentList();
    },
    /** Whatever is cached now, without waiting for a refresh. */
    async cachedNow(): Promise<AccountInsight[]> {
      await enqueue(ensureLoaded);
      return currentList();
    },
    /** Whether every cached row is in memory: until then an answer costs reading the whole cache. */
    get loaded(): boolean {
      return loaded;
    },
    /** A change was noted and not yet written (accounts, settings or a pass owed): stored answers may be behind. */
    get owed(): boolean {
      return dirty.size > 0 || settingsToCheck || passWanted;
    },
    get changeCount(): number {
      return changes;
    },
    /** The hash of the playbook settings rows are judged with now. */
    settingsHash: async () => (await loadContext()).settingsHash,
    /**
     * Runs `work` in turn with the cache's writes, only if nothing changed since `count` and nothing
     * is owed: what it stores beside the rows then matches them.
     */
    whileUnchanged(count: number, work: () => Promise<void>): Promise<void> {
      return enqueue(async () => {
        if (changes === count && loaded && !pass && !passNeeded() && !dirty.size && !settingsToCheck) await work();
      });
    },
    /** A pass over the book is running: some rows may still be the ones judged before the last change. */
    get updating(): boolean {
      return pass !== null;
    },
    get(accountId: string): AccountInsight | undefined {
      return rows.get(accountId)?.insight;
    },
    /**
     * One account's full insights for the sidebar, from the same cache: reused when the book just
     * computed them from the same inputs, else computed and, if the book's row is behind, written.
     */
    async detail(data: AccountData): Promise<Insights> {
      const ctx = await loadContext();
      const nowDate = now();
      const recent = judging.recent(data, ctx, nowDate.getTime());
      if (recent) return recent;
      const id = data.account.id;
      const [row] = judge([data], nowDate, ctx, () => undefined);
      void enqueue(async () => {
        const known = rows.get(id) ?? (loaded ? undefined : (await store.readCacheRows([id]))[0]);
        if (known?.version === row.version || dirty.has(id)) return;
        await writeCache([row], []);
        refreshedAt.set(id, ++step);
        if (loaded) patch([row], []);
      }).catch(() => undefined);
      return judging.last(id)!;
    },
    refreshAll: async () => {
      passWanted = true;
      return startPass();
    },
    refreshSome: (ids: string[]) => enqueue(() => refreshSome(ids)),
  };
}

export type InsightsCache = ReturnType<typeof createInsightsCache>;
