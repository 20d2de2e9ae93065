/**
 * The playbook's whole judgement of one account as one plain-JSON object: ISO strings and
 * numbers only, no Date objects or functions, because it crosses extension messages.
 */
import { rankActions, tierInfo, isOverdue, type ActionPrefs, type ActionsResult, type TierInfo } from '../actions';
import { expansionReadiness, type ExpansionReadiness } from '../expansion';
import { scoreHealth, loginsInAgeWindow, type HealthResult } from '../health';
import type { AccountData } from '../model/bundle';
import { renewalStatus, type RenewalStatus } from '../renewal';
import type { PlaybookSettings } from '../settings';
import { evaluateSignals, type Signal } from '../signals';
import { MS_PER_DAY, sortByDate, toIso, toMs } from '../time';

export type { ActionPrefs, ActionsResult, HiddenAction, NextAction, ActionId, TierInfo, Tier } from '../actions';
export type { ExpansionReadiness, ExpansionCondition, ExpansionConditionId } from '../expansion';
export type { HealthResult, HealthBand, HealthTrend, HealthDriver, DimensionScore, DimensionId, SubScore } from '../health';
export type { RenewalStatus, RenewalStage, NinetyDayRule } from '../renewal';
export type { Signal, SignalId, SignalLevel } from '../signals';
export type { PlaybookSettings } from '../settings';
export type { CueMatch, CueCategory } from '../cues';

/** Weeks in the sparklines. */
export const SPARKLINE_WEEKS = 12;

export interface WeeklyLoginsPoint {
  /** Start of the week (inclusive, ISO), counted back from now in 7-day steps. */
  from: string;
  /** End of the week (exclusive, ISO). */
  to: string;
  logins: number;
}

export interface ScorePoint {
  date: string;
  score: number;
}

export interface Insights {
  accountId: string;
  /** The moment judged (ISO): every "today" and "days ago" is relative to it. */
  asOf: string;
  tier: TierInfo;
  health: HealthResult;
  /** Highest level first. */
  signals: Signal[];
  /** Null when the account has no renewal date. */
  renewal: RenewalStatus | null;
  expansion: ExpansionReadiness;
  actions: ActionsResult;
  /** Ids of our open commitments and promises that are past due. */
  overdueCommitmentIds: string[];
  /** Logins per 7-day window, the last 12 windows, oldest first; the last is the 7 days up to now. */
  weeklyLogins: WeeklyLoginsPoint[];
  /** Health history of the last 12 weeks, oldest first (the current score is `health.score`). */
  scoreHistory: ScorePoint[];
}

function weeklySeries(data: AccountData, nowMs: number): WeeklyLoginsPoint[] {
  const out: WeeklyLoginsPoint[] = [];
  for (let w = SPARKLINE_WEEKS - 1; w >= 0; w--) {
    out.push({
      from: toIso(nowMs - (w + 1) * 7 * MS_PER_DAY),
      to: toIso(nowMs - w * 7 * MS_PER_DAY),
      logins: loginsInAgeWindow(data.usage, nowMs, w * 7, (w + 1) * 7),
    });
  }
  return out;
}

function scoreSeries(data: AccountData, nowMs: number): ScorePoint[] {
  const from = nowMs - SPARKLINE_WEEKS * 7 * MS_PER_DAY;
  return sortByDate(data.account.healthHistory ?? [], (p) => p.date)
    .filter((p) => {
      const ms = toMs(p.date);
      return ms >= from && ms <= nowMs;
    })
    .map((p) => ({ date: p.date, score: p.score }));
}

export function computeInsights(data: AccountData, now: Date, settings: PlaybookSettings, actionPrefs?: ActionPrefs): Insights {
  const nowMs = now.getTime();
  const health = scoreHealth(data, nowMs, settings);
  const signals = evaluateSignals(data, nowMs, settings);
  const renewal = renewalStatus(data, nowMs, settings);
  const expansion = expansionReadiness(data, nowMs, health.band, settings);
  const tier = tierInfo(data, nowMs, settings);
  const actions = rankActions({ data, now: nowMs, settings, health, signals, renewal, expansion, tier }, actionPrefs);
  return {
    accountId: data.account.id,
    asOf: toIso(nowMs),
    tier,
    health,
    signals,
    renewal,
    expansion,
    actions,
    overdueCommitmentIds: data.commitments.filter((c) => isOverdue(c, nowMs)).map((c) => c.id),
    weeklyLogins: weeklySeries(data, nowMs),
    scoreHistory: scoreSeries(data, nowMs),
  };
}
