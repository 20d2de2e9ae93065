/** Expansion readiness: all four conditions must hold before suggesting more. */
import { useId } from 'react';
import type { ExpansionReadiness } from '@/lib/insights';

export interface ExpansionCardProps {
  expansion: ExpansionReadiness;
}

export function ExpansionCard({ expansion }: ExpansionCardProps) {
  const headingId = useId();
  const met = expansion.conditions.filter((c) => c.met).length;
  const total = expansion.conditions.length;
  return (
    <section className="card insights-card expansion-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Expansion</h2>
      <p className={`expansion-verdict expansion-verdict--${expansion.ready ? 'ready' : 'not-ready'}`} data-ready={expansion.ready}>
        {expansion.ready ? 'Ready to expand' : `Not ready to expand: ${met} of ${total} conditions met`}
      </p>
      <ul className="expansion-conditions">
        {expansion.conditions.map((c) => (
          <li key={c.id} className={`condition condition--${c.met ? 'met' : 'unmet'}`} data-condition-id={c.id} data-met={c.met}>
            <span className="condition__icon" aria-hidden="true">
              {c.met ? '✓' : '✗'}
            </span>
            <span className="condition__text">
              <span className="condition__label">{c.label}</span>
              <span className="condition__state">{c.met ? 'Met' : 'Not met'}</span>
              <span className="condition__reason muted">{c.reason}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
