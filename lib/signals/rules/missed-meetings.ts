import { trailingMissedMeetings } from '../../health/facts';
import type { SignalRule } from '../types';

/** The latest run of past meetings (with attendance recorded) ends in N or more misses. */
export const missedMeetings: SignalRule = ({ data, now, settings }) => {
  const missed = trailingMissedMeetings(data.activities, now);
  if (missed.length < settings.signals.missedMeetings) return [];
  const dates = missed.map((m) => m.date.slice(0, 10)).join(', ');
  return [
    {
      id: 'missed-meetings',
      level: 'yellow',
      title: 'Missed meetings',
      detail: `${missed.length} scheduled meetings missed in a row (${dates})`,
    },
  ];
};
