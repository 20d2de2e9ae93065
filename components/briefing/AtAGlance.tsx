/**
 * Health and the top action in one line under the header, so the first screen answers "how is
 * this account and what do I do" before any scrolling. The cards below carry the DOM hooks.
 */
import type { AccountView } from '@/lib/account-view/types';
import { BAND_NAMES } from '@/lib/briefing/format';

const ARROW = { up: '▲', down: '▼', flat: '▶' } as const;

export function AtAGlance({ view }: { view: AccountView }) {
  const { health, actions } = view.insights;
  const trend = health.trend;
  return (
    <p className="briefing-glance">
      <span className={`briefing-glance__health briefing-glance__health--${health.band}`}>
        {health.score === null ? BAND_NAMES.none : `Health ${health.score} ${BAND_NAMES[health.band]}`}
        {trend && trend.direction !== 'flat' && (
          <span>
            {' '}
            <span aria-hidden="true">{ARROW[trend.direction]}</span>
            <span className="visually-hidden">{trend.direction === 'up' ? 'up' : 'down'}</span>
            {Math.abs(trend.delta)}
          </span>
        )}
      </span>
      {actions.top && (
        <span className="briefing-glance__action">
          <span className="muted">Do next: </span>
          {actions.top.title}
        </span>
      )}
    </p>
  );
}
