import { trailingMissedMeetings } from '../../health/facts';
import { onDay } from '../../briefing/format';
import type { SignalRule } from '../types';

/** The latest run of past meetings (with attendance recorded) ends in N or more misses. */
export const missedMeetings: SignalRule = ({ data, now, settings }) => {
  const missed = trailingMissedMeetings(data.activities, now);
  if (missed.length < settings.signals.missedMeetings) return [];
  return [
    {
      id: 'missed-meetings',
      level: 'yellow',
      title: 'Missed meetings',
      detail: `${missed.length} scheduled meetings missed in a row, the last ${onDay(missed[missed.length - 1].date, now)}`,
    },
  ];
};
