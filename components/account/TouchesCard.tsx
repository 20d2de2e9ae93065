import type { Activity } from '@/lib/model/bundle';
import { formatDate, formatDateTime, relativeDay } from './format';

const TYPE_LABEL: Record<Activity['type'], string> = { email: 'Email', meeting: 'Meeting', call: 'Call', note: 'Note', qbr: 'QBR' };

export function TouchesCard({
  recent,
  upcoming,
  asOf,
  limit = 5,
}: {
  recent: Activity[];
  upcoming: Activity[];
  asOf: string;
  limit?: number;
}) {
  const next = upcoming[0];
  return (
    <section className="card" aria-labelledby="touches-heading">
      <h2 id="touches-heading">Recent touches</h2>
      {next && (
        <p className="next-meeting" data-next-meeting={next.id}>
          <strong>Next meeting:</strong> {formatDateTime(next.date)} ({relativeDay(next.date, asOf)})
          {next.summary ? ` · ${next.summary}` : ''}
        </p>
      )}
      {recent.length === 0 ? (
        <p className="muted">No touches on record.</p>
      ) : (
        <ul className="touches">
          {recent.slice(0, limit).map((a) => (
            <li key={a.id} className="touch">
              <span className="badge">{TYPE_LABEL[a.type]}</span> <span className="muted">{formatDate(a.date)}</span>
              {a.type === 'meeting' && a.attended === false && <span className="badge badge--yellow">Missed</span>}
              {a.summary && <div className="touch__summary">{a.summary}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
