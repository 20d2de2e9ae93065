/** Open commitments (ours / theirs) and the sales promises, with done (undo), edit, cancel (undo) and logging. */
import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountView } from '@/lib/account-view/types';
import { call } from '@/lib/messages/client';
import { applyPatch, isEmptyPatch, patchBetween, type CommitmentPatch } from '@/lib/commitments/patch';
import type { PromiseDraftSeed } from '@/lib/messages/frame';
import type { Commitment } from '@/lib/model/bundle';
import { queryKeys } from '../data/hooks';
import { CommitmentItem } from './CommitmentItem';
import { PromiseForm, type PromiseSource } from './PromiseForm';
import { shownStatus, sortCommitments } from './status';

type Filter = 'all' | 'us' | 'customer';

/** Done and cancelled items shown; older ones are summed up in a note. */
export const CLOSED_SHOWN = 10;

/**
 * Most recent first: the ones closed here, last closed first, then by due date, else made date.
 * Records keep no closing time, so the dates stand in for it.
 */
function recentFirst(items: Commitment[], closedHere: string[]): Commitment[] {
  const rank = (c: Commitment) => {
    const at = closedHere.lastIndexOf(c.id);
    return at === -1 ? Infinity : closedHere.length - at;
  };
  const when = (c: Commitment) => c.dueDate ?? c.madeAt ?? '';
  return [...items].sort((a, b) => rank(a) - rank(b) || when(b).localeCompare(when(a)));
}

export interface CommitmentsCardProps {
  view: AccountView;
  /** A promise being logged (from the button, the context menu or the shortcut). */
  draft: PromiseDraftSeed | null;
  source: PromiseSource;
  userEmail?: string;
  onOpenDraft: () => void;
  onCloseDraft: () => void;
}

/** A new commitment, sent whole; or a change to one, sent as the changed fields only. */
type CommitmentChange = { create: Commitment } | { id: string; patch: CommitmentPatch };

/** Writes a change into the cached view at once; the background's answer then confirms it. */
function useCommitmentChange(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: CommitmentChange) =>
      'create' in change
        ? call('commitment.save', { commitment: change.create })
        : call('commitment.update', { id: change.id, patch: change.patch }),
    onMutate: (change) => {
      client.setQueryData<AccountView | null>(queryKeys.account(accountId), (view) => {
        if (!view) return view;
        const commitments =
          'create' in change
            ? [...view.commitments.filter((c) => c.id !== change.create.id), change.create]
            : view.commitments.map((c) => (c.id === change.id ? applyPatch(c, change.patch) : c));
        return { ...view, commitments };
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.account(accountId) }),
  });
}

export function CommitmentsCard({ view, draft, source, userEmail, onOpenDraft, onCloseDraft }: CommitmentsCardProps) {
  const accountId = view.account.id;
  const [filter, setFilter] = useState<Filter>('all');
  const [editing, setEditing] = useState<Commitment | null>(null);
  // The last item closed here, so a mis-click on "Done" or "Cancel commitment" is one click to undo.
  const [undo, setUndo] = useState<{ item: Commitment; status: Commitment['status'] } | null>(null);
  // Ids closed in this card, so a just-closed item is among the shown even past the cap.
  const [closedHere, setClosedHere] = useState<string[]>([]);
  const save = useCommitmentChange(accountId);
  const now = useMemo(() => new Date(view.asOf), [view.asOf]);

  const setStatus = (c: Commitment, status: Commitment['status']) => {
    save.mutate({ id: c.id, patch: { status } });
    setUndo(status === 'open' ? null : { item: c, status });
    if (status !== 'open') setClosedHere((ids) => [...ids, c.id]);
  };
  const sorted = sortCommitments(view.commitments, view.asOf);
  const commitments = sorted.filter((c) => c.kind === 'commitment' && (filter === 'all' || c.owner === filter));
  const promises = sorted.filter((c) => c.kind === 'sales-promise');
  const openItems = commitments.filter((c) => c.status === 'open');
  const closedItems = recentFirst(
    commitments.filter((c) => c.status !== 'open'),
    closedHere,
  );
  const closedShown = closedItems.slice(0, CLOSED_SHOWN);

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
          key={editing?.id ?? draft?.suggested?.commitmentId ?? 'new'}
          accountId={accountId}
          initialText={draft?.text ?? ''}
          sentAt={draft?.sentAt}
          suggested={editing ? undefined : draft?.suggested}
          source={source}
          userEmail={userEmail}
          existing={editing ?? undefined}
          now={now}
          saving={save.isPending}
          error={save.error?.message}
          onSave={(c) => {
            const close = () => {
              setEditing(null);
              onCloseDraft();
            };
            const patch = editing ? patchBetween(editing, c) : null;
            if (patch && isEmptyPatch(patch)) close();
            else save.mutate(patch ? { id: c.id, patch } : { create: c }, { onSuccess: close });
          }}
          onCancel={() => {
            setEditing(null);
            onCloseDraft();
          }}
        />
      )}
      {undo && (
        <p className="undo" role="status">
          {undo.status === 'done' ? 'Marked done' : 'Cancelled'} “
          {undo.item.text.length > 50 ? `${undo.item.text.slice(0, 50)}…` : undo.item.text}”.{' '}
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              save.mutate({ id: undo.item.id, patch: { status: 'open' } });
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
        // Always rendered, never behind a toggle: an item just marked done stays findable by its
        // data-status, and the user sees where it went.
        <>
          <h3 className="subheading">Done and cancelled</h3>
          <ul className="commitments">{closedShown.map(item)}</ul>
          {closedItems.length > closedShown.length && <p className="muted">+{closedItems.length - closedShown.length} more</p>}
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
