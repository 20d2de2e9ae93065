/**
 * The collapsed sidebar: a short tab that still tells something, the matched account's health
 * (band colour and score) and how many of our commitments are overdue. One button opens it again.
 */
import type { AccountView } from '@/lib/account-view/types';
import { BAND_LABELS } from '../insights/format';
import { shownStatus } from '../commitments/status';

export function CollapsedHandle({ view, onOpen }: { view: AccountView | undefined; onOpen: () => void }) {
  const health = view?.insights.health;
  const overdue = view ? view.commitments.filter((c) => shownStatus(c, view.asOf) === 'overdue').length : 0;
  const said = view
    ? [
        view.account.name,
        // The score and the overdue count are what the handle shows, so they sit side by side in its name too.
        health?.score != null ? `${BAND_LABELS[health.band]} health ${health.score}` : 'no health score',
        overdue > 0 ? `${overdue} overdue` : '',
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <button
      type="button"
      className={`handle handle--${health?.band ?? 'none'}`}
      aria-label={said ? `Open Glance sidebar: ${said}` : 'Open Glance sidebar'}
      data-handle-band={health?.band}
      onClick={onOpen}
    >
      <span className="handle__chevron" aria-hidden="true">
        «
      </span>{' '}
      {/* Spaces between the parts: read as text (axe, a screen reader's review) they are "51 3", not "513". */}
      {health && (
        <span className="handle__score" aria-hidden="true">
          {health.score ?? '–'}
        </span>
      )}{' '}
      {overdue > 0 && (
        <span className="handle__overdue" aria-hidden="true" title={`${overdue} overdue`}>
          {overdue}!
        </span>
      )}
    </button>
  );
}
