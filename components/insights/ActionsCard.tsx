/**
 * The next best actions: the top one prominent and up to two more, in ranked order. Every
 * suggestion can be dismissed or snoozed, and brought back: they help judgement, never replace it.
 */
import { useId, useState } from 'react';
import type { ActionId, ActionsResult, HiddenAction, NextAction } from '@/lib/insights';
import { addDaysIso } from '@/lib/time';
import { ActionItem, type SnoozeChoice } from './ActionItem';
import { Disclosure } from './Disclosure';
import { shortDate } from './format';

export interface ActionsCardProps {
  accountId: string;
  actions: ActionsResult;
  /** No `until`: dismissed for good; else hidden until that ISO moment. */
  onSnooze: (actionId: ActionId, until?: string) => void;
  onRestore: (actionId: ActionId) => void;
  /** The moment snoozes count from; the click's own time when absent. */
  now?: string | number | Date;
  /** A change is in flight: the controls wait for it. */
  busy?: boolean;
  /** The last change failed, in words. */
  error?: string | null;
  /** The first screen: the top action in full, the others behind a toggle (still in the DOM, in ranked order). */
  compact?: boolean;
}

const SNOOZE_DAYS: Record<Exclude<SnoozeChoice, 'dismiss'>, number> = { day: 1, week: 7 };

function hiddenState(a: HiddenAction): string {
  return a.hiddenUntil ? `Snoozed until ${shortDate(a.hiddenUntil)}` : 'Dismissed';
}

export function ActionsCard({ accountId, actions, onSnooze, onRestore, now, busy, error, compact = false }: ActionsCardProps) {
  const headingId = useId();
  const moreId = useId();
  const [moreOpen, setMoreOpen] = useState(false);
  const hiddenTitleId = (a: HiddenAction) => `${headingId}-hidden-${a.id}`;
  // Said aloud after a change, because the item the focus was on disappears with it.
  const [status, setStatus] = useState('');
  // Another account starts silent; reset while rendering rather than in an effect that would render twice.
  const [statusAccountId, setStatusAccountId] = useState(accountId);
  if (statusAccountId !== accountId) {
    setStatusAccountId(accountId);
    setStatus('');
  }

  const shown = actions.top ? [actions.top, ...actions.more] : [];

  function hide(action: NextAction, choice: SnoozeChoice) {
    if (choice === 'dismiss') {
      onSnooze(action.id);
      setStatus(`Dismissed ${action.title}`);
      return;
    }
    const days = SNOOZE_DAYS[choice];
    onSnooze(action.id, addDaysIso(now ?? Date.now(), days));
    setStatus(`Snoozed ${action.title} for ${days === 1 ? '1 day' : '1 week'}`);
  }

  function restore(action: HiddenAction) {
    onRestore(action.id);
    setStatus(`Restored ${action.title}`);
  }

  return (
    <section className="card insights-card actions-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Next best actions</h2>
      {shown.length === 0 ? (
        <p className="muted">No suggested actions right now</p>
      ) : compact && shown.length > 1 ? (
        <>
          <ol className="actions-list" aria-label="Next best action">
            <ActionItem action={shown[0]} top busy={busy} onHide={hide} />
          </ol>
          <button
            type="button"
            className="disclosure__toggle"
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onClick={() => setMoreOpen(!moreOpen)}
          >
            <span className="disclosure__chevron" aria-hidden="true">
              {moreOpen ? '▾' : '▸'}
            </span>
            {shown.length === 2 ? '1 more action' : `${shown.length - 1} more actions`}
          </button>
          <ol id={moreId} className="actions-list" aria-label="More actions, in order" hidden={!moreOpen} start={2}>
            {shown.slice(1).map((a) => (
              <ActionItem key={a.id} action={a} top={false} busy={busy} onHide={hide} />
            ))}
          </ol>
        </>
      ) : (
        <ol className="actions-list" aria-label="Next best actions, most important first">
          {shown.map((a, i) => (
            <ActionItem key={a.id} action={a} top={i === 0} busy={busy} onHide={hide} />
          ))}
        </ol>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {actions.hidden.length > 0 && (
        <Disclosure summary={`Dismissed or snoozed (${actions.hidden.length})`} className="actions-hidden">
          <ul>
            {actions.hidden.map((a) => (
              <li key={a.id} className="actions-hidden__item" data-hidden-action-id={a.id}>
                <span className="actions-hidden__title" id={hiddenTitleId(a)}>
                  {a.title}
                </span>
                <span className="muted">{hiddenState(a)}</span>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  // Named apart from the title for the same reason as the action's own controls.
                  aria-describedby={hiddenTitleId(a)}
                  disabled={busy}
                  onClick={() => restore(a)}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </Disclosure>
      )}
    </section>
  );
}
