/** The matched account, card by card, in the order a CSM reads it. */
import { useMemo } from 'react';
import type { AccountView } from '@/lib/account-view/types';
import { findCues } from '@/lib/cues';
import { AccountHeader } from '../account/AccountHeader';
import { PeopleCard } from '../account/PeopleCard';
import { TouchesCard } from '../account/TouchesCard';
import { CommitmentsCard } from '../commitments/CommitmentsCard';
import type { PromiseSource } from '../commitments/PromiseForm';
import { AlertsCard, ConnectedActionsCard, CuesCard, ExpansionCard, HealthCard, RenewalCard } from '../insights';
import { requestSelection } from './selection';
import { usePageStore } from './page-store';

export function SidebarAccount({ view }: { view: AccountView }) {
  const { context, draft, openDraft, closeDraft } = usePageStore();
  const { insights } = view;

  const source: PromiseSource = useMemo(() => {
    if (context?.kind === 'thread') return { type: 'email', url: context.url, threadId: context.threadId };
    if (context?.kind === 'record') return { type: 'crm', url: context.url };
    return { type: 'manual' };
  }, [context]);

  const cues = useMemo(() => {
    if (context?.kind !== 'thread') return [];
    const text = context.messages.map((m) => m.text).join('\n');
    const disengaged = insights.health.band === 'red' || insights.signals.some((s) => s.id === 'champion-dark');
    return findCues(text, { disengaged });
  }, [context, insights]);

  return (
    <article className="account" data-account-id={view.account.id}>
      <AccountHeader view={view} />
      <HealthCard health={insights.health} weeklyLogins={insights.weeklyLogins} scoreHistory={insights.scoreHistory} />
      <AlertsCard signals={insights.signals} />
      <ConnectedActionsCard accountId={view.account.id} actions={insights.actions} now={new Date(view.asOf)} />
      <CuesCard cues={cues} />
      <CommitmentsCard
        view={view}
        draft={draft}
        source={source}
        userEmail={context?.kind === 'thread' ? context.userEmail : undefined}
        onOpenDraft={() => void requestSelection().then(openDraft)}
        onCloseDraft={closeDraft}
      />
      <RenewalCard renewal={insights.renewal} />
      <ExpansionCard expansion={insights.expansion} />
      <PeopleCard contacts={view.contacts} asOf={view.asOf} />
      <TouchesCard recent={view.recentActivities} upcoming={view.upcomingMeetings} asOf={view.asOf} />
    </article>
  );
}
