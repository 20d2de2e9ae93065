/**
 * Risk signals: each rule of the playbook's table is one function in `rules/`; adding a rule
 * means one new file, one line in SIGNAL_RULES, and a test.
 */
import type { AccountData } from '../model/bundle';
import type { PlaybookSettings } from '../settings';
import { toMs, type DateInput } from '../time';
import { championDark, championDeparture } from './rules/champion';
import { lateInvoice } from './rules/late-invoice';
import { missedMeetings } from './rules/missed-meetings';
import { npsDrop, npsScore } from './rules/nps';
import { orgChange } from './rules/org-change';
import { openP1P2, ticketSpike } from './rules/tickets';
import { usageDrop } from './rules/usage-drop';
import { SIGNAL_LEVELS, type Signal, type SignalRule } from './types';

export * from './types';

export const SIGNAL_RULES: readonly SignalRule[] = [
  championDeparture,
  ticketSpike,
  openP1P2,
  npsDrop,
  npsScore,
  orgChange,
  usageDrop,
  championDark,
  missedMeetings,
  lateInvoice,
];

/** Every signal that fires, highest level first (rule order within a level). */
export function evaluateSignals(data: AccountData, now: DateInput, settings: PlaybookSettings): Signal[] {
  const ctx = { data, now: toMs(now), settings };
  const fired = SIGNAL_RULES.flatMap((rule) => rule(ctx));
  return fired
    .map((s, i) => ({ s, i }))
    .sort((a, b) => SIGNAL_LEVELS.indexOf(a.s.level) - SIGNAL_LEVELS.indexOf(b.s.level) || a.i - b.i)
    .map((x) => x.s);
}
