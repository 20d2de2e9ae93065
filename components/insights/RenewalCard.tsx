/** The renewal motion: where the account stands, this stage's checklist, and the 90-day rule. */
import { useId } from 'react';
import type { RenewalStatus } from '@/lib/insights';
import { longDate, plural } from './format';

export interface RenewalCardProps {
  renewal: RenewalStatus | null;
}

function daysText(days: number): string {
  if (days === 0) return 'Renewal today';
  if (days < 0) return `Renewal date passed ${plural(-days, 'day')} ago`;
  return `Renewal in ${plural(days, 'day')}`;
}

export function RenewalCard({ renewal }: RenewalCardProps) {
  const headingId = useId();
  return (
    <section className="card insights-card renewal-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Renewal</h2>
      {!renewal ? (
        <p className="muted">No renewal date on record</p>
      ) : (
        <>
          <p className="renewal-when">
            <strong>{daysText(renewal.daysToGo)}</strong>{' '}
            <span className="muted">
              (<time dateTime={renewal.renewalDate}>{longDate(renewal.renewalDate)}</time>)
            </span>
          </p>
          {renewal.ninetyDayRule.breached && (
            <p className="insights-warning" data-rule="ninety-day">
              <span aria-hidden="true">⚠ </span>
              <strong>90-day rule:</strong> {renewal.ninetyDayRule.detail}. A customer must never first hear of renewal less than 90 days
              out.
            </p>
          )}
          {renewal.stage ? (
            <div className="renewal-stage" data-stage={renewal.stage.id}>
              <p>
                <span className="badge">{renewal.stage.id}</span> {renewal.stage.title}
              </p>
              <ul className="renewal-checklist" aria-label={`${renewal.stage.id} checklist`}>
                {renewal.stage.checklist.map((item) => (
                  <li key={item}>
                    <span aria-hidden="true">☐ </span>
                    {item}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted">More than 120 days out: no renewal stage yet</p>
          )}
          {!renewal.ninetyDayRule.breached && <p className="muted">{renewal.ninetyDayRule.detail}</p>}
        </>
      )}
    </section>
  );
}
