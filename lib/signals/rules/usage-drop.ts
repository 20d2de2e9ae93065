import { formatNumber, weeklyLogins } from '../../health/facts';
import type { SignalRule } from '../types';

/** Compared in integers (last x 100 < previous x (100 - pct)): 30% exactly is no signal. */
export const usageDrop: SignalRule = ({ data, now, settings }) => {
  const { last, previous } = weeklyLogins(data.usage, now);
  const pct = settings.signals.usageDropPct;
  if (previous <= 0 || !(last * 100 < previous * (100 - pct))) return [];
  const drop = Math.round(((previous - last) / previous) * 100);
  return [
    {
      id: 'usage-drop',
      level: 'yellow',
      title: 'Usage drop',
      detail: `Logins down ${drop}% week over week: ${formatNumber(last)} in the last 7 days, ${formatNumber(previous)} the 7 before`,
    },
  ];
};
