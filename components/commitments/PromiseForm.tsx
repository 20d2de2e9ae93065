/**
 * "Log promise": the selected sentence, its due date and owner read from the wording, all editable.
 * Enter saves. The due date follows the text until the user sets it by hand.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { SuggestedCommitment } from '@/lib/messages/frame';
import type { Commitment } from '@/lib/model/bundle';
import { parsePromise } from '@/lib/promises';
import { mayTakeFocus } from '@/lib/sidebar-frame/focus';

export interface PromiseSource {
  type: 'email' | 'crm' | 'manual';
  url?: string;
  threadId?: string;
}

export interface PromiseFormProps {
  accountId: string;
  initialText: string;
  sentAt?: string;
  source: PromiseSource;
  userEmail?: string;
  /** Editing an existing item keeps its id, status and history. */
  existing?: Commitment;
  /** A commitment found in the thread: its id, owner, kind and due date start as Glance read them. */
  suggested?: SuggestedCommitment;
  now: Date;
  saving?: boolean;
  error?: string | null;
  onSave: (commitment: Commitment) => void;
  onCancel: () => void;
}

function newId(): string {
  return `c-${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(1))[0].toString(36)}`;
}

export function PromiseForm(props: PromiseFormProps) {
  const { existing, suggested, now } = props;
  // Fixed when the form opens: a save sent twice (a retry, a double press) is then the same promise,
  // which the background stores once.
  const [id] = useState(() => existing?.id ?? suggested?.commitmentId ?? newId());
  const [madeAt] = useState(() => existing?.madeAt ?? props.sentAt ?? now.toISOString());
  const [text, setText] = useState(existing?.text ?? props.initialText);
  const parsed = useMemo(() => parsePromise(text, { sentAt: props.sentAt, now }), [text, props.sentAt, now]);
  const [dueByHand, setDueByHand] = useState<string | null>(
    existing ? (existing.dueDate?.slice(0, 10) ?? '') : suggested ? (suggested.dueDate ?? '') : null,
  );
  const [ownerByHand, setOwnerByHand] = useState<Commitment['owner'] | null>(existing?.owner ?? suggested?.owner ?? null);
  const [kindByHand, setKindByHand] = useState<Commitment['kind'] | null>(existing?.kind ?? suggested?.kind ?? null);
  const due = dueByHand ?? parsed.dueDate ?? '';
  const owner = ownerByHand ?? parsed.owner;
  const kind = kindByHand ?? parsed.kind;
  const ids = { text: useId(), due: useId(), owner: useId(), kind: useId() };
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (mayTakeFocus()) textRef.current?.focus();
  }, []);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || props.saving) return;
    // The date field shows a stored timestamp as its day; left alone, the stored value stands.
    const dueDate = existing?.dueDate && due === existing.dueDate.slice(0, 10) ? existing.dueDate : due;
    props.onSave({
      ...(existing ?? {}),
      id,
      accountId: props.accountId,
      text: trimmed,
      kind,
      owner,
      status: existing?.status ?? 'open',
      madeAt,
      ...(dueDate ? { dueDate } : { dueDate: undefined }),
      ...(existing ? {} : { promisedBy: suggested?.promisedBy ?? (owner === 'us' ? props.userEmail : undefined) }),
      source: existing?.source ?? {
        type: props.source.type === 'crm' ? 'crm' : props.source.type,
        url: props.source.url,
        threadId: props.source.threadId,
      },
    });
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) submit(event as unknown as FormEvent);
    if (event.key === 'Escape') props.onCancel();
  };

  return (
    // Each label names exactly one control and holds nothing but its word: a label wrapping a
    // select takes in the options' text ("Sales promise"), and the form's own name stays clear of
    // the field names, so "Promise", "Due" and "Owner" each find one control even by substring.
    <form className="promise-form card" aria-label={existing ? 'Edit commitment' : 'New commitment'} onSubmit={submit}>
      <div className="field">
        <label htmlFor={ids.text}>Promise</label>
        <textarea
          id={ids.text}
          ref={textRef}
          value={text}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          required
        />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={ids.due}>Due</label>
          <input id={ids.due} type="date" value={due} onChange={(e) => setDueByHand(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.owner}>Owner</label>
          <select id={ids.owner} value={owner} onChange={(e) => setOwnerByHand(e.target.value as Commitment['owner'])}>
            <option value="us">Us</option>
            <option value="customer">Customer</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKindByHand(e.target.value as Commitment['kind'])}>
            <option value="commitment">Commitment</option>
            <option value="sales-promise">Sales promise</option>
          </select>
        </div>
      </div>
      <p className="muted promise-form__hint" aria-live="polite">
        {parsed.dueText && dueByHand === null ? `Due date read from "${parsed.dueText}".` : null}
        {!parsed.dueDate && dueByHand === null && text.trim() ? 'No date found in the text.' : null}
        {parsed.dueIsPast && dueByHand === null ? ' That date has passed.' : null}
        {parsed.roadmapRisk ? ' Roadmap risk: this promises a future product capability.' : null}
      </p>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button" disabled={!text.trim() || props.saving}>
          Save
        </button>
        <button type="button" className="button button--quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
