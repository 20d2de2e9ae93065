/**
 * The toolbar popup: the briefing for the active tab's account (matched exactly as the sidebar
 * matches it), any account by `?account=<id>`, or else search and the meetings coming up.
 */
import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { activeTabContext, call } from '@/lib/messages/client';
import type { PageMatch } from '@/lib/messages/protocol';
import { AccountChooser } from '../account/AccountChooser';
import { AccountSearch } from '../account/AccountSearch';
import { queryKeys, useAccountView, useGlanceMutation } from '../data/hooks';
import { useTheme } from '../data/theme';
import { Briefing } from './Briefing';
import { ReminderSettings } from './ReminderSettings';
import { UpcomingMeetings } from './UpcomingMeetings';

type MatchState = 'loading' | 'matched' | 'ambiguous' | 'none';

async function activeTabMatch(): Promise<PageMatch | null> {
  const context = await activeTabContext();
  return context ? call('page.match', { context }) : null;
}

export function PopupApp() {
  useTheme();
  const client = useQueryClient();
  const direct = useMemo(() => new URLSearchParams(location.search).get('account'), []);
  const [picked, setPicked] = useState<string | null>(null);
  const choose = useGlanceMutation('match.choose');
  const fromTab = useQuery({
    queryKey: ['glance', 'popup-tab'],
    enabled: !direct,
    queryFn: async () => {
      const result = await activeTabMatch();
      if (result?.view) client.setQueryData(queryKeys.account(result.view.account.id), result.view);
      return result;
    },
  });
  const tabMatch = fromTab.data?.match;
  const accountId = picked ?? direct ?? (tabMatch?.status === 'matched' ? tabMatch.accountId : null);
  const view = useAccountView(accountId ?? undefined);

  let state: MatchState = 'none';
  if (accountId) state = view.data ? 'matched' : view.isPending ? 'loading' : 'none';
  else if (!direct && fromTab.isPending) state = 'loading';
  else if (tabMatch?.status === 'ambiguous') state = 'ambiguous';

  const pick = (id: string) => {
    const pageKey = fromTab.data?.pageKey;
    if (pageKey && tabMatch?.status === 'ambiguous') choose.mutate({ pageKey, accountId: id });
    setPicked(id);
  };
  const error = view.error ?? fromTab.error;

  return (
    <div className="briefing-page" data-match={state}>
      <div className="briefing-page__bar">
        <span className="briefing-page__brand">Glance briefing</span>
        <a className="briefing-page__book" href="/book.html" target="_blank" rel="noreferrer">
          My book
        </a>
        {picked && (
          <button type="button" className="button button--small button--quiet" onClick={() => setPicked(null)}>
            Back
          </button>
        )}
      </div>
      {error && (
        <p className="card error" role="alert">
          Glance could not load the briefing: {error.message}
        </p>
      )}
      {state === 'loading' && (
        <div className="card skeleton" aria-busy="true" aria-label="Preparing the briefing">
          <div className="skeleton__line" />
          <div className="skeleton__line skeleton__line--short" />
        </div>
      )}
      {state === 'matched' && view.data && <Briefing view={view.data} />}
      {state === 'ambiguous' && tabMatch?.status === 'ambiguous' && (
        <AccountChooser candidates={tabMatch.candidates} via={tabMatch.via} onPick={pick} headingLevel={1} />
      )}
      {state === 'none' && (
        <section className="card" aria-labelledby="popup-none">
          <h1 id="popup-none">Which account?</h1>
          <p className="muted">
            {accountId
              ? `There is no account "${accountId}" in Glance.`
              : tabMatch?.status === 'none'
                ? `${tabMatch.reason} Search your book instead.`
                : 'No account matches the page in this tab. Search your book instead.'}
          </p>
          <AccountSearch onPick={pick} autoFocus />
          <UpcomingMeetings onPick={pick} />
        </section>
      )}
      {state !== 'loading' && (
        <footer className="briefing-footer">
          <ReminderSettings />
        </footer>
      )}
    </div>
  );
}
