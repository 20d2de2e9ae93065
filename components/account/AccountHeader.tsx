import type { AccountView } from '@/lib/account-view/types';
import { formatDate, formatMoney, relativeDay, TIER_LABEL } from './format';

export function AccountHeader({ view }: { view: AccountView }) {
  const { account, insights } = view;
  const tier = insights.tier.tier;
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
                {formatDate(account.renewalDate)} <span className="muted">({relativeDay(account.renewalDate, view.asOf)})</span>
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}
