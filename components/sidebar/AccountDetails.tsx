/**
 * Everything below the matched account's first screen, in sections that open and close, remembered.
 * Its own chunk (SidebarAccount loads it lazily): thread reading, the promise form and the section
 * cards are not needed to show the decision, so a cold sidebar shows that first. New sections slot in
 * as one more <Section>.
 */
import { useEffect, useMemo } from 'react';
import type { AccountView } from '@/lib/account-view/types';
import { findCues } from '@/lib/cues';
import { relativeDay } from '../account/format';
import { PeopleCard } from '../account/PeopleCard';
import { TouchesCard } from '../account/TouchesCard';
import { GoalsCard } from '../briefing/GoalsCard';
import { CommitmentsCard } from '../commitments/CommitmentsCard';
import type { PromiseSource } from '../commitments/PromiseForm';
import { AlertsCard, CuesCard, ExpansionCard, RenewalCard } from '../insights';
import { FoundInEmail } from '../thread/FoundInEmail';
import { useThreadMessages } from '../thread/use-thread-messages';
import { HealthDetails } from '../insights/HealthCard';
import { Section } from '../sections/Section';
import { requestSelection } from './selection';
import { usePageStore } from './page-store';

export default function AccountDetails({ view }: { view: AccountView }) {
  const { context, draft, openDraft, closeDraft } = usePageStore();
  const { insights, account } = view;

  const source: PromiseSource = useMemo(() => {
    if (context?.kind === 'thread') return { type: 'email', url: context.url, threadId: context.threadId };
    if (context?.kind === 'record') return { type: 'crm', url: context.url };
    return { type: 'manual' };
  }, [context]);

  const messages = useThreadMessages(context?.kind === 'thread' ? context : null);
  const cues = useMemo(() => {
    if (context?.kind !== 'thread' || !messages) return [];
    const text = messages.map((m) => m.text).join('\n');
    const disengaged = insights.health.band === 'red' || insights.signals.some((s) => s.id === 'champion-dark');
    return findCues(text, { disengaged });
  }, [context, messages, insights]);

  // Opened from the briefing's "Details" links (sidebar.html?account=<id>#<section>): go to that part,
  // once the sections are here.
  useEffect(() => {
    const section = new URLSearchParams(location.search).has('account') ? location.hash.slice(1) : '';
    if (section) document.getElementById(section)?.scrollIntoView({ block: 'start' });
  }, []);

  const openCount = view.commitments.filter((c) => c.status === 'open').length;
  // Expansion says nothing useful to an account that is not getting value: it steps back to the end.
  const expansionFirst = insights.expansion.ready || insights.health.band === 'green';
  const expansion = (
    <Section id="expansion" title="Expansion" hint={insights.expansion.ready ? 'ready' : 'not now'}>
      <ExpansionCard expansion={insights.expansion} />
    </Section>
  );

  return (
    <>
      <CuesCard cues={cues} />
      {context?.kind === 'thread' && <FoundInEmail view={view} context={context} onEdit={openDraft} />}
      <Section id="commitments" title="Commitments" hint={`${openCount} open`} defaultOpen forceOpen={draft !== null}>
        <CommitmentsCard
          view={view}
          draft={draft}
          source={source}
          userEmail={context?.kind === 'thread' ? context.userEmail : undefined}
          onOpenDraft={() => void requestSelection().then(openDraft)}
          onCloseDraft={closeDraft}
        />
      </Section>
      <Section id="alerts" title="Risk signals" hint={insights.signals.length || 'none'}>
        <AlertsCard signals={insights.signals} />
      </Section>
      <Section id="health" title="Health details" hint={insights.health.coverage.text}>
        <HealthDetails health={insights.health} weeklyLogins={insights.weeklyLogins} scoreHistory={insights.scoreHistory} />
      </Section>
      <Section id="renewal" title="Renewal" hint={account.renewalDate ? relativeDay(account.renewalDate, view.asOf) : 'no date'}>
        <RenewalCard renewal={insights.renewal} />
      </Section>
      {expansionFirst && expansion}
      <Section id="goals" title="Goals and outcomes">
        <GoalsCard view={view} />
      </Section>
      <Section id="people" title="People" hint={view.contacts.length}>
        <PeopleCard contacts={view.contacts} asOf={view.asOf} />
      </Section>
      <Section id="touches" title="Recent touches" hint={view.upcomingMeetings.length > 0 ? 'meeting coming up' : undefined}>
        <TouchesCard recent={view.recentActivities} upcoming={view.upcomingMeetings} asOf={view.asOf} />
      </Section>
      {!expansionFirst && expansion}
    </>
  );
}
