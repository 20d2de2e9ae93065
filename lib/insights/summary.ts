/**
 * One account's judgement boiled down to what the book lists and filters on: small, plain JSON, so
 * a hundred thousand of them fit in memory and in one IndexedDB table.
 */
import type { ActionId } from '../actions';
import type { HealthBand } from '../health';
import type { AccountData, Commitment } from '../model/bundle';
import { MS_PER_DAY, startOfUtcDay, toMs } from '../time';
import type { Insights } from './index';

/** Commitments due within this many days are "due this week" on the Today list. */
export const DUE_SOON_DAYS = 7;

export interface DueCommitment {
  id: string;
  text: string;
  dueDate: string;
  kind: Commitment['kind'];
  /** Before today: overdue; today up to DUE_SOON_DAYS ahead: due. */
  state: 'overdue' | 'due';
}

export interface AccountInsight {
  accountId: string;
  name: string;
  domains: string[];
  owner?: string;
  arr?: number;
  renewalDate?: string;
  /** Calendar days to the renewal day; null without a renewal date. */
  renewalInDays: number | null;
  band: HealthBand;
  score: number | null;
  /** Score now minus the one about 30 days ago; null without history. */
  trend: number | null;
  topAction: { id: ActionId; title: string; reason: string } | null;
  /** 1 = highest (the playbook's order); 99 without an action. */
  topActionPriority: number;
  riskCount: number;
  signalIds: string[];
  overdueCount: number;
  /** Latest past activity (ISO), null when there is none. */
  lastTouch: string | null;
  expansionReady: boolean;
  championDeparted: boolean;
  /** Our open commitments overdue or due within DUE_SOON_DAYS, soonest first. */
  dueCommitments: DueCommitment[];
}

export const NO_ACTION_PRIORITY = 99;

function lastTouchOf(data: AccountData, nowMs: number): string | null {
  let best: string | null = null;
  let bestMs = -Infinity;
  for (const a of data.activities) {
    const ms = toMs(a.date);
    if (ms <= nowMs && ms > bestMs) {
      bestMs = ms;
      best = a.date;
    }
  }
  return best;
}

function dueCommitmentsOf(data: AccountData, nowMs: number): DueCommitment[] {
  const today = startOfUtcDay(nowMs);
  const horizon = today + (DUE_SOON_DAYS + 1) * MS_PER_DAY;
  const out: DueCommitment[] = [];
  for (const c of data.commitments) {
    if (c.owner !== 'us' || c.status !== 'open' || !c.dueDate) continue;
    const due = toMs(c.dueDate);
    if (due >= horizon) continue;
    out.push({ id: c.id, text: c.text, dueDate: c.dueDate, kind: c.kind, state: due < today ? 'overdue' : 'due' });
  }
  return out.sort((a, b) => toMs(a.dueDate) - toMs(b.dueDate));
}

export function summarizeInsights(data: AccountData, insights: Insights): AccountInsight {
  const nowMs = toMs(insights.asOf);
  const { account } = data;
  const top = insights.actions.top;
  return {
    accountId: account.id,
    name: account.name,
    domains: account.domains ?? [],
    ...(account.owner ? { owner: account.owner } : {}),
    ...(account.arr !== undefined ? { arr: account.arr } : {}),
    ...(account.renewalDate ? { renewalDate: account.renewalDate } : {}),
    renewalInDays: insights.renewal ? insights.renewal.daysToGo : null,
    band: insights.health.band,
    score: insights.health.score,
    trend: insights.health.trend ? insights.health.trend.delta : null,
    topAction: top ? { id: top.id, title: top.title, reason: top.reason } : null,
    topActionPriority: top ? top.priority : NO_ACTION_PRIORITY,
    riskCount: insights.signals.length,
    signalIds: insights.signals.map((s) => s.id),
    overdueCount: insights.overdueCommitmentIds.length,
    lastTouch: lastTouchOf(data, nowMs),
    expansionReady: insights.expansion.ready,
    championDeparted: insights.signals.some((s) => s.id === 'champion-departure'),
    dueCommitments: dueCommitmentsOf(data, nowMs),
  };
}
