/**
 * book.* and digest.*: the book page's rows, Today, CSV export, and the daily digest, all read from
 * the insights cache the background keeps up to date after every change.
 */
import { bookCsv } from '../book/csv';
import { buildDigest, snapshotOf, type Digest, type DigestSnapshot } from '../book/digest';
import { readDigestSettings, type DigestSettings } from '../book/digest-settings';
import { firstScreenOf, isOpeningQuery, screenDiffers, usableFirstScreen } from '../book/first-screen';
import { queryBook, replaceInOrders } from '../book/answers';
import { ownedBy, type BookResult } from '../book/query';
import { TODAY_FIRST, todayItems } from '../book/today';
import { createInsightsCache, type InsightsCache } from '../insights/cache';
import type { ChangeEvent } from '../messages/protocol';
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import type { GlanceDB } from '../store/db';
import { dropFirstScreen, insightsStore, readFirstScreen, writeFirstScreen } from '../store/insights';
import { toMs } from '../time';
import type { ServiceDeps } from './handlers';
import { loadProfile } from './profile';
import { loadSettings } from './settings';

const SNOOZED_KEY = 'today.snoozed';
const DIGEST_KEY = 'digest';
const SNAPSHOT_KEY = 'digest.snapshot';

type BookHandlers = Pick<Handlers, 'book.query' | 'book.today' | 'book.export' | 'book.snooze' | 'digest.get' | 'digest.save'>;

export async function loadDigestSettings(db: GlanceDB): Promise<DigestSettings> {
  return readDigestSettings((await db.settings.get(DIGEST_KEY))?.value);
}

async function loadSnoozed(db: GlanceDB): Promise<Record<string, string>> {
  const value = (await db.settings.get(SNOOZED_KEY))?.value;
  return value && typeof value === 'object' ? (value as Record<string, string>) : {};
}

/** The topics whose changes can move an account's insight. */
const INSIGHT_INPUTS = new Set<ChangeEvent['topics'][number]>(['records', 'commitments', 'settings', 'actions']);

/** How a broadcast change reaches the cache: named accounts alone, or every account checked by version. */
export function noteChange(insights: InsightsCache, event: ChangeEvent): void {
  const topics = new Set(event.topics);
  // Most settings (the digest's hour, the display mode) do not touch the insights: the cache compares the playbook's hash.
  if (topics.has('settings')) insights.markChanged({ settingsChanged: true });
  if (topics.has('actions')) insights.markChanged({ accountIds: event.accountIds, settingsChanged: true });
  if (topics.has('records') || topics.has('commitments')) insights.markChanged({ accountIds: event.accountIds });
}

