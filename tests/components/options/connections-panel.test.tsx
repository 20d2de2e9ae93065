import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createQueryClient } from '@/components/data/GlanceQueryProvider';
import { ConnectionsPanel } from '@/components/options/ConnectionsPanel';
import { defaultMappingFields } from '@/lib/sync/mapping';
import { call } from '@/lib/messages/client';
import { requestOrigin } from '@/lib/permissions/request';
import type { SourceStatus, SyncStatus } from '@/lib/sync/types';

vi.mock('@/lib/messages/client', () => ({ call: vi.fn(), onDataChanged: () => () => {} }));
vi.mock('@/lib/permissions/request', () => ({ requestOrigin: vi.fn(async () => true) }));

const callMock = vi.mocked(call);
const requestMock = vi.mocked(requestOrigin);

const source = (s: Partial<SourceStatus> & Pick<SourceStatus, 'source'>): SourceStatus => ({
  state: 'disconnected',
  herBook: true,
  owners: 0,
  ownerKnown: false,
  mapping: defaultMappingFields(s.source),
  ...s,
});

let status: SyncStatus;
const calls: Array<[string, unknown]> = [];

beforeEach(() => {
  calls.length = 0;
  requestMock.mockClear();
  status = {
    sources: [source({ source: 'hubspot' }), source({ source: 'salesforce' })],
    outbox: [],
    waitingForConnection: 0,
    callbackUrl: 'https://abcdefghijklmnop.chromiumapp.org/',
  };
  callMock.mockReset();
  callMock.mockImplementation((async (type: string, payload: unknown) => {
    calls.push([type, payload]);
    if (type === 'sync.status') return structuredClone(status);
    if (type === 'sync.connect') {
      const p = payload as { source: 'hubspot' | 'salesforce'; accessToken?: string };
      if (p.source === 'hubspot' && !p.accessToken?.startsWith('pat-'))
        throw new Error('HubSpot refused the token (401): reconnect with a new private-app token');
      status.sources[0] = source({
        source: 'hubspot',
        state: 'syncing',
        label: 'HubSpot portal 4242',
        progress: { records: 120, object: 'contacts' },
      });
      return status.sources[0];
    }
    if (type === 'sync.retry') {
      status.outbox[0] = { ...status.outbox[0], state: 'pending', error: undefined };
      return { requeued: 1 };
    }
    return null;
  }) as typeof call);
});

function renderPanel() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ConnectionsPanel />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const panelOf = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });

