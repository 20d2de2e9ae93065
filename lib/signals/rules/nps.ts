import { npsByDate } from '../../health/facts';
import { spokenDate } from '../../briefing/format';
import type { Signal, SignalRule } from '../types';

/** The latest response by date, not by list position, against the one before it. */
export const npsDrop: SignalRule = ({ data, now, settings }) => {
  const nps = npsByDate(data.account.nps);
  if (nps.length < 2) return [];
  const latest = nps[nps.length - 1];
  const before = nps[nps.length - 2];
  if (before.score - latest.score < settings.signals.npsDropPoints) return [];
  return [
    {
      id: 'nps-drop',
      level: 'orange',
      title: 'NPS drop',
      detail: `NPS fell from ${before.score} (${spokenDate(before.date, now)}) to ${latest.score} (${spokenDate(latest.date, now)})`,
    },
  ];
};

export const npsScore: SignalRule = ({ data, now }) => {
  const nps = npsByDate(data.account.nps);
  if (nps.length === 0) return [];
  const latest = nps[nps.length - 1];
  let signal: Signal | null = null;
  if (latest.score <= 6) {
    signal = {
      id: 'nps-detractor',
      level: 'orange',
      title: 'NPS detractor',
      detail: `Latest NPS ${latest.score} (${spokenDate(latest.date, now)}): detractor`,
    };
  } else if (latest.score <= 8) {
    signal = {
      id: 'nps-passive',
      level: 'yellow',
      title: 'NPS passive',
      detail: `Latest NPS ${latest.score} (${spokenDate(latest.date, now)}): passive`,
    };
  }
  return signal ? [signal] : [];
};