export function createBookService(
  { db, now, broadcast, eagerInsights, keepAlive }: ServiceDeps,
  onError: (error: unknown) => void = () => undefined,
) {
  const insights = createInsightsCache({
    store: insightsStore(db, { settings: () => loadSettings(db) }),
    now,
    onReplaced: replaceInOrders,
    // Pages that were shown rows from before the pass ask again; nothing of the records changed.
    onPassDone: (report) => {
      if (report.recomputed || report.removed) broadcast(changeEvent(['insights']));
    },
    keepAlive: () => Promise.resolve(keepAlive?.()).catch(() => undefined),
  });
  const me = async () => (await loadProfile(db)).me ?? [];

  type Query = Parameters<Handlers['book.query']>[0]['query'];

  async function inView(query: Query) {
    // The count the rows were current at, taken as they are handed out: a change after it stops them being kept.
    const [{ all, count }, mine] = await Promise.all([insights.all().then((all) => ({ all, count: insights.changeCount })), me()]);
    return { result: queryBook(all, query, mine, now().getTime()), me: mine, count };
  }

  /** The change count the stored opening answer was kept at: asked again with nothing changed, it is not written again. */
  let keptAt = -1;

  /** Keeps the opening answer for the next worker start, if the rows it came from are still the cache's. */
  async function keepFirstScreen(result: BookResult, limit: number, mine: string[], count: number) {
    if (count === keptAt) return;
    await insights.whileUnchanged(count, async () => {
      const settingsHash = await insights.settingsHash();
      await writeFirstScreen(db, firstScreenOf(result, limit, { me: mine, nowMs: now().getTime(), settingsHash }));
      keptAt = count;
    });
  }

  /**
   * The opening answer as stored, while the cache is not loaded yet (the worker just started). The
   * whole cache loads behind it; if its answer differs (the clock moved an account past "no touch
   * in 30 days"), pages are told to ask again.
   */
  async function storedFirstScreen(query: Query, limit: number) {
    if (insights.loaded || insights.owed || !isOpeningQuery(query)) return null;
    const [stored, mine, settingsHash] = await Promise.all([readFirstScreen(db), me(), insights.settingsHash()]);
    const screen = usableFirstScreen(stored, limit, { me: mine, nowMs: now().getTime(), settingsHash });
    if (screen)
      void inView(query)
        .then(({ result, me: current, count }) => {
          const fresh = firstScreenOf(result, screen.rows.length, { me: current, nowMs: now().getTime(), settingsHash });
          if (screenDiffers(screen, fresh)) broadcast(changeEvent(['insights']));
          return keepFirstScreen(result, screen.rows.length, current, count);
        })
        .catch(onError);
    return screen && { screen, me: mine };
  }

  /** What the digest says now, and the snapshot the next one compares against. */
  async function digest(): Promise<Digest> {
    // What changed since yesterday needs every account judged today, however long the pass over a big book takes.
    await insights.settle();
    const nowMs = now().getTime();
    const [all, mine, snoozed, stored] = await Promise.all([insights.all(), me(), loadSnoozed(db), db.settings.get(SNAPSHOT_KEY)]);
    const set = new Set(mine.map((m) => m.trim().toLowerCase()));
    const hers = all.filter((r) => ownedBy(r, set));
    const result = buildDigest((stored?.value as DigestSnapshot | undefined) ?? null, hers, todayItems(hers, snoozed, nowMs));
    await db.settings.put({ key: SNAPSHOT_KEY, value: snapshotOf(hers, new Date(nowMs).toISOString()) });
    return result;
  }

  const handlers: BookHandlers = {
    'book.query': async ({ query, offset, limit }) => {
      const stored = offset === 0 ? await storedFirstScreen(query, limit) : null;
      if (stored) {
        const { screen } = stored;
        const { rows, inView, counts, inScope, total } = screen;
        return {
          rows: rows.slice(0, limit),
          offset,
          inView,
          counts,
          inScope,
          total,
          me: stored.me,
          asOf: now().toISOString(),
          updating: false,
        };
      }
      const { result, me: mine, count } = await inView(query);
      if (offset === 0 && isOpeningQuery(query)) keepFirstScreen(result, limit, mine, count).catch(onError);
      return {
        rows: result.rows.slice(offset, offset + limit),
        offset,
        inView: result.rows.length,
        counts: result.counts,
        inScope: result.inScope,
        total: result.total,
        me: mine,
        asOf: now().toISOString(),
        updating: insights.updating,
      };
    },
    'book.today': async ({ scope, limit }) => {
      const nowMs = now().getTime();
      const [all, mine, snoozed] = await Promise.all([insights.all(), me(), loadSnoozed(db)]);
      const set = new Set(mine.map((m) => m.trim().toLowerCase()));
      const items = todayItems(scope === 'all' ? all : all.filter((r) => ownedBy(r, set)), snoozed, nowMs);
      return { items: items.slice(0, limit ?? TODAY_FIRST), total: items.length };
    },
    'book.export': async ({ query }) => {
      const { result } = await inView(query);
      return { csv: bookCsv(result.rows), rows: result.rows.length };
    },
    'book.snooze': async ({ commitmentId, until }) => {
      const nowMs = now().getTime();
      if (!(toMs(until) > nowMs)) throw new Error(`Not snoozed: ${until} is not in the future.`);
      const kept = Object.entries(await loadSnoozed(db)).filter(([, at]) => toMs(at) > nowMs);
      await db.settings.put({ key: SNOOZED_KEY, value: Object.fromEntries([...kept, [commitmentId, until]]) });
      // No account's records changed: pages refresh Today, the insights stay as they are.
      broadcast(changeEvent(['commitments'], []));
      return null;
    },
    'digest.get': () => loadDigestSettings(db),
    'digest.save': async ({ settings }) => {
      await db.settings.put({ key: DIGEST_KEY, value: settings });
      broadcast(changeEvent(['settings']));
      return settings;
    },
  };

  return {
    handlers,
    insights,
    digest,
    /**
     * Called on every broadcast. The accounts a change names are refreshed at once (a row each, the
     * whole cache not loaded), so the stored rows stay right across worker restarts; a change naming
     * none is remembered in the store and checked by a pass when the book or the digest next reads.
     */
    onChange(event: ChangeEvent) {
      noteChange(insights, event);
      // The rows may move before they are written again: a background started meanwhile must not show the kept screen.
      if (event.topics.some((t) => INSIGHT_INPUTS.has(t))) dropFirstScreen(db).catch(onError);
      if (eagerInsights) insights.settleChanged().catch(onError);
    },
  };
}
