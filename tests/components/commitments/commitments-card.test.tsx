import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommitmentsCard, type CommitmentsCardProps } from '@/components/commitments/CommitmentsCard';
import { queryKeys } from '@/components/data/hooks';
import type { AccountView } from '@/lib/account-view/types';
import { buildAccountView } from '@/lib/account-view/build';
import type { AccountData, Commitment } from '@/lib/model/bundle';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const call = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messages/client', () => ({ call }));

const NOW = new Date('2026-11-20T15:00:00Z'); // a Friday

function commitment(partial: Partial<Commitment> & { id: string; text: string }): Commitment {
  return { accountId: 'acc-1', kind: 'commitment', owner: 'us', status: 'open', ...partial };
}

function data(commitments: Commitment[]): AccountData {
  return {
    account: { id: 'acc-1', name: 'Orbit Analytics' },
    contacts: [],
    usage: [],
    tickets: [],
    commitments,
    activities: [],
  };
}

/** Reads the view from the query cache, as the sidebar does, so a save shows in the list at once. */
function CachedCard({ fallback, ...props }: Omit<CommitmentsCardProps, 'view'> & { fallback: AccountView }) {
  const client = useQueryClient();
  const key = queryKeys.account(fallback.account.id);
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => client.getQueryData<AccountView>(key) ?? fallback,
    initialData: fallback,
  });
  return <CommitmentsCard view={data} {...props} />;
}

function renderCard(list: Commitment[], draft: { text: string; sentAt?: string } | null = null) {
  const view = buildAccountView(data(list), NOW, DEFAULT_SETTINGS);
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const onOpenDraft = vi.fn();
  const onCloseDraft = vi.fn();
  render(
    <QueryClientProvider client={client}>
      <CachedCard
        fallback={view}
        draft={draft}
        source={{ type: 'email', url: 'https://mail.google.com/mail/u/0/#inbox/abc', threadId: 'abc' }}
        userEmail="casey@northpeak.io"
        onOpenDraft={onOpenDraft}
        onCloseDraft={onCloseDraft}
      />
    </QueryClientProvider>,
  );
  return { onOpenDraft, onCloseDraft };
}

const itemOf = (text: string) => screen.getByText(text).closest('[data-commitment-id]') as HTMLElement;

