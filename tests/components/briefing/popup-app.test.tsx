import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/briefing/PopupApp';
import { answer, backend, renderWithClient, type Backend } from './setup';

const call = vi.hoisted(() => vi.fn());
// The real activeTabContext stays: it asks the (fake) browser's active tab, as the popup does.
vi.mock('@/lib/messages/client', async (importOriginal) => ({ ...(await importOriginal<object>()), call }));

let b: Backend;
beforeEach(() => {
  fakeBrowser.reset();
  b = backend();
  call.mockReset().mockImplementation(answer(b));
});
afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '/popup.html');
});

function openPopup(search = '') {
  history.replaceState(null, '', `/popup.html${search}`);
  return renderWithClient(<PopupApp />);
}

const root = (container: HTMLElement) => container.querySelector('[data-match]')!;

/** The active tab runs our content script on a host page, which answers with its context. */
function activeTab(match: unknown) {
  b.tabMatch = match;
  // Both have callback overloads that defeat mockResolvedValue's typing.
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 7 }]) as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => ({ kind: 'thread' })) as never);
}

describe('PopupApp', () => {
  it('opens any account by ?account=', async () => {
    const { container } = openPopup('?account=sample-acme');
    await waitFor(() => expect(root(container)).toHaveAttribute('data-match', 'matched'));
    expect(container.querySelector('[data-account-id="sample-acme"]')).toBeInTheDocument();
    expect(call).not.toHaveBeenCalledWith('page.match', expect.anything());
  });

  it('shows the account matched in the active tab, as the sidebar would', async () => {
    activeTab({ match: { status: 'matched', accountId: 'sample-globex', via: 'domain' } });
    const { container } = openPopup();
    expect(root(container)).toHaveAttribute('data-match', 'loading');
    await waitFor(() => expect(root(container)).toHaveAttribute('data-match', 'matched'));
    expect(container.querySelector('[data-account-id="sample-globex"]')).toBeInTheDocument();
    expect(call).toHaveBeenCalledWith('page.match', { context: { kind: 'thread' } });
  });

  it('asks which account when the tab matches several, and remembers the choice', async () => {
    const user = userEvent.setup();
    activeTab({
      pageKey: 'gmail:thread:1',
      match: {
        status: 'ambiguous',
        via: 'domain',
        candidates: [
          { accountId: 'sample-acme', name: 'Acme Robotics', reason: 'acmerobotics.com' },
          { accountId: 'sample-globex', name: 'Globex', reason: 'acmerobotics.com' },
        ],
      },
    });
    const { container } = openPopup();
    await waitFor(() => expect(root(container)).toHaveAttribute('data-match', 'ambiguous'));
    expect(container.querySelector('[data-account-id]')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Acme Robotics' }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-match', 'matched'));
    expect(call).toHaveBeenCalledWith('match.choose', { pageKey: 'gmail:thread:1', accountId: 'sample-acme' });
  });

  it('offers search and the meetings coming up when nothing matches, and opens the one picked', async () => {
    const user = userEvent.setup();
    const { container } = openPopup();
    await waitFor(() => expect(root(container)).toHaveAttribute('data-match', 'none'));
    expect(screen.getByRole('searchbox', { name: 'Search accounts' })).toBeInTheDocument();
    const upcoming = await screen.findByRole('region', { name: 'Meetings coming up' });
    const items = within(upcoming).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Recovery check-in: fleet-sync outage');
    await user.click(within(items[0]).getByRole('button', { name: 'Acme Robotics' }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-match', 'matched'));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(root(container)).toHaveAttribute('data-match', 'none'));
  });

  it('finds an account by search', async () => {
    const user = userEvent.setup();
    const { container } = openPopup();
    await user.type(await screen.findByRole('searchbox', { name: 'Search accounts' }), 'glob');
    await user.click(await screen.findByRole('option', { name: /Globex/ }));
    await waitFor(() => expect(container.querySelector('[data-account-id="sample-globex"]')).toBeInTheDocument());
  });

  it('says when the account asked for is not in Glance', async () => {
    const { container } = openPopup('?account=nobody');
    await waitFor(() => expect(root(container)).toHaveAttribute('data-match', 'none'));
    expect(screen.getByText('There is no account "nobody" in Glance.')).toBeInTheDocument();
  });

  it('shows an error from the background instead of an endless spinner', async () => {
    call.mockImplementation(async (type: string) => {
      if (type === 'account.view') throw new Error('store closed');
      return answer(b)(type, {});
    });
    openPopup('?account=sample-acme');
    expect(await screen.findByRole('alert')).toHaveTextContent('Glance could not load the briefing: store closed');
  });
});
