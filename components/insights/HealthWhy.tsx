/** The "Why?" behind a health score: every dimension, its weight, score and sub-scores. */
import type { DimensionScore } from '@/lib/insights';
import { Disclosure } from './Disclosure';
import { DIMENSION_INPUTS, oneDecimal } from './format';

function weightText(d: DimensionScore): string {
  if (d.score === null) return `weight ${d.weight}%, left out`;
  if (Math.abs(d.effectiveWeight - d.weight) < 0.05) return `weight ${d.weight}%`;
  // Renormalised over the dimensions with data: show both so the arithmetic can be followed.
  return `weight ${d.weight}%, counts ${oneDecimal(d.effectiveWeight)}%`;
}

function Dimension({ d }: { d: DimensionScore }) {
  return (
    <li className="health-why__dimension" data-dimension={d.id}>
      <div className="health-why__head">
        <span className="health-why__label">{d.label}</span>
        <span className="health-why__score">{d.score === null ? 'no data' : `${oneDecimal(d.score)}/100`}</span>
      </div>
      <p className="health-why__weight muted">{weightText(d)}</p>
      {d.score === null ? (
        <p className="muted">Needs {DIMENSION_INPUTS[d.id]}.</p>
      ) : (
        <ul className="health-why__subs">
          {d.subScores.map((s) => (
            <li key={s.id} data-sub-score={s.id}>
              <span className="health-why__value">{oneDecimal(s.value)}/10</span> {s.detail}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function HealthWhy({ dimensions }: { dimensions: readonly DimensionScore[] }) {
  return (
    <Disclosure summary="Why?" className="health-why">
      <ul className="health-why__list" aria-label="Health dimensions">
        {dimensions.map((d) => (
          <Dimension key={d.id} d={d} />
        ))}
      </ul>
    </Disclosure>
  );
}
