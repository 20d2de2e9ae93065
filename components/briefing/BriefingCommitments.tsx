/** Open commitments, ours and theirs, overdue first, and the sales promises: read-only, the sidebar edits them. */
import { useId } from 'react';
import type { AccountView } from '@/lib/account-view/types';
import { openCommitments, type BriefingCommitment } from '@/lib/briefing/derive';
import { CommitmentItem } from '../commitments/CommitmentItem';

function Group({ title, items, asOf }: { title: string; items: BriefingCommitment[]; asOf: string }) {
  return (
    <>
      <h3>
        {title} <span className="muted">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">None open.</p>
      ) : (
        <ul className="commitments" aria-label={title}>
          {items.map((b) => (
            <CommitmentItem key={b.commitment.id} commitment={b.commitment} status={b.status} asOf={asOf} />
          ))}
        </ul>
      )}
    </>
  );
}

export function BriefingCommitments({ view }: { view: AccountView }) {
  const headingId = useId();
  const { ours, theirs, promises } = openCommitments(view);
  return (
    <section className="card briefing-commitments" aria-labelledby={headingId}>
      <h2 id={headingId}>Open commitments</h2>
      <Group title="Ours" items={ours} asOf={view.asOf} />
      <Group title="Theirs" items={theirs} asOf={view.asOf} />
      <Group title="Sales promises" items={promises} asOf={view.asOf} />
    </section>
  );
}
