import type { ExpansionReadiness } from '../expansion';
import type { HealthResult } from '../health/types';
import type { AccountData } from '../model/bundle';
import type { RenewalStatus } from '../renewal';
import type { PlaybookSettings } from '../settings';
import type { Signal } from '../signals/types';
import type { TierInfo } from './cadence';

/** Priority order: the first applicable one is the top action. */
export const ACTION_IDS = [
  'champion-departure',
  'save-play-escalate',
  'overdue-commitment',
  'renewal-at-risk',
  'renewal-stage',
  'save-play-reach-out',
  'qbr-due',
  'expansion-ready',
  'keep-cadence',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export interface NextAction {
  id: ActionId;
  /** 1 = highest. */
  priority: number;
  title: string;
  /** One line naming the data behind it. */
  reason: string;
  /** The playbook's steps. */
  steps: string[];
}

export interface HiddenAction extends NextAction {
  /** ISO end of the snooze; absent when dismissed for good. */
  hiddenUntil?: string;
}

/** Dismissed (no `until`) or snoozed until `until`; a passed `until` shows the action again. */
export type ActionPrefs = Partial<Record<string, { until?: string }>>;

export interface ActionsResult {
  top: NextAction | null;
  /** Up to two more after the top one. */
  more: NextAction[];
  /** Every visible action, ranked (top first). */
  ranked: NextAction[];
  hidden: HiddenAction[];
}

export interface ActionContext {
  data: AccountData;
  now: number;
  settings: PlaybookSettings;
  health: HealthResult;
  signals: Signal[];
  renewal: RenewalStatus | null;
  expansion: ExpansionReadiness;
  tier: TierInfo;
}

export type ActionRule = (ctx: ActionContext) => Omit<NextAction, 'priority' | 'id'> | null;