describe('CommitmentsCard', () => {
  beforeEach(() => {
    call.mockReset().mockImplementation((_type: string, payload: { commitment: Commitment }) => Promise.resolve(payload.commitment));
  });

  it('lists overdue first with data-status overdue, marks due-soon, and groups sales promises apart', () => {
    renderCard([
      commitment({ id: 'later', text: 'Send the renewal quote', dueDate: '2026-12-20' }),
      commitment({ id: 'late', text: 'Share the QBR deck', dueDate: '2026-11-18' }),
      commitment({ id: 'today', text: 'Book the training', dueDate: '2026-11-20' }),
      commitment({ id: 'sp', text: 'The Snowflake connector is on the roadmap for Q3', kind: 'sales-promise' }),
    ]);
    const open = screen.getAllByRole('listitem').filter((li) => li.dataset.kind === 'commitment');
    expect(open.map((li) => li.dataset.commitmentId)).toEqual(['late', 'today', 'later']);
    expect(itemOf('Share the QBR deck')).toHaveAttribute('data-status', 'overdue');
    // Due today is not overdue, but it is due soon.
    expect(itemOf('Book the training')).toHaveAttribute('data-status', 'open');
    expect(within(itemOf('Book the training')).getByText('Due soon')).toBeInTheDocument();
    const promise = itemOf('The Snowflake connector is on the roadmap for Q3');
    expect(promise).toHaveAttribute('data-kind', 'sales-promise');
    expect(within(promise).getByText('Roadmap risk')).toBeInTheDocument();
  });

  it('filters ours and theirs', async () => {
    const user = userEvent.setup();
    renderCard([
      commitment({ id: 'ours', text: 'Send the SOC 2 report' }),
      commitment({ id: 'theirs', text: 'Customer shares the SSO metadata', owner: 'customer' }),
    ]);
    await user.click(screen.getByRole('button', { name: 'Theirs' }));
    expect(screen.queryByText('Send the SOC 2 report')).not.toBeInTheDocument();
    expect(screen.getByText('Customer shares the SSO metadata')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ours' }));
    expect(screen.getByText('Send the SOC 2 report')).toBeInTheDocument();
    expect(screen.queryByText('Customer shares the SSO metadata')).not.toBeInTheDocument();
  });

  it('marks done as the one primary action, with an undo', async () => {
    const user = userEvent.setup();
    renderCard([commitment({ id: 'a', text: 'Send the SOC 2 report' })]);
    // Edit and cancel wait behind "More": only "Done" shows on an open item.
    expect(screen.queryByRole('button', { name: 'Cancel commitment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done', description: 'Send the SOC 2 report' }));
    expect(screen.getByRole('status')).toHaveTextContent('Marked done “Send the SOC 2 report”.');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(call).toHaveBeenLastCalledWith('commitment.update', { id: 'a', patch: { status: 'open' } }));
    await waitFor(() => expect(itemOf('Send the SOC 2 report')).toHaveAttribute('data-status', 'open'));
  });

  it('marks done, and cancels with an undo', async () => {
    const user = userEvent.setup();
    renderCard([commitment({ id: 'a', text: 'Send the SOC 2 report' }), commitment({ id: 'b', text: 'Book the training' })]);
    await user.click(screen.getByRole('button', { name: 'Done', description: 'Send the SOC 2 report' }));
    // Only the change travels: a whole record from this copy could undo an edit made in another tab.
    await waitFor(() => expect(call).toHaveBeenCalledWith('commitment.update', { id: 'a', patch: { status: 'done' } }));
    // Still in the DOM at once, under its own subheading, with its new status.
    expect(screen.getByRole('heading', { name: 'Done and cancelled' })).toBeInTheDocument();
    expect(itemOf('Send the SOC 2 report')).toHaveAttribute('data-status', 'done');
    expect(screen.getByRole('button', { name: 'Reopen', description: 'Send the SOC 2 report' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'More', description: 'Book the training' }));
    await user.click(screen.getByRole('button', { name: 'Cancel commitment', description: 'Book the training' }));
    await waitFor(() => expect(call).toHaveBeenCalledWith('commitment.update', { id: 'b', patch: { status: 'cancelled' } }));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(call).toHaveBeenLastCalledWith('commitment.update', { id: 'b', patch: { status: 'open' } }));
    expect(call.mock.calls.some(([type]) => type === 'commitment.save')).toBe(false);
  });

  it('sends an edit as the changed fields only', async () => {
    const user = userEvent.setup();
    renderCard([commitment({ id: 'a', text: 'Send the SOC 2 report', dueDate: '2026-11-27', promisedBy: 'casey@northpeak.io' })]);
    await user.click(screen.getByRole('button', { name: 'More', description: 'Send the SOC 2 report' }));
    await user.click(screen.getByRole('button', { name: 'Edit', description: 'Send the SOC 2 report' }));
    const textbox = screen.getByRole('textbox', { name: 'Promise' });
    await user.clear(textbox);
    await user.type(textbox, 'Send the SOC 2 type II report');
    fireEvent.change(screen.getByLabelText('Due'), { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('commitment.update', { id: 'a', patch: { text: 'Send the SOC 2 type II report', dueDate: null } }),
    );
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument());
    expect(itemOf('Send the SOC 2 type II report')).toHaveTextContent('No due date');
  });

  it('sends nothing when an edit changes nothing, even for a due date stored as a timestamp', async () => {
    const user = userEvent.setup();
    renderCard([commitment({ id: 'a', text: 'Send the SOC 2 report', dueDate: '2026-11-27T17:00:00Z' })]);
    await user.click(screen.getByRole('button', { name: 'More', description: 'Send the SOC 2 report' }));
    await user.click(screen.getByRole('button', { name: 'Edit', description: 'Send the SOC 2 report' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument());
    expect(call).not.toHaveBeenCalled();
  });

  it('sends a retried save of a new promise with the same id and content', async () => {
    const user = userEvent.setup();
    call.mockRejectedValueOnce(new Error('Glance\'s background did not answer "commitment.save".'));
    renderCard([], { text: 'Send the roadmap deck by Friday' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('did not answer');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(call).toHaveBeenCalledTimes(2));
    const [first, second] = call.mock.calls.map(([, payload]) => (payload as { commitment: Commitment }).commitment);
    expect(first.id).toMatch(/^c-/);
    expect(second).toEqual(first);
  });

  it('shows the 10 most recent done and cancelled items, the one just closed first, and counts the rest', async () => {
    const user = userEvent.setup();
    const closed = Array.from({ length: 12 }, (_, i) =>
      commitment({
        id: `c${i}`,
        text: `Closed item ${i}`,
        status: i % 2 ? 'cancelled' : 'done',
        dueDate: `2026-10-${String(10 + i).padStart(2, '0')}`,
      }),
    );
    renderCard([...closed, commitment({ id: 'old', text: 'Long overdue item', dueDate: '2026-01-05' })]);
    const shownClosed = () =>
      screen.getAllByRole('listitem').filter((li) => li.dataset.status === 'done' || li.dataset.status === 'cancelled');
    // Latest due first; the two oldest are summed up.
    expect(shownClosed().map((li) => li.dataset.commitmentId)).toEqual(['c11', 'c10', 'c9', 'c8', 'c7', 'c6', 'c5', 'c4', 'c3', 'c2']);
    expect(screen.getByText('+2 more')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Done', description: 'Long overdue item' }));
    expect(shownClosed()[0]).toHaveAttribute('data-commitment-id', 'old');
    expect(shownClosed()[0]).toHaveAttribute('data-status', 'done');
    expect(shownClosed()).toHaveLength(10);
    expect(screen.getByText('+3 more')).toBeInTheDocument();
  });

  it('keeps every form query to one control, whatever the items say', () => {
    renderCard(
      [
        commitment({ id: 'a', text: 'Save the promised owner notes, due Friday' }),
        commitment({ id: 'b', text: 'Sales promise: Save seats', kind: 'sales-promise' }),
      ],
      { text: '' },
    );
    const form = screen.getByRole('form', { name: 'New commitment' });
    // Substring and case-insensitive, as an outside check would query.
    expect(screen.getAllByRole('button', { name: /save/i })).toHaveLength(1);
    expect(within(form).getByRole('button', { name: /save/i })).toHaveTextContent('Save');
    for (const field of ['Promise', 'Due', 'Owner']) {
      expect(screen.getAllByLabelText(new RegExp(field, 'i'))).toHaveLength(1);
      expect(screen.getByLabelText(field, { exact: true })).toBe(within(form).getByLabelText(field));
    }
    expect(screen.getByLabelText('Kind')).toHaveValue('commitment');
  });

  it('logs a selected sentence with its due date and owner read from the wording, on Enter', async () => {
    const user = userEvent.setup();
    const { onCloseDraft } = renderCard([], { text: "We'll send the security questionnaire by Friday", sentAt: '2026-11-16T10:00:00Z' });
    const textbox = screen.getByRole('textbox', { name: 'Promise' });
    expect(textbox).toHaveValue("We'll send the security questionnaire by Friday");
    // Sent on Monday the 16th: "by Friday" is the 20th, not a Friday counted from today.
    expect(screen.getByLabelText('Due')).toHaveValue('2026-11-20');
    expect(screen.getByLabelText('Owner')).toHaveValue('us');
    await user.type(textbox, '{Enter}');
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('commitment.save', {
        commitment: expect.objectContaining({
          accountId: 'acc-1',
          text: "We'll send the security questionnaire by Friday",
          dueDate: '2026-11-20',
          owner: 'us',
          kind: 'commitment',
          status: 'open',
          promisedBy: 'casey@northpeak.io',
          source: { type: 'email', url: 'https://mail.google.com/mail/u/0/#inbox/abc', threadId: 'abc' },
        }),
      }),
    );
    await waitFor(() => expect(onCloseDraft).toHaveBeenCalled());
  });

  it('keeps a due date set by hand when the text changes, and guesses the customer as owner from "you will"', async () => {
    const user = userEvent.setup();
    renderCard([], { text: '' });
    const textbox = screen.getByRole('textbox', { name: 'Promise' });
    await user.click(textbox);
    await user.paste('You will send the signed order form in two weeks');
    expect(screen.getByLabelText('Owner')).toHaveValue('customer');
    expect(screen.getByLabelText('Due')).toHaveValue('2026-12-04');
    fireEvent.change(screen.getByLabelText('Due'), { target: { value: '2026-12-01' } });
    await user.paste(' or sooner');
    expect(screen.getByLabelText('Due')).toHaveValue('2026-12-01');
  });

  it('shows a save failure in words and keeps the form open', async () => {
    const user = userEvent.setup();
    call.mockRejectedValue(new Error('No account "acc-1" in Glance: the promise was not saved.'));
    renderCard([], { text: 'Send the roadmap deck' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the promise was not saved');
    expect(screen.getByRole('textbox', { name: 'Promise' })).toBeInTheDocument();
  });
});
