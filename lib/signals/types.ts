import type { AccountData } from '../model/bundle';
import type { PlaybookSettings } from '../settings';

/** Highest first: a champion departure outranks everything. */
export const SIGNAL_LEVELS = ['escalation', 'red', 'orange', 'yellow'] as const;
export type SignalLevel = (typeof SIGNAL_LEVELS)[number];

export type SignalId =
  | 'usage-drop'
  | 'nps-drop'
  | 'nps-passive'
  | 'nps-detractor'
  | 'ticket-spike'
  | 'p1-p2-open'
  | 'champion-dark'
  | 'missed-meetings'
  | 'late-invoice'
  | 'champion-departure'
  | 'org-change';

export interface Signal {
  id: SignalId;
  level: SignalLevel;
  /** "Usage drop". */
  title: string;
  /** The data that fired it, in plain words. */
  detail: string;
  /** The record behind it, when there is one (contact, ticket, event date...). */
  subjectId?: string;
}

export interface SignalContext {
  data: AccountData;
  /** Epoch milliseconds. */
  now: number;
  settings: PlaybookSettings;
}

/** A rule returns its signals (none, one, or one per subject such as each dark champion). */
export type SignalRule = (ctx: SignalContext) => Signal[];

/** Counts as red-level for the save play: red, and the escalation above it. */
export function isRedLevel(level: SignalLevel): boolean {
  return level === 'escalation' || level === 'red';
}
