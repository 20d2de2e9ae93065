/** Open commitments (ours / theirs) and the sales promises, with done, edit, cancel (undo) and logging. */
import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountView } from '@/lib/account-view/types';
import { call } from '@/lib/messages/client';
import type { Commitment } from '@/lib/model/bundle';
import { queryKeys } from '../data/hooks';
import { CommitmentItem } from './CommitmentItem';
import { PromiseForm, type PromiseSource } from './PromiseForm';
import { shownStatus, sortCommitments } from './status';

type Filter = 'all' | 'us' | 'customer';

export interface CommitmentsCardProps {
  view: AccountView;
  /** A promise being logged (from the button, the context menu or the shortcut). */
  draft: { text: string; sentAt?: string } | null;
  source: PromiseSource;
  userEmail?: string;
  onOpenDraft: () => void;
  onCloseDraft: () => void;
}

/** Writes a commitment into the cached view at once; the background's answer then confirms it. */
function useSaveCommitment(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (commitment: Commitment) => call('commitment.save', { commitment }),
    onMutate: (commitment) => {
      client.setQueryData<AccountView | null>(queryKeys.account(accountId), (view) =>
        view ? { ...view, commitments: [...view.commitments.filter((c) => c.id !== commitment.id), commitment] } : view,
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.account(accountId) }),
  });
}

export function CommitmentsCard({ view, draft, source, userEmail, onOpenDraft, onCloseDraft }: CommitmentsCardProps) {
  const accountId = view.account.id;
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<Commitment | null>(null);
  const [undo, setUndo] = useState<Commitment | null>(null);
  const [showClosed, setShowClosed] = useState(false);
  const save = useSaveCommitment(accountId);
  const now = useMemo(() => new Date(view.asOf), [view.asOf]);

  const setStatus = (c: Commitment, status: Commitment['status']) => {
    save.mutate({ ...c, status });
    setUndo(status === 'cancelled' ? c : null);
  };
  const sorted = sortCommitments(view.commitments, view.asOf);
  const commitments = sorted.filter((c) => c.kind === 'commitment' && (filter === 'all' || c.owner === filter));
  const promises = sorted.filter((c) => c.kind === 'sales-promise');
  const openItems = commitments.filter((c) => c.status === 'open');
  const closedItems = commitments.filter((c) => c.status !== 'open');

  const item = (c: Commitment) => (
    <CommitmentItem
      key={c.id}
      commitment={c}
      status={shownStatus(c, view.asOf)}
      asOf={view.asOf}
      onStatus={(s) => setStatus(c, s)}
      onEdit={() => setEditing(c)}
    />
  );
  const formOpen = draft !== null || editing !== null;

  return (
    <section className="card" aria-labelledby="commitments-heading">
      <div className="card__title-row">
        <h3 id="commitments-heading">Commitments</h3>
        <button type="button" className="button button--small" onClick={onOpenDraft} disabled={formOpen}>
          Log promise
        </button>
      </div>
      {formOpen && (
        <PromiseForm
          key={editing?.id ?? 'new'}
          accountId={accountId}
          initialText={draft?.text ?? ''}
          sentAt={draft?.sentAt}
          source={source}
          userEmail={userEmail}
          existing={editing ?? undefined}
          now={now}
          saving={save.isPending}
          error={save.error?.message}
          onSave={(c) =>
            save.mutate(c, {
              onSuccess: () => {
                setEditing(null);
                onCloseDraft();
              },
            })
          }
          onCancel={() => {
            setEditing(null);
            onCloseDraft();
          }}
        />
      )}
      {undo && (
        <p className="undo" role="status">
          Cancelled “{undo.text.length > 50 ? `${undo.text.slice(0, 50)}…` : undo.text}”.{' '}
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              save.mutate({ ...undo, status: 'open' });
              setUndo(null);
            }}
          >
            Undo
          </button>
        </p>
      )}
      <div className="segmented" role="group" aria-label="Show commitments">
        {(['all', 'us', 'customer'] as const).map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {f === 'all' ? 'All' : f === 'us' ? 'Ours' : 'Theirs'}
          </button>
        ))}
      </div>
      {openItems.length === 0 ? <p className="muted">No open commitments.</p> : <ul className="commitments">{openItems.map(item)}</ul>}
      {closedItems.length > 0 && (
        <>
          <button type="button" className="button button--small button--quiet" aria-expanded={showClosed} onClick={() => setShowClosed(!showClosed)}>
            Done and cancelled ({closedItems.length})
          </button>
          {showClosed && <ul className="commitments">{closedItems.map(item)}</ul>}
        </>
      )}
      <h3 className="subheading">Sales promises</h3>
      {promises.length === 0 ? (
        <p className="muted">No promises from the sale on record.</p>
      ) : (
        <ul className="commitments">{promises.map(item)}</ul>
      )}
    </section>
  );
}
