import { isInLastDays } from '../../time';
import type { SignalRule } from '../types';

/** Tickets opened in the window, open or closed, more than the threshold. */
export const ticketSpike: SignalRule = ({ data, now, settings }) => {
  const { ticketSpikeCount, ticketSpikeDays } = settings.signals;
  const recent = data.tickets.filter((t) => isInLastDays(t.openedAt, now, ticketSpikeDays));
  if (recent.length <= ticketSpikeCount) return [];
  return [
    {
      id: 'ticket-spike',
      level: 'red',
      title: 'Ticket spike',
      detail: `${recent.length} support tickets opened in the last ${ticketSpikeDays} days`,
    },
  ];
};

export const openP1P2: SignalRule = ({ data }) => {
  const severe = data.tickets.filter((t) => t.status === 'open' && (t.priority === 'P1' || t.priority === 'P2'));
  if (severe.length === 0) return [];
  const named = severe.map((t) => `${t.priority} ${t.subject ? `"${t.subject}"` : t.id}`).join(', ');
  return [
    {
      id: 'p1-p2-open',
      level: 'red',
      title: 'P1/P2 ticket open',
      detail: `Open: ${named}`,
      subjectId: severe[0].id,
    },
  ];
};
