/**
 * The two things after the next best action that a CSM must not miss on the first screen: the
 * most urgent risk signal and the next commitment due (or the most overdue). The full lists are in
 * their sections below; these lines carry data-top-* hooks, not the list items' own ids.
 */
import { useId } from 'react';
import type { AccountView } from '@/lib/account-view/types';
import type { Signal } from '@/lib/insights';
import { spokenDate } from '../account/format';
import { nextCommitment, shownStatus } from '../commitments/status';
import { LEVEL_ICONS, LEVEL_LABELS } from '../insights/format';

function TopRisk({ signal, more }: { signal: Signal | undefined; more: number }) {
  if (!signal)
    return (
      <p className="now__line muted" data-now="risk">
        No risk signals
      </p>
    );
  return (
    <div className="now__line" data-now="risk" data-top-signal-id={signal.id} data-level={signal.level}>
      <span className={`badge level-badge level-badge--${signal.level}`}>
        <span aria-hidden="true">{LEVEL_ICONS[signal.level]} </span>
        {LEVEL_LABELS[signal.level]}
      </span>
      <span className="visually-hidden">: </span> <strong>{signal.title}</strong>
      <p className="now__detail muted">
        {signal.detail}
        {more > 0 && ` (+${more} more below)`}
      </p>
    </div>
  );
}

export function NowCard({ view }: { view: AccountView }) {
  const headingId = useId();
  const signals = view.insights.signals;
  const next = nextCommitment(view);
  const status = next && shownStatus(next, view.asOf);
  return (
    <section className="card now" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        Most urgent risk and next commitment
      </h2>
      <h3>Most urgent risk</h3>
      <TopRisk signal={signals[0]} more={signals.length - 1} />
      <h3>Next commitment</h3>
      {next ? (
        <div
          className="now__line"
          data-now="commitment"
          data-next-commitment-id={next.id}
          data-status={status === 'overdue' ? 'overdue' : 'open'}
        >
          {status === 'overdue' ? (
            <span className="badge badge--red">Overdue</span>
          ) : (
            <span className="badge">{next.owner === 'us' ? 'Ours' : 'Theirs'}</span>
          )}{' '}
          <span className="now__text">{next.text}</span>
          <p className="now__detail muted">{next.dueDate ? `Due ${spokenDate(next.dueDate, view.asOf)}` : 'No due date'}</p>
        </div>
      ) : (
        <p className="now__line muted" data-now="commitment">
          Nothing open
        </p>
      )}
    </section>
  );
}
