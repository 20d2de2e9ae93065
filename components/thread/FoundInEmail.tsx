/**
 * "Found in this email": the commitments in the open thread, each logged or dismissed in one click
 * (or edited first in the promise form); the thread itself logged as a touch; people from the
 * account's domains offered as contacts; the customer's product feedback kept for the account.
 */
import { useMemo } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountView } from '@/lib/account-view/types';
import type { PromiseDraftSeed } from '@/lib/messages/frame';
import type { ThreadState } from '@/lib/messages/protocol';
import { call } from '@/lib/messages/client';
import type { Commitment } from '@/lib/model/bundle';
import { commitmentIdOf, type FoundCommitment } from '@/lib/thread';
import { formatDate } from '../account/format';
import { queryKeys } from '../data/hooks';
import { FoundExtras } from './FoundExtras';
import { useThreadFindings, useThreadState, type ThreadContext, threadKeys } from './use-thread-findings';
import { useThreadMessages } from './use-thread-messages';

const KIND_LABEL: Record<FoundCommitment['kind'], string> = {
  'our-promise': 'Our promise',
  'customer-ask': 'Asked of us',
  'customer-promise': 'Their promise',
};

export interface FoundInEmailProps {
  view: AccountView;
  context: ThreadContext;
  /** Opens the promise form with this suggestion, to edit before logging. */
  onEdit: (seed: PromiseDraftSeed) => void;
}

export function toCommitment(found: FoundCommitment, accountId: string, context: ThreadContext): Commitment {
  return {
    id: commitmentIdOf(found.id),
    accountId,
    text: found.text,
    kind: found.recordKind,
    owner: found.owner,
    status: 'open',
    ...(found.madeAt ? { madeAt: found.madeAt } : {}),
    ...(found.dueDate ? { dueDate: found.dueDate } : {}),
    ...(found.from && found.kind !== 'customer-ask' ? { promisedBy: found.from } : {}),
    source: { type: 'email', url: context.url, threadId: context.threadId },
  };
}

export function FoundInEmail({ view, context, onEdit }: FoundInEmailProps) {
  const accountId = view.account.id;
  const client = useQueryClient();
  const findings = useThreadFindings(context, view);
  const messages = useThreadMessages(context);
  const state = useThreadState(context.threadId);
  const logged = useMemo(() => new Set(view.commitments.map((c) => c.id)), [view.commitments]);

  const log = useMutation({
    mutationFn: (commitment: Commitment) => call('commitment.save', { commitment }),
    onMutate: (commitment) =>
      client.setQueryData<AccountView | null>(queryKeys.account(accountId), (v) =>
        v ? { ...v, commitments: [...v.commitments.filter((c) => c.id !== commitment.id), commitment] } : v,
      ),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.account(accountId) }),
  });
  const dismiss = useMutation({
    mutationFn: (suggestionId: string) => call('thread.dismiss', { threadId: context.threadId, suggestionId }),
    onMutate: (suggestionId) =>
      client.setQueryData<ThreadState>(threadKeys.state(context.threadId), (s) => ({
        dismissed: [...(s?.dismissed ?? []), suggestionId],
        touchLogged: s?.touchLogged ?? false,
      })),
    onSettled: () => client.invalidateQueries({ queryKey: threadKeys.state(context.threadId) }),
  });
  const logTouch = useMutation({
    // The touch is dated by the messages and names who took part: they go with the context.
    mutationFn: () => call('thread.logTouch', { accountId, context: { ...context, messages: messages ?? [] } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['glance'] }),
  });

  const dismissed = new Set(state.data?.dismissed ?? []);
  const shown = findings?.commitments.filter((f) => !dismissed.has(f.id)) ?? [];
  const touchLogged = state.data?.touchLogged || logTouch.isSuccess;
  const error = log.error ?? dismiss.error ?? logTouch.error;

  return (
    <section className="card found" aria-labelledby="found-heading" aria-busy={findings === null}>
      <div className="card__title-row">
        <h3 id="found-heading">Found in this email</h3>
        <button
          type="button"
          className="button button--small"
          disabled={touchLogged || logTouch.isPending || messages === undefined}
          onClick={() => logTouch.mutate()}
        >
          Log this email
        </button>
      </div>
      {touchLogged && (
        <p className="muted" role="status">
          Logged as a touch on {view.account.name}.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {findings === null ? (
        <p className="muted">Reading this email…</p>
      ) : shown.length === 0 ? (
        <p className="muted">No commitments found in this email.</p>
      ) : (
        <ul className="found__list" aria-label="Commitments found in this email">
          {shown.map((found) => {
            const isLogged = logged.has(commitmentIdOf(found.id));
            return (
              <li
                key={found.id}
                className="found__item"
                data-suggestion-id={found.id}
                data-owner={found.owner}
                data-due={found.dueDate ?? ''}
                data-logged={isLogged ? 'true' : undefined}
              >
                <p className="found__text">“{found.text}”</p>
                <p className="muted found__meta">
                  {KIND_LABEL[found.kind]} · {found.owner === 'us' ? 'we deliver' : 'they deliver'}
                  {found.dueDate ? ` · due ${formatDate(found.dueDate)}` : ' · no date'}
                </p>
                <div className="row">
                  {isLogged ? (
                    <span className="found__logged">Logged</span>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={log.isPending}
                        onClick={() => log.mutate(toCommitment(found, accountId, context))}
                      >
                        Log
                      </button>
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() =>
                          onEdit({
                            text: found.text,
                            sentAt: found.madeAt,
                            suggested: {
                              commitmentId: commitmentIdOf(found.id),
                              owner: found.owner,
                              kind: found.recordKind,
                              dueDate: found.dueDate,
                              promisedBy: found.kind === 'customer-ask' ? undefined : found.from,
                            },
                          })
                        }
                      >
                        Edit
                      </button>
                    </>
                  )}
                  <button type="button" className="button button--small button--quiet" onClick={() => dismiss.mutate(found.id)}>
                    Dismiss
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {findings && <FoundExtras view={view} context={context} findings={findings} />}
    </section>
  );
}
