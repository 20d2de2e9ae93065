import { onDay } from '../../briefing/format';
import { isInLastDays } from '../../time';
import type { SignalRule } from '../types';

const ORG_CHANGES = new Set(['layoffs', 'merger', 'acquisition']);

export const orgChange: SignalRule = ({ data, now, settings }) =>
  (data.account.events ?? [])
    .filter((e) => ORG_CHANGES.has(e.type) && isInLastDays(e.date, now, settings.signals.orgChangeDays))
    .map((e) => ({
      id: 'org-change' as const,
      level: 'orange' as const,
      title: 'Org change',
      detail: `${e.type[0].toUpperCase()}${e.type.slice(1)} recorded ${onDay(e.date, now)}${e.note ? `: ${e.note}` : ''}`,
    }));
