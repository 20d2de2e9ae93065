import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommitmentsCard } from '@/components/commitments/CommitmentsCard';
import { buildAccountView } from '@/lib/account-view/build';
import type { PromiseDraftSeed } from '@/lib/messages/frame';
import type { Commitment } from '@/lib/model/bundle';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const call = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messages/client', () => ({ call }));

const NOW = new Date('2026-03-04T12:00:00Z');

/** Editing a found commitment before logging it: the promise form opens with what Glance read, not what it would guess from the words alone. */
describe('the promise form opened from "Found in this email"', () => {
  it("starts with the owner and due date read from the thread and logs under the suggestion's id", async () => {
    call.mockImplementation((_type: string, payload: { commitment: Commitment }) => Promise.resolve(payload.commitment));
    // From the customer, "We'll get you …" is their promise, which the words alone would read as ours.
    const draft: PromiseDraftSeed = {
      text: "We'll get you the usage export next week.",
      sentAt: '2026-03-02T10:00:00Z',
      suggested: {
        commitmentId: 'c-s-abc',
        owner: 'customer',
        kind: 'commitment',
        dueDate: '2026-03-13',
        promisedBy: 'dana@acmerobotics.com',
      },
    };
    const view = buildAccountView(
      { account: { id: 'acc-1', name: 'Acme' }, contacts: [], usage: [], tickets: [], commitments: [], activities: [] },
      NOW,
      DEFAULT_SETTINGS,
    );
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
        <CommitmentsCard
          view={view}
          draft={draft}
          source={{ type: 'email', url: 'https://mail.google.com/mail/u/0/#inbox/abc', threadId: 'abc' }}
          userEmail="casey@northpeak.io"
          onOpenDraft={vi.fn()}
          onCloseDraft={vi.fn()}
        />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue('customer');
    expect(screen.getByLabelText('Due')).toHaveValue('2026-03-13');
    await userEvent.clear(screen.getByLabelText('Due'));
    await userEvent.type(screen.getByLabelText('Due'), '2026-03-12');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(call).toHaveBeenCalledTimes(1));
    expect(call.mock.calls[0][1].commitment).toMatchObject({
      id: 'c-s-abc',
      owner: 'customer',
      dueDate: '2026-03-12',
      promisedBy: 'dana@acmerobotics.com',
      source: { type: 'email', threadId: 'abc' },
    });
  });
});
