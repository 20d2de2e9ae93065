/** One screen per account: everything a CSM needs in the two minutes before a call. */
import type { AccountView } from '@/lib/account-view/types';
import { AccountHeader } from '../account/AccountHeader';
import { PeopleCard } from '../account/PeopleCard';
import { TouchesCard } from '../account/TouchesCard';
import { AlertsCard, ConnectedActionsCard, HealthCard, RenewalCard } from '../insights';

export function Briefing({ view, onBack }: { view: AccountView; onBack?: () => void }) {
  const { insights } = view;
  return (
    <article className="briefing account" data-account-id={view.account.id}>
      {onBack && (
        <button type="button" className="button button--small button--quiet" onClick={onBack}>
          Back
        </button>
      )}
      <AccountHeader view={view} />
      <HealthCard health={insights.health} weeklyLogins={insights.weeklyLogins} scoreHistory={insights.scoreHistory} />
      <AlertsCard signals={insights.signals} />
      <ConnectedActionsCard accountId={view.account.id} actions={insights.actions} now={new Date(view.asOf)} />
      <RenewalCard renewal={insights.renewal} />
      <PeopleCard contacts={view.contacts} asOf={view.asOf} />
      <TouchesCard recent={view.recentActivities} upcoming={view.upcomingMeetings} asOf={view.asOf} />
    </article>
  );
}
