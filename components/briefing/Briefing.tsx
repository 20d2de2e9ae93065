/**
 * One screen per account: the first screen is the decision (health, the next best action, the
 * most urgent risk, the next commitment, renewal and last touch), then what a CSM needs in the two
 * minutes before a call, in the order she would say it. Shared cards keep the sidebar's DOM hooks,
 * so one set of checks reads both.
 */
import type { AccountView } from '@/lib/account-view/types';
import { people } from '@/lib/briefing/derive';
import { AccountHeader } from '../account/AccountHeader';
import { PeopleCard } from '../account/PeopleCard';
import { TouchesCard } from '../account/TouchesCard';
import { AlertsCard, ConnectedActionsCard, HealthCard, RenewalCard } from '../insights';
import { HealthDetails } from '../insights/HealthCard';
import { NowCard } from '../sections/NowCard';
import { BriefingCommitments } from './BriefingCommitments';
import { BriefingToolbar } from './BriefingToolbar';
import { GoalsCard } from './GoalsCard';
import { NextMeeting } from './NextMeeting';
import { Part } from './Part';
import { RenewalStage } from './RenewalStage';
import { TalkingPoints } from './TalkingPoints';

const TOUCHES_SHOWN = 4;

export function Briefing({ view }: { view: AccountView }) {
  const { insights } = view;
  const id = view.account.id;
  const p = people(view);
  // Key people plus whoever left or went quiet: the rest of the org chart can wait for the sidebar.
  const shownPeople = [...p.key, ...p.departed, ...p.quiet].map((x) => x.contact);
  const renewal = insights.renewal;
  return (
    <article className="briefing account" data-account-id={id}>
      <div className="briefing__head">
        <AccountHeader view={view} />
        <HealthCard health={insights.health} weeklyLogins={insights.weeklyLogins} scoreHistory={insights.scoreHistory} compact />
        <ConnectedActionsCard accountId={id} actions={insights.actions} now={new Date(view.asOf)} compact />
        <NowCard view={view} />
        <RenewalStage renewal={renewal} />
        <NextMeeting view={view} />
        <BriefingToolbar view={view} />
      </div>
      <div className="briefing__body">
        <TalkingPoints view={view} />
        <Part accountId={id} section="health">
          <section className="card insights-card" aria-labelledby="briefing-health-details">
            <h2 id="briefing-health-details">Health details</h2>
            <HealthDetails health={insights.health} weeklyLogins={insights.weeklyLogins} scoreHistory={insights.scoreHistory} />
          </section>
        </Part>
        <Part accountId={id} section="alerts">
          <AlertsCard signals={insights.signals} />
        </Part>
        <Part accountId={id} section="commitments">
          <BriefingCommitments view={view} />
        </Part>
        <Part accountId={id} section="people">
          <PeopleCard contacts={shownPeople} asOf={view.asOf} limit={shownPeople.length} />
        </Part>
        <Part accountId={id} section="goals">
          <GoalsCard view={view} />
        </Part>
        <Part accountId={id} section="touches">
          <TouchesCard recent={view.recentActivities} upcoming={[]} asOf={view.asOf} limit={TOUCHES_SHOWN} />
        </Part>
        {renewal && (renewal.withinStageWindow || renewal.ninetyDayRule.breached) && (
          <Part accountId={id} section="renewal">
            <RenewalCard renewal={renewal} />
          </Part>
        )}
      </div>
    </article>
  );
}
