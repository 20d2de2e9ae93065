/** Meetings coming up across the book, soonest first: each opens that account's briefing. */
import { useId } from 'react';
import { formatDateTime, relativeDay } from '../account/format';
import { useUpcomingMeetings } from '../data/hooks';

export function UpcomingMeetings({ onPick, limit = 8 }: { onPick: (accountId: string) => void; limit?: number }) {
  const meetings = useUpcomingMeetings();
  const headingId = useId();
  const now = new Date().toISOString();
  const list = [...(meetings.data ?? [])].sort((a, b) => Date.parse(a.date) - Date.parse(b.date)).slice(0, limit);
  return (
    <section aria-labelledby={headingId} className="upcoming">
      <h2 id={headingId}>Meetings coming up</h2>
      {meetings.isPending ? (
        <p className="muted">Loading…</p>
      ) : list.length === 0 ? (
        <p className="muted">No meetings in the next 7 days.</p>
      ) : (
        <ul className="upcoming__list">
          {list.map((m) => (
            <li key={m.activityId} className="upcoming__item" data-meeting-account-id={m.accountId}>
              <button type="button" className="upcoming__account" onClick={() => onPick(m.accountId)}>
                {m.accountName}
              </button>
              <span className="upcoming__when">
                {relativeDay(m.date, now)}, {formatDateTime(m.date)}
              </span>
              {m.summary && <span className="upcoming__summary muted">{m.summary}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
