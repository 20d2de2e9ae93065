import type { AccountView } from '@/lib/account-view/types';
import { formatDate, formatMoney, relativeDay, TIER_LABEL } from './format';

export function AccountHeader({ view }: { view: AccountView }) {
  const { account, insights } = view;
  const tier = insights.tier.tier;
  const missing = [account.arr === undefined && 'ARR', !tier && 'tier', !account.renewalDate && 'renewal date'].filter(
    (m): m is string => !!m,
  );
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
      {missing.length > 0 && (
        <p className="muted account-header__missing" data-missing={missing.join(' ')}>
          No {joinWords(missing)} yet: add {missing.length === 1 ? 'it' : 'them'} in a CSV with{' '}
          {missing.length === 1 ? 'that column' : 'those columns'}, or connect HubSpot/Salesforce.
        </p>
      )}
    </header>
  );
}

/** "ARR, tier or renewal date" */
function joinWords(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
