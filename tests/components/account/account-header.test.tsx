import { render, screen } from '@testing-library/react';
import { AccountHeader } from '@/components/account/AccountHeader';
import { buildAccountView } from '@/lib/account-view/build';
import type { Account } from '@/lib/model/bundle';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const NOW = new Date('2026-12-01T12:00:00Z');
const view = (account: Account) =>
  buildAccountView({ account, contacts: [], usage: [], tickets: [], commitments: [], activities: [] }, NOW, DEFAULT_SETTINGS);

describe('AccountHeader', () => {
  it('says which facts an imported account lacks and where they would come from', () => {
    render(<AccountHeader view={view({ id: 'acc-1', name: 'Acme' })} />);
    expect(
      screen.getByText('No ARR, tier or renewal date yet: add them in a CSV with those columns, or connect HubSpot/Salesforce.'),
    ).toBeInTheDocument();
  });

  it('names only what is missing', () => {
    render(<AccountHeader view={view({ id: 'acc-1', name: 'Acme', arr: 50_000 })} />);
    expect(screen.getByText('No renewal date yet: add it in a CSV with that column, or connect HubSpot/Salesforce.')).toBeInTheDocument();
  });

  it('says nothing when the account has its facts', () => {
    const { container } = render(<AccountHeader view={view({ id: 'acc-1', name: 'Acme', arr: 50_000, renewalDate: '2027-06-30' })} />);
    expect(container.querySelector('[data-missing]')).toBeNull();
    expect(screen.getByText('Mid-market')).toBeInTheDocument();
  });
});
