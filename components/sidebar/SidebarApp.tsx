/** The sidebar: which account the page is about, and that account at a glance. */
import { useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageContext } from '@/lib/hosts/types';
import { AccountChooser } from '../account/AccountChooser';
import { useAccountView, useGlanceMutation } from '../data/hooks';
import { useTheme } from '../data/theme';
import { CollapsedHandle } from './CollapsedHandle';
import { LoadFailed, NoAccount } from './NoAccountStates';
import { pageMatchQuery } from './page-match';
import { SidebarAccount } from './SidebarAccount';
import { SyncedLine } from './SyncedLine';
import { usePageStore } from './page-store';

type MatchState = 'loading' | 'matched' | 'ambiguous' | 'none';

function usePageMatch(context: PageContext | null) {
  const client = useQueryClient();
  const options = useMemo(() => pageMatchQuery(client, context), [client, context]);
  return useQuery(options);
}

/**
 * `standalone`: on its own in a tab, showing ?account=. `inPanel`: the browser's side panel, which
 * follows the active tab and which the browser itself opens and closes (no collapse handle).
 */
export function SidebarApp({ standalone, inPanel = false }: { standalone: boolean; inPanel?: boolean }) {
  const { context, noHostPage, collapsed, pickedAccountId, pickAccount, postToHost, openOptions, hostTheme } = usePageStore();
  useTheme(hostTheme);
  const match = usePageMatch(context);
  const choose = useGlanceMutation('match.choose');
  const direct = useMemo(() => new URLSearchParams(location.search).get('account'), []);

  const result = match.data?.match;
  const accountId = pickedAccountId ?? (result?.status === 'matched' ? result.accountId : null) ?? (standalone ? direct : null);
  const view = useAccountView(accountId ?? undefined);

  let state: MatchState = 'loading';
  if (accountId && view.data) state = 'matched';
  else if (accountId && view.isPending) state = 'loading';
  else if (result?.status === 'ambiguous') state = 'ambiguous';
  else if (result || standalone || noHostPage || (accountId && !view.data)) state = 'none';

  const pick = (id: string) => {
    const pageKey = match.data?.pageKey;
    if (pageKey) choose.mutate({ pageKey, accountId: id });
    pickAccount(id);
  };

  useEffect(() => {
    document.documentElement.dataset.collapsed = String(collapsed);
  }, [collapsed]);

  if (collapsed && !inPanel) {
    return (
      <div className="sidebar sidebar--collapsed" data-match={state}>
        <CollapsedHandle
          view={state === 'matched' ? (view.data ?? undefined) : undefined}
          onOpen={() => postToHost({ type: 'set-collapsed', collapsed: false })}
        />
      </div>
    );
  }

  const synced = state === 'matched' ? view.data?.sync : undefined;

  return (
    <div className="sidebar" data-match={state} {...(synced ? { 'data-synced-at': synced.at } : {})}>
      <div className="sidebar__bar">
        <span className="sidebar__brand">Glance</span>
        {!standalone && !inPanel && (
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label="Collapse Glance sidebar"
            onClick={() => postToHost({ type: 'set-collapsed', collapsed: true })}
          >
            »
          </button>
        )}
      </div>
      {(match.isError || view.isError) && <LoadFailed message={(match.error ?? view.error)?.message ?? ''} onOpenOptions={openOptions} />}
      {state === 'loading' && (
        <div className="card skeleton" aria-busy="true" aria-label="Finding the account">
          <div className="skeleton__line" />
          <div className="skeleton__line skeleton__line--short" />
        </div>
      )}
      {state === 'matched' && view.data && (
        <>
          {pickedAccountId && result?.status !== 'matched' && (
            <p className="muted picked-note">
              Chosen by you.{' '}
              <button type="button" className="button button--small button--quiet" onClick={() => pickAccount(null)}>
                Change
              </button>
            </p>
          )}
          {view.data.sync && <SyncedLine sync={view.data.sync} />}
          <SidebarAccount view={view.data} />
        </>
      )}
      {state === 'ambiguous' && result?.status === 'ambiguous' && (
        <AccountChooser candidates={result.candidates} via={result.via} onPick={pick} />
      )}
      {state === 'none' && !match.isError && !view.isError && (
        <NoAccount context={context} noHostPage={noHostPage} result={result} onPick={pick} onOpenOptions={openOptions} />
      )}
    </div>
  );
}
