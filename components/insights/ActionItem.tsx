/** One next best action: what, why, the playbook's steps, and dismiss / snooze. */
import { useId } from 'react';
import type { NextAction } from '@/lib/insights';
import { Disclosure } from './Disclosure';

export type SnoozeChoice = 'dismiss' | 'day' | 'week';

export interface ActionItemProps {
  action: NextAction;
  top: boolean;
  busy?: boolean;
  onHide: (action: NextAction, choice: SnoozeChoice) => void;
}

/*
 * The controls' names stay short and never repeat the title: titles carry free text ("Follow up
 * now: <commitment>", "... the save play"), and a name containing it would also answer to queries
 * for the sidebar's own controls ("Save", "Due", "Promise"). The title reaches screen readers as
 * each control's description instead; a description, unlike a name or an aria-labelledby label,
 * is not matched by name or label lookups.
 */
export function ActionItem({ action, top, busy, onHide }: ActionItemProps) {
  const { id, title, reason, steps } = action;
  const titleId = useId();
  return (
    <li className={`action${top ? ' action--top' : ''}`} data-action-id={id}>
      {top && <span className="action__kicker">Next best action</span>}
      <p className="action__title" id={titleId}>
        {title}
      </p>
      <p className="action__reason muted">{reason}</p>
      {top && steps.length > 0 && (
        <p className="action__first-step">
          <strong>First step:</strong> {steps[0]}
        </p>
      )}
      {steps.length > (top ? 1 : 0) && (
        <Disclosure summary={top ? 'All steps' : 'Steps'} describedBy={titleId} className="action__steps">
          <ol>
            {steps.map((step, i) => (
              <li key={i}>{step}</li>
            ))}
          </ol>
        </Disclosure>
      )}
      <div className="action__controls">
        <button
          type="button"
          className="button button--quiet button--small"
          aria-describedby={titleId}
          disabled={busy}
          onClick={() => onHide(action, 'dismiss')}
        >
          Dismiss
        </button>
        <span className="action__snooze muted" aria-hidden="true">
          Snooze
        </span>
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label="Snooze 1 day"
          aria-describedby={titleId}
          disabled={busy}
          onClick={() => onHide(action, 'day')}
        >
          1 day
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label="Snooze 1 week"
          aria-describedby={titleId}
          disabled={busy}
          onClick={() => onHide(action, 'week')}
        >
          1 week
        </button>
      </div>
    </li>
  );
}
