import { render, screen } from '@testing-library/react';
import { SyncedLine } from '@/components/sidebar/SyncedLine';

describe('Synced line in the sidebar', () => {
  it('says how long ago and links the HubSpot company', () => {
    const at = new Date(Date.now() - 4 * 60_000).toISOString();
    render(<SyncedLine sync={{ source: 'hubspot', at, crmId: '9001', url: 'https://app.hubspot.com/contacts/4242/record/0-2/9001' }} />);
    expect(screen.getByText(/^Synced 4 min ago from/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'HubSpot company 9001' })).toHaveAttribute(
      'href',
      'https://app.hubspot.com/contacts/4242/record/0-2/9001',
    );
  });

  it('names a Salesforce account without a link when the connection has no address for it', () => {
    render(<SyncedLine sync={{ source: 'salesforce', at: new Date().toISOString(), crmId: '001000000000001AAA' }} />);
    expect(screen.getByText('Synced just now from Salesforce account')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
