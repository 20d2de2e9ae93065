/** Risk signals, highest level first, each saying which data fired it. */
import { useId } from 'react';
import type { Signal } from '@/lib/insights';
import { LEVEL_ICONS, LEVEL_LABELS } from './format';

export interface AlertsCardProps {
  /** Highest level first (as computeInsights orders them). */
  signals: readonly Signal[];
}

export function AlertsCard({ signals }: AlertsCardProps) {
  const headingId = useId();
  return (
    <section className="card insights-card alerts-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Risk signals {signals.length > 0 && <span className="badge">{signals.length}</span>}</h2>
      {signals.length === 0 ? (
        <p className="muted">No risk signals</p>
      ) : (
        <ul className="alerts-list">
          {signals.map((s, i) => (
            <li key={`${s.id}-${s.subjectId ?? i}`} className="alert" data-signal-id={s.id} data-level={s.level}>
              <span className={`badge level-badge level-badge--${s.level}`}>
                <span aria-hidden="true">{LEVEL_ICONS[s.level]} </span>
                {LEVEL_LABELS[s.level]}
              </span>
              <span className="visually-hidden">: </span>
              <span className="alert__title">{s.title}</span>
              <p className="alert__detail muted">{s.detail}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
