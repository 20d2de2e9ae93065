/** The toolbar popup: the briefing for the active tab's account, or any account by id. */
import { useQuery } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import type { PageContext } from '@/lib/hosts/types';
import { call } from '@/lib/messages/client';
import type { ToTab } from '@/lib/messages/frame';
import { useState } from 'react';
import { AccountSearch } from '../account/AccountSearch';
import { useAccountView } from '../data/hooks';
import { Briefing } from './Briefing';
import { UpcomingMeetings } from './UpcomingMeetings';

async function activeTabAccount(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const ask: ToTab = { glance: 'tab', type: 'get-context' };
  const context = (await browser.tabs.sendMessage(tab.id, ask).catch(() => null)) as PageContext | null;
  if (!context) return null;
  const { match } = await call('page.match', { context });
  return match.status === 'matched' ? match.accountId : null;
}

export function PopupApp() {
  const direct = new URLSearchParams(location.search).get('account');
  const [picked, setPicked] = useState<string | null>(null);
  const fromTab = useQuery({ queryKey: ['glance', 'popup-tab'], queryFn: activeTabAccount, enabled: !direct });
  const accountId = picked ?? direct ?? fromTab.data ?? null;
  const view = useAccountView(accountId ?? undefined);
  const state = accountId ? (view.data ? 'matched' : view.isPending ? 'loading' : 'none') : fromTab.isPending && !direct ? 'loading' : 'none';

  return (
    <div className="briefing-page" data-match={state}>
      {state === 'loading' && <p className="muted" aria-busy="true">Preparing the briefing…</p>}
      {state === 'matched' && view.data && <Briefing view={view.data} onBack={picked ? () => setPicked(null) : undefined} />}
      {state === 'none' && (
        <section className="card">
          <h1>Glance briefing</h1>
          <p className="muted">{accountId ? `No account "${accountId}" in Glance.` : 'No account matches the page in this tab.'}</p>
          <AccountSearch onPick={setPicked} autoFocus />
          <UpcomingMeetings onPick={setPicked} />
        </section>
      )}
    </div>
  );
}
