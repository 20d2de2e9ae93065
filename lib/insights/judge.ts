/**
 * Judging accounts for the insights cache: the playbook settings and dismissals read once, each
 * account's input version, and its insights computed only when the version moved. The last few full
 * insights are kept for the sidebar's account view, which needs more than the book's summary row.
 */
import type { AccountData } from '../model/bundle';
import type { PlaybookSettings } from '../settings';
import type { CachedInsight, InsightPrefRow } from './cache';
import { computeInsights, type ActionPrefs, type Insights } from './index';
import { summarizeInsights } from './summary';
import { hashValue, inputVersion } from './version';

/** Full insights kept for the sidebar, and for how long they count as now (the sidebar's own view cache is a minute too). */
const DETAILS_KEPT = 64;
const DETAIL_FRESH_MS = 60_000;

export interface JudgeContext {
  settings: PlaybookSettings;
  settingsHash: string;
  prefs: Map<string, InsightPrefRow[]>;
}

export function createJudge(load: { settings(): Promise<PlaybookSettings>; actionPrefs(): Promise<InsightPrefRow[]> }) {
  let context: JudgeContext | null = null;
  const details = new Map<string, { version: string; atMs: number; insights: Insights }>();

  async function loadContext(): Promise<JudgeContext> {
    if (context) return context;
    const [settings, prefRows] = await Promise.all([load.settings(), load.actionPrefs()]);
    const prefs = new Map<string, InsightPrefRow[]>();
    for (const p of prefRows) (prefs.get(p.accountId) ?? prefs.set(p.accountId, []).get(p.accountId)!).push(p);
    context = { settings, settingsHash: hashValue(settings), prefs };
    return context;
  }

  function versionOf(data: AccountData, ctx: JudgeContext, nowMs: number) {
    const prefs = ctx.prefs.get(data.account.id) ?? [];
    return { prefs, version: inputVersion(hashValue(data), ctx.settingsHash, hashValue(prefs), nowMs) };
  }

  function remember(accountId: string, version: string, atMs: number, insights: Insights) {
    details.delete(accountId);
    details.set(accountId, { version, atMs, insights });
    if (details.size > DETAILS_KEPT) details.delete(details.keys().next().value!);
  }

  return {
    loadContext,
    /** The settings or dismissals changed: read again on the next judgement. */
    forgetContext() {
      context = null;
    },
    /** Versions every account given; computes the ones whose version differs from what `known` holds. */
    judge(accounts: AccountData[], nowDate: Date, ctx: JudgeContext, known: (id: string) => CachedInsight | undefined): CachedInsight[] {
      const changed: CachedInsight[] = [];
      const nowMs = nowDate.getTime();
      for (const data of accounts) {
        const { prefs, version } = versionOf(data, ctx, nowMs);
        if (known(data.account.id)?.version === version) continue;
        const actionPrefs: ActionPrefs = Object.fromEntries(prefs.map((p) => [p.actionId, { until: p.until }]));
        const insights = computeInsights(data, nowDate, ctx.settings, actionPrefs);
        remember(data.account.id, version, nowMs, insights);
        changed.push({ accountId: data.account.id, version, insight: summarizeInsights(data, insights) });
      }
      return changed;
    },
    /** The full insights judged for these very inputs within the last minute, if any. */
    recent(data: AccountData, ctx: JudgeContext, nowMs: number): Insights | undefined {
      const kept = details.get(data.account.id);
      return kept && kept.version === versionOf(data, ctx, nowMs).version && nowMs - kept.atMs < DETAIL_FRESH_MS
        ? kept.insights
        : undefined;
    },
    /** The full insights last judged for this account. */
    last(accountId: string): Insights | undefined {
      return details.get(accountId)?.insights;
    },
  };
}
