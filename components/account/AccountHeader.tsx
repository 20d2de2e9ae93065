import type { AccountView } from '@/lib/account-view/types';
import { formatMoney, missingFacts, missingFactsText, relativeDay, spokenDate, TIER_LABEL, TOUCH_WORDS } from './format';

/** The account's name and the facts a CSM checks first: tier, ARR, renewal countdown, last touch. */
export function AccountHeader({ view }: { view: AccountView }) {
  const { account, insights } = view;
  const tier = insights.tier.tier;
  const lastTouch = view.recentActivities[0];
  const missing = missingFacts(account.arr, tier, account.renewalDate);
  return (
    <header className="account-header">
      <h1 className="account-header__name">
        {account.name}
        {account.sample === true && <span className="badge badge--sample">Sample data</span>}
      </h1>
      <dl className="facts">
        <div>
          <dt>Tier</dt>
          <dd>{tier ? TIER_LABEL[tier] : '—'}</dd>
        </div>
        <div>
          <dt>ARR</dt>
          <dd>{formatMoney(account.arr, account.currency)}</dd>
        </div>
        <div>
          <dt>Renewal</dt>
          <dd data-renewal-date={account.renewalDate}>
            {account.renewalDate ? (
              <>
                {relativeDay(account.renewalDate, view.asOf)}{' '}
                <span className="muted facts__aside">{spokenDate(account.renewalDate, view.asOf)}</span>
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>Last touch</dt>
          <dd data-last-touch={lastTouch?.date}>
            {lastTouch ? (
              <>
                {spokenDate(lastTouch.date, view.asOf)}{' '}
                <span className="muted facts__aside">{TOUCH_WORDS[lastTouch.type] ?? lastTouch.type}</span>
              </>
            ) : (
              'none on record'
            )}
          </dd>
        </div>
      </dl>
      {missing.length > 0 && (
        <p className="muted account-header__missing" data-missing={missing.join(' ')}>
          {missingFactsText(missing)}
        </p>
      )}
    </header>
  );
}
