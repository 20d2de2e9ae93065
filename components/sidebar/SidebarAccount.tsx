/** The matched account, card by card, in the order a CSM reads it. */
import { useEffect, useMemo, type ReactNode } from 'react';
import type { AccountView } from '@/lib/account-view/types';
import { findCues } from '@/lib/cues';
import { AccountHeader } from '../account/AccountHeader';
import { PeopleCard } from '../account/PeopleCard';
import { TouchesCard } from '../account/TouchesCard';
import { GoalsCard } from '../briefing/GoalsCard';
import { CommitmentsCard } from '../commitments/CommitmentsCard';
import type { PromiseSource } from '../commitments/PromiseForm';
import { AlertsCard, ConnectedActionsCard, CuesCard, ExpansionCard, HealthCard, RenewalCard } from '../insights';
import { FoundInEmail } from '../thread/FoundInEmail';
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

  // Opened from the briefing's "Details" links (sidebar.html?account=<id>#<section>): go to that part.
  useEffect(() => {
    const section = new URLSearchParams(location.search).has('account') ? location.hash.slice(1) : '';
    if (section) document.getElementById(section)?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <article className="account" data-account-id={view.account.id}>
      <AccountHeader view={view} />
      <Section id="health">
        <HealthCard health={insights.health} weeklyLogins={insights.weeklyLogins} scoreHistory={insights.scoreHistory} />
      </Section>
      <Section id="alerts">
        <AlertsCard signals={insights.signals} />
      </Section>
      <Section id="actions">
        <ConnectedActionsCard accountId={view.account.id} actions={insights.actions} now={new Date(view.asOf)} />
      </Section>
      <CuesCard cues={cues} />
      {context?.kind === 'thread' && <FoundInEmail view={view} context={context} onEdit={openDraft} />}
      <Section id="commitments">
        <CommitmentsCard
          view={view}
          draft={draft}
          source={source}
          userEmail={context?.kind === 'thread' ? context.userEmail : undefined}
          onOpenDraft={() => void requestSelection().then(openDraft)}
          onCloseDraft={closeDraft}
        />
      </Section>
      <Section id="renewal">
        <RenewalCard renewal={insights.renewal} />
      </Section>
      <ExpansionCard expansion={insights.expansion} />
      <Section id="goals">
        <GoalsCard view={view} />
      </Section>
      <Section id="people">
        <PeopleCard contacts={view.contacts} asOf={view.asOf} />
      </Section>
      <Section id="touches">
        <TouchesCard recent={view.recentActivities} upcoming={view.upcomingMeetings} asOf={view.asOf} />
      </Section>
    </article>
  );
}

/** A scroll target for links into the sidebar. */
function Section({ id, children }: { id: string; children: ReactNode }) {
  return <div id={id}>{children}</div>;
}
