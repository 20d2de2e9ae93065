import { useId, useState } from 'react';
import type { Commitment } from '@/lib/model/bundle';
import { isRoadmapPromise } from '@/lib/promises';
import { formatDate, relativeDay } from '../account/format';
import { isDueSoon, type ShownStatus } from './status';

export interface CommitmentItemProps {
  commitment: Commitment;
  status: ShownStatus;
  asOf: string;
  onStatus?: (status: Commitment['status']) => void;
  onEdit?: () => void;
}

/** Edit and cancel, out of the way behind one quiet toggle: marking done is the item's one primary action. */
function MoreMenu({ textId, onEdit, onCancel }: { textId: string; onEdit?: () => void; onCancel: () => void }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  return (
    <>
      <button
        type="button"
        className="button button--small button--quiet commitment__more"
        aria-label="More"
        aria-describedby={textId}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <span id={menuId} className="commitment__menu" hidden={!open}>
        {onEdit && (
          <button type="button" className="button button--small button--quiet" aria-describedby={textId} onClick={onEdit}>
            Edit
          </button>
        )}
        <button type="button" className="button button--small button--quiet" aria-describedby={textId} onClick={onCancel}>
          Cancel commitment
        </button>
      </span>
    </>
  );
}

/*
 * The controls' names never repeat the commitment's text: it is free text, and "Send the promised
 * pricing" in a name would also answer to queries for the form's "Save", "Due", "Promise" or
 * "Owner". Screen readers get the text as each control's description, which name and label
 * lookups ignore. "Cancel commitment" keeps the item's cancel apart from the form's own "Cancel".
 */
export function CommitmentItem({ commitment: c, status, asOf, onStatus, onEdit }: CommitmentItemProps) {
  const roadmap = c.kind === 'sales-promise' && isRoadmapPromise(c.text);
  const soon = status === 'open' && isDueSoon(c, asOf);
  const textId = useId();
  return (
    <li
      className={`commitment commitment--${status}${soon ? ' commitment--soon' : ''}`}
      data-commitment-id={c.id}
      data-kind={c.kind}
      data-status={status}
      data-owner={c.owner}
    >
      <p className="commitment__text" id={textId}>
        {c.text}
      </p>
      <div className="commitment__meta">
        <span className="badge">{c.owner === 'us' ? 'Ours' : 'Theirs'}</span>
        {status === 'overdue' && <span className="badge badge--red">Overdue</span>}
        {soon && <span className="badge badge--yellow">Due soon</span>}
        {roadmap && (
          <span className="badge badge--orange" title="A promise about a future product capability: never overpromise on the roadmap">
            Roadmap risk
          </span>
        )}
        {status === 'done' && <span className="badge badge--green">Done</span>}
        {status === 'cancelled' && <span className="badge">Cancelled</span>}
        <span className="muted">
          {c.dueDate ? `Due ${formatDate(c.dueDate)} (${relativeDay(c.dueDate, asOf)})` : 'No due date'}
          {c.promisedBy ? ` · by ${c.promisedBy}` : ''}
          {c.promisedTo ? ` to ${c.promisedTo}` : ''}
        </span>
        {c.source?.url && (
          <a href={c.source.url} target="_blank" rel="noreferrer noopener">
            Source
          </a>
        )}
      </div>
      {onStatus && (
        <div className="commitment__controls">
          {c.status === 'open' ? (
            <>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-describedby={textId}
                onClick={() => onStatus('done')}
              >
                <span aria-hidden="true">✓ </span>Done
              </button>
              <MoreMenu textId={textId} onEdit={onEdit} onCancel={() => onStatus('cancelled')} />
            </>
          ) : (
            <button type="button" className="button button--small button--quiet" aria-describedby={textId} onClick={() => onStatus('open')}>
              Reopen
            </button>
          )}
        </div>
      )}
    </li>
  );
}
