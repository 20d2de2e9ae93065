/**
 * The matched account: first the decision (health, the next best action, the most urgent risk,
 * the next commitment, renewal and last touch), then everything else in sections below it
 * (AccountDetails), loaded after the first screen shows.
 */
import { lazy, Suspense } from 'react';
import type { AccountView } from '@/lib/account-view/types';
import { AccountHeader } from '../account/AccountHeader';
import { ConnectedActionsCard } from '../insights/ConnectedActionsCard';
import { HealthCard } from '../insights/HealthCard';
import { NowCard } from '../sections/NowCard';

const AccountDetails = lazy(() => import('./AccountDetails'));

export function SidebarAccount({ view }: { view: AccountView }) {
  const { insights, account } = view;
  return (
    <article className="account" data-account-id={account.id}>
      <div className="first-screen">
        <AccountHeader view={view} />
        <HealthCard health={insights.health} weeklyLogins={insights.weeklyLogins} scoreHistory={insights.scoreHistory} compact />
        <div id="actions">
          <ConnectedActionsCard accountId={account.id} actions={insights.actions} now={new Date(view.asOf)} compact />
        </div>
        <NowCard view={view} />
      </div>
      <Suspense fallback={null}>
        <AccountDetails view={view} />
      </Suspense>
    </article>
  );
}
