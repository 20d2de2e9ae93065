/** One next best action: what, why, the playbook's steps, and dismiss / snooze. */
import type { NextAction } from '@/lib/insights';
import { Disclosure } from './Disclosure';

export type SnoozeChoice = 'dismiss' | 'day' | 'week';

export interface ActionItemProps {
  action: NextAction;
  top: boolean;
  busy?: boolean;
  onHide: (action: NextAction, choice: SnoozeChoice) => void;
}

export function ActionItem({ action, top, busy, onHide }: ActionItemProps) {
  const { id, title, reason, steps } = action;
  return (
    <li className={`action${top ? ' action--top' : ''}`} data-action-id={id}>
      {top && <span className="action__kicker">Next best action</span>}
      <p className="action__title">{title}</p>
      <p className="action__reason muted">{reason}</p>
      {steps.length > 0 && (
        <Disclosure summary="Steps" label={`Steps for ${title}`} className="action__steps">
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
          aria-label={`Dismiss ${title}`}
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
          aria-label={`Snooze ${title} for 1 day`}
          disabled={busy}
          onClick={() => onHide(action, 'day')}
        >
          1 day
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label={`Snooze ${title} for 1 week`}
          disabled={busy}
          onClick={() => onHide(action, 'week')}
        >
          1 week
        </button>
      </div>
    </li>
  );
}