describe('Connections panel', () => {
  it('connects HubSpot: asks for api.hubapi.com in the click, then the background, and shows the sync going', async () => {
    const user = renderPanel();
    const hubspot = await screen.findByRole('region', { name: /^HubSpot/ });
    expect(hubspot).toHaveAttribute('data-source', 'hubspot');
    expect(hubspot).toHaveAttribute('data-sync-state', 'disconnected');
    expect(hubspot).not.toHaveAttribute('data-last-sync');

    await user.type(within(hubspot).getByRole('textbox', { name: 'HubSpot access token' }), 'pat-na1-abc');
    await user.click(within(hubspot).getByRole('button', { name: 'Connect HubSpot' }));

    expect(requestMock).toHaveBeenCalledWith('https://api.hubapi.com/*');
    expect(calls).toContainEqual(['sync.connect', { source: 'hubspot', accessToken: 'pat-na1-abc' }]);
    await vi.waitFor(() => expect(panelOf('HubSpot')).toHaveAttribute('data-sync-state', 'syncing'));
    expect(within(panelOf('HubSpot')).getByRole('status')).toHaveTextContent('Syncing contacts: 120 records so far.');
    expect(within(panelOf('HubSpot')).getByRole('button', { name: 'Disconnect' })).toBeEnabled();
  });

  it('says what is wrong when the token is refused', async () => {
    const user = renderPanel();
    const hubspot = await screen.findByRole('region', { name: /^HubSpot/ });
    await user.type(within(hubspot).getByRole('textbox', { name: 'HubSpot access token' }), 'wrong');
    await user.click(within(hubspot).getByRole('button', { name: 'Connect HubSpot' }));
    expect(await within(hubspot).findByRole('alert')).toHaveTextContent('HubSpot refused the token (401)');
  });

  it('Salesforce: asks for the org’s own My Domain host only, with the consumer key', async () => {
    const user = renderPanel();
    const salesforce = await screen.findByRole('region', { name: /^Salesforce/ });
    await user.type(within(salesforce).getByRole('textbox', { name: 'Salesforce domain' }), 'acme.my.salesforce.com');
    await user.type(within(salesforce).getByRole('textbox', { name: 'Consumer key' }), '3MVG9-key');
    await user.click(within(salesforce).getByRole('button', { name: 'Connect Salesforce' }));
    expect(within(salesforce).getByText('https://abcdefghijklmnop.chromiumapp.org/')).toBeInTheDocument();
    expect(requestMock).toHaveBeenCalledWith('https://acme.my.salesforce.com/*');
    expect(calls).toContainEqual(['sync.connect', { source: 'salesforce', myDomain: 'acme.my.salesforce.com', consumerKey: '3MVG9-key' }]);
  });

  it('a synced CRM shows its last result and time; Sync now asks the background', async () => {
    status.sources[0] = source({
      source: 'hubspot',
      state: 'ok',
      label: 'HubSpot portal 4242',
      lastSyncAt: '2026-11-05T10:00:00.000Z',
      lastResult: 'Synced 10 companies, 34 contacts, 2 removed, 3 min ago',
      ownerEmail: 'ana@northpeak.io',
      owners: 4,
      ownerKnown: true,
    });
    const user = renderPanel();
    const hubspot = await screen.findByRole('region', { name: /^HubSpot/ });
    expect(hubspot).toHaveAttribute('data-last-sync', '2026-11-05T10:00:00.000Z');
    expect(within(hubspot).getByRole('status')).toHaveTextContent('Synced 10 companies, 34 contacts, 2 removed, 3 min ago.');
    expect(within(hubspot).getByRole('checkbox', { name: 'Only the accounts I own in HubSpot' })).toBeChecked();
    expect(within(hubspot).getByRole('textbox', { name: 'My HubSpot user email' })).toHaveValue('ana@northpeak.io');

    await user.click(within(hubspot).getByRole('checkbox', { name: 'Only the accounts I own in HubSpot' }));
    expect(calls).toContainEqual(['sync.configure', { source: 'hubspot', herBook: false }]);

    await user.click(within(hubspot).getByText('Field mapping'));
    const health = within(hubspot).getByRole('textbox', { name: 'Health score property' });
    await user.type(health, 'health_score');
    await user.click(within(hubspot).getByRole('button', { name: 'Save mapping' }));
    expect(calls).toContainEqual(['sync.configure', { source: 'hubspot', mapping: expect.objectContaining({ health: 'health_score' }) }]);

    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(calls).toContainEqual(['sync.now', {}]);
  });

  it('lists write-back items by commitment id; a failed one says why and Retry re-queues it', async () => {
    status.sources[0] = source({ source: 'hubspot', state: 'ok' });
    status.outbox = [
      {
        commitmentId: 'cm-2',
        accountId: 'a',
        kind: 'promise',
        text: 'Book the QBR',
        state: 'failed',
        error: 'HubSpot rejected it (400)',
        targets: {},
      },
      {
        commitmentId: 'cm-1',
        accountId: 'a',
        kind: 'promise',
        text: 'Send the guide',
        state: 'sent',
        targets: { hubspot: { state: 'sent', remoteId: '9001' } },
      },
      {
        commitmentId: 'act-1',
        accountId: 'a',
        kind: 'email',
        text: 'Re: SSO rollout',
        state: 'sent',
        targets: { hubspot: { state: 'sent', remoteId: '77' }, salesforce: { state: 'sent', remoteId: '00T1' } },
      },
    ];
    const user = renderPanel();
    const failed = await screen.findByText('Book the QBR');
    const item = failed.closest('[data-outbox-id]')!;
    expect(item).toHaveAttribute('data-outbox-id', 'cm-2');
    expect(item).toHaveAttribute('data-outbox-state', 'failed');
    expect(item).toHaveTextContent('Not written: HubSpot rejected it (400)');
    expect(screen.getByText('Send the guide').closest('[data-outbox-id]')).toHaveTextContent('Written to HubSpot task 9001');
    // A logged email is a note in HubSpot and a completed task in Salesforce.
    expect(screen.getByText('Re: SSO rollout').closest('[data-outbox-id]')).toHaveTextContent(
      'Written to HubSpot note 77 and Salesforce task 00T1',
    );

    await user.click(within(item as HTMLElement).getByRole('button', { name: 'Retry' }));
    expect(calls).toContainEqual(['sync.retry', { commitmentId: 'cm-2' }]);
    await vi.waitFor(() =>
      expect(screen.getByText('Book the QBR').closest('[data-outbox-id]')).toHaveAttribute('data-outbox-state', 'pending'),
    );
  });
});
