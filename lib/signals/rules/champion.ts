import { champions, isDeparted } from '../../health/facts';
import { ageInDays, relativeDays, wholeDaysAgo } from '../../time';
import type { SignalRule } from '../types';

/** A departed champion is never "dark"; a champion with no recorded response gives no data. */
export const championDark: SignalRule = ({ data, now, settings }) =>
  champions(data.contacts)
    .filter((c) => !isDeparted(c) && c.lastResponseAt !== undefined)
    .filter((c) => ageInDays(c.lastResponseAt!, now) >= settings.signals.championDarkDays)
    .map((c) => ({
      id: 'champion-dark' as const,
      level: 'yellow' as const,
      title: 'Champion dark',
      detail: `${c.name} (champion) last responded ${relativeDays(wholeDaysAgo(c.lastResponseAt!, now))}`,
      subjectId: c.id,
    }));

function departureWords(name: string, departedAt: string | undefined, now: number): string {
  if (!departedAt) return `${name} (champion) has departed`;
  const ago = wholeDaysAgo(departedAt, now);
  return ago < 0 ? `${name} (champion) leaves ${relativeDays(ago)}` : `${name} (champion) departed ${relativeDays(ago)}`;
}

/**
 * Whenever it happened: the signal stands until the contact is no longer the champion.
 * Only the departure protocol (an action) is limited to the first 30 days.
 */
export const championDeparture: SignalRule = ({ data, now }) =>
  champions(data.contacts)
    .filter(isDeparted)
    .map((c) => ({
      id: 'champion-departure' as const,
      level: 'escalation' as const,
      title: 'Champion departed',
      detail: departureWords(c.name, c.departedAt, now),
      subjectId: c.id,
    }));
