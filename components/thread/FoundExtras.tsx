/** The rest of what a thread holds: people to add as contacts, and the customer's product feedback. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountView } from '@/lib/account-view/types';
import { call } from '@/lib/messages/client';
import type { FeedbackRecord } from '@/lib/store/db';
import type { FoundFeedback, ThreadFindings } from '@/lib/thread';
import { formatDate } from '../account/format';
import { queryKeys } from '../data/hooks';
import { useAccountFeedback, threadKeys, type ThreadContext } from './use-thread-findings';

const FEEDBACK_LABEL: Record<FoundFeedback['kind'], string> = { 'feature-request': 'Feature request', feedback: 'Feedback' };

export function FoundExtras({ view, context, findings }: { view: AccountView; context: ThreadContext; findings: ThreadFindings }) {
  const accountId = view.account.id;
  const client = useQueryClient();
  const kept = useAccountFeedback(accountId);
  const known = new Set(view.contacts.map((c) => c.email.toLowerCase()));
  const people = findings.newPeople.filter((p) => !known.has(p.email));
  const keptIds = new Set((kept.data ?? []).map((f) => f.id));
  const unkept = findings.feedback.filter((f) => !keptIds.has(f.id));

  const addContact = useMutation({
    mutationFn: (person: { name?: string; email: string }) => call('contact.add', { accountId, ...person }),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.account(accountId) }),
  });
  const keep = useMutation({
    mutationFn: (feedback: FeedbackRecord) => call('feedback.save', { feedback }),
    onSettled: () => client.invalidateQueries({ queryKey: threadKeys.feedback(accountId) }),
  });
  const error = addContact.error ?? keep.error;

  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {people.length > 0 && (
        <>
          <h4 className="subheading">New people in this thread</h4>
          <ul className="found__people">
            {people.map((p) => (
              <li key={p.email} data-person-email={p.email}>
                <span>{p.name ? `${p.name} <${p.email}>` : p.email}</span>{' '}
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={`Add as contact: ${p.name ?? p.email}`}
                  disabled={addContact.isPending}
                  onClick={() => addContact.mutate(p)}
                >
                  Add as contact
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {unkept.length > 0 && (
        <>
          <h4 className="subheading">Product feedback in this email</h4>
          <ul className="found__feedback">
            {unkept.map((f) => (
              <li key={f.id} data-feedback-kind={f.kind}>
                <span>
                  {FEEDBACK_LABEL[f.kind]}: “{f.text}”
                </span>{' '}
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={`Keep ${FEEDBACK_LABEL[f.kind].toLowerCase()}: ${f.text}`}
                  onClick={() =>
                    keep.mutate({
                      id: f.id,
                      accountId,
                      kind: f.kind,
                      text: f.text,
                      at: f.at ?? new Date().toISOString(),
                      threadId: context.threadId,
                      url: context.url,
                      ...(f.from ? { from: f.from } : {}),
                    })
                  }
                >
                  Keep
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {(kept.data?.length ?? 0) > 0 && (
        <>
          <h4 className="subheading">Feedback from {view.account.name}</h4>
          <ul className="found__feedback" aria-label={`Feedback from ${view.account.name}`}>
            {kept.data!.map((f) => (
              <li key={f.id} data-feedback-id={f.id} data-feedback-kind={f.kind}>
                {FEEDBACK_LABEL[f.kind]} · {formatDate(f.at)}: “{f.text}”
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
