import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { queryKeys } from '@/components/data/hooks';
import { FoundInEmail } from '@/components/thread/FoundInEmail';
import type { ThreadContext } from '@/components/thread/use-thread-findings';
import { buildAccountView } from '@/lib/account-view/build';
import type { AccountView } from '@/lib/account-view/types';
import type { AccountData, Commitment } from '@/lib/model/bundle';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const call = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messages/client', () => ({ call }));

const NOW = new Date('2026-03-04T12:00:00Z');
const DANA = { name: 'Dana Whitfield', email: 'dana.whitfield@acmerobotics.com' };
const PRIYA = { name: 'Priya Nair', email: 'priya.nair@acmerobotics.com' };
const CASEY = { name: 'Casey Morgan', email: 'casey.morgan@northpeak.io' };

const context: ThreadContext = {
  host: 'gmail',
  kind: 'thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT',
  threadId: '18e5c2a7f4b91d03',
  subject: 'Security review',
  people: [DANA, PRIYA, CASEY],
  userEmail: CASEY.email,
  messages: [
    {
      from: DANA,
      to: [CASEY, PRIYA],
      sentAt: '2026-03-02T10:00:00Z',
      text: "Could you send the questionnaire over? We'll get you the usage export next week. It would be great if dashboards could be exported to PDF.\n\nThanks,\nDana",
    },
    { from: CASEY, to: [DANA], sentAt: '2026-03-03T10:00:00Z', text: "We'll send the security questionnaire by Friday.\n\nBest,\nCasey" },
  ],
};

function accountView(commitments: Commitment[] = []): AccountView {
  const data: AccountData = {
    account: { id: 'acc-acme', name: 'Acme Robotics', domains: ['acmerobotics.com'] },
    contacts: [{ id: 'ct-dana', accountId: 'acc-acme', name: DANA.name, email: DANA.email, role: 'champion' }],
    usage: [],
    tickets: [],
    commitments,
    activities: [],
  };
  return buildAccountView(data, NOW, DEFAULT_SETTINGS);
}

/** The background as far as this section asks it: dismissals per thread, and what was saved. */
function fakeBackground() {
  const dismissed: string[] = [];
  const saved: Commitment[] = [];
  let touchLogged = false;
  call.mockImplementation(async (type: string, payload: Record<string, unknown>) => {
    if (type === 'profile.get') return { ownDomains: ['northpeak.io'] };
    if (type === 'thread.state') return { dismissed: [...dismissed], touchLogged };
    if (type === 'thread.dismiss') {
      dismissed.push(payload.suggestionId as string);
      return null;
    }
    if (type === 'commitment.save') return saved.push(payload.commitment as Commitment) && payload.commitment;
    if (type === 'thread.logTouch') {
      touchLogged = true;
      return { touch: { id: 't-1' }, championUpdated: true };
    }
    if (type === 'feedback.list') return [];
    throw new Error(`unexpected ${type}`);
  });
  return { dismissed, saved };
}

function Section({ fallback, onEdit }: { fallback: AccountView; onEdit: () => void }) {
  const client = useQueryClient();
  const key = queryKeys.account(fallback.account.id);
  const { data } = useQuery({ queryKey: key, queryFn: () => client.getQueryData<AccountView>(key) ?? fallback, initialData: fallback });
  return <FoundInEmail view={data} context={context} onEdit={onEdit} />;
}

function renderSection(view = accountView()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const onEdit = vi.fn();
  render(
    <QueryClientProvider client={client}>
      <Section fallback={view} onEdit={onEdit} />
    </QueryClientProvider>,
  );
  return { onEdit };
}

const section = () => screen.getByRole('region', { name: 'Found in this email' });
const suggestions = async () =>
  within(await screen.findByRole('list', { name: 'Commitments found in this email' })).getAllByRole('listitem');

describe('Found in this email', () => {
  afterEach(() => call.mockReset());

  it('lists the commitments of the thread with who delivers and when', async () => {
    fakeBackground();
    renderSection();
    const items = await suggestions();
    expect(items.map((li) => [li.textContent?.match(/“(.*)”/)?.[1], li.dataset.owner, li.dataset.due])).toEqual([
      ['Could you send the questionnaire over?', 'us', ''],
      ["We'll get you the usage export next week.", 'customer', '2026-03-13'],
      ["We'll send the security questionnaire by Friday.", 'us', '2026-03-06'],
    ]);
    expect(within(items[1]).getByText(/Their promise/)).toBeTruthy();
  });

  it('logs a suggestion in one click as a commitment whose source is the thread, then shows it as logged', async () => {
    const { saved } = fakeBackground();
    renderSection();
    const item = (await suggestions())[2];
    await userEvent.click(within(item).getByRole('button', { name: 'Log' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      id: `c-${item.dataset.suggestionId}`,
      accountId: 'acc-acme',
      text: "We'll send the security questionnaire by Friday.",
      owner: 'us',
      dueDate: '2026-03-06',
      status: 'open',
      source: { type: 'email', url: context.url, threadId: context.threadId },
    });
    await waitFor(() => expect(within(item).getByText('Logged')).toBeTruthy());
    expect(within(item).queryByRole('button', { name: 'Log' })).toBeNull();
  });

  it('hides a dismissed suggestion and tells the background for this thread', async () => {
    const { dismissed } = fakeBackground();
    renderSection();
    const first = (await suggestions())[0];
    await userEvent.click(within(first).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('“Could you send the questionnaire over?”')).toBeNull());
    expect(dismissed).toEqual([first.dataset.suggestionId]);
  });

  it('opens the promise form with what it read, to edit before logging', async () => {
    fakeBackground();
    const { onEdit } = renderSection();
    await userEvent.click(within((await suggestions())[1]).getByRole('button', { name: 'Edit' }));
    expect(onEdit).toHaveBeenCalledWith(
      expect.objectContaining({
        text: "We'll get you the usage export next week.",
        suggested: expect.objectContaining({ owner: 'customer', dueDate: '2026-03-13' }),
      }),
    );
  });

  it('logs the email as a touch once', async () => {
    fakeBackground();
    renderSection();
    await suggestions();
    await userEvent.click(within(section()).getByRole('button', { name: 'Log this email' }));
    await screen.findByText('Logged as a touch on Acme Robotics.');
    expect(within(section()).getByRole('button', { name: 'Log this email' })).toHaveProperty('disabled', true);
    expect(call).toHaveBeenCalledWith('thread.logTouch', { accountId: 'acc-acme', context });
  });

  it('offers the new person from the account domain as a contact, and the feature request as feedback', async () => {
    fakeBackground();
    renderSection();
    await suggestions();
    expect(screen.getByRole('button', { name: 'Add as contact: Priya Nair' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add as contact: Dana/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Keep feature request: It would be great if dashboards/ })).toBeTruthy();
  });
});
