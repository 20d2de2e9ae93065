import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConnectedActionsCard } from '@/components/insights/ConnectedActionsCard';
import { judge, NOW, redData } from './fixtures';

const call = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messages/client', () => ({ call }));

function renderConnected(prefs?: Parameters<typeof judge>[1]) {
  const insights = judge(redData(), prefs);
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ConnectedActionsCard accountId={insights.accountId} actions={insights.actions} now={NOW} />
    </QueryClientProvider>,
  );
}

describe('ConnectedActionsCard', () => {
  beforeEach(() => {
    call.mockReset().mockResolvedValue(null);
  });

  it('sends snooze and dismiss through the message API', async () => {
    const user = userEvent.setup();
    renderConnected();
    await user.click(screen.getByRole('button', { name: 'Snooze 1 week', description: 'Run the champion departure protocol' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('action.snooze', {
        accountId: 'acc-red',
        actionId: 'champion-departure',
        until: new Date(NOW.getTime() + 7 * 86_400_000).toISOString(),
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Dismiss', description: 'Escalate: run the save play' }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('action.snooze', { accountId: 'acc-red', actionId: 'save-play-escalate' }));
  });

  it('sends restore, and reports a failure in words', async () => {
    const user = userEvent.setup();
    call.mockRejectedValue(new Error('store is busy'));
    renderConnected({ 'qbr-due': {} });
    await user.click(screen.getByRole('button', { name: 'Dismissed or snoozed (1)' }));
    await user.click(screen.getByRole('button', { name: 'Restore', description: 'Schedule the QBR' }));
    expect(call).toHaveBeenCalledWith('action.restore', { accountId: 'acc-red', actionId: 'qbr-due' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not save that change: store is busy');
  });
});
