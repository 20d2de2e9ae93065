import { formatDateTime } from '../account/format';
import { useUpcomingMeetings } from '../data/hooks';

export function UpcomingMeetings({ onPick }: { onPick: (accountId: string) => void }) {
  const meetings = useUpcomingMeetings();
  if (!meetings.data?.length) return null;
  return (
    <section aria-labelledby="upcoming-heading" className="upcoming">
      <h3 id="upcoming-heading">Meetings coming up</h3>
      <ul>
        {meetings.data.map((m) => (
          <li key={m.activityId}>
            <button type="button" className="button button--quiet button--small" onClick={() => onPick(m.accountId)}>
              {m.accountName}
            </button>{' '}
            <span className="muted">
              {formatDateTime(m.date)}
              {m.summary ? ` · ${m.summary}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
