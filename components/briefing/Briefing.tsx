/**
 * One screen per account: everything a CSM needs in the two minutes before a call, in the order
 * she would say it. Shared cards keep the sidebar's DOM hooks, so one set of checks reads both.
 */
import type { AccountView } from '@/lib/account-view/types';
import { people } from '@/lib/briefing/derive';
import { AccountHeader } from '../account/AccountHeader';
import { PeopleCard } from '../account/PeopleCard';
import { TouchesCard } from '../account/TouchesCard';
import { AlertsCard, ConnectedActionsCard, HealthCard, RenewalCard } from '../insights';
import { AtAGlance } from './AtAGlance';
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
        <RenewalStage renewal={renewal} />
        <AtAGlance view={view} />
        <NextMeeting view={view} />
        <BriefingToolbar view={view} />
      </div>
      <div className="briefing__body">
        <TalkingPoints view={view} />
        <Part accountId={id} section="health">
          <HealthCard health={insights.health} weeklyLogins={insights.weeklyLogins} scoreHistory={insights.scoreHistory} />
        </Part>
        <Part accountId={id} section="alerts">
          <AlertsCard signals={insights.signals} />
        </Part>
        <Part accountId={id} section="actions">
          <ConnectedActionsCard accountId={id} actions={insights.actions} now={new Date(view.asOf)} />
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
