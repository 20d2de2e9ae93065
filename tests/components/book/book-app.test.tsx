import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BookApp } from '@/components/book/BookApp';
import type { PayloadOf, RequestType } from '@/lib/messages/protocol';
import { startService } from '../../unit/service/harness';
import { renderWithClient } from '../briefing/setup';

const call = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messages/client', async (importOriginal) => ({ ...(await importOriginal<object>()), call }));

/** The page talks to a real background service over a fresh database holding the sample book. */
beforeEach(async () => {
  const service = startService();
  await service.run('sample.load', {});
  call.mockReset().mockImplementation((type: RequestType, payload: PayloadOf<RequestType>) => service.run(type, payload as never));
});

const accountRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-account-id'));
const statusLine = () => screen.getAllByRole('status')[0];

async function openBook(openBriefing = vi.fn()) {
  renderWithClient(<BookApp openBriefing={openBriefing} />);
  // The first render waits for the background to judge all fifty accounts.
  await waitFor(() => expect(statusLine()).toHaveTextContent('50 of 50'), { timeout: 10_000 });
  return openBriefing;
}

describe('the book page', () => {
  it('lists the accounts in a grid, highest-priority top action first', async () => {
    await openBook();
    expect(screen.getByRole('grid', { name: 'Accounts' })).toHaveAttribute('aria-rowcount', '51');
    const priorities = accountRows().map((r) => r.getAttribute('data-top-action'));
    expect(priorities[0]).toBe('champion-departure');
    expect(accountRows()[0]).toHaveAttribute('data-health-band');
  });

  it('narrows to the accounts at risk, as many as the filter said, and back', async () => {
    const user = userEvent.setup();
    await openBook();
    const atRisk = screen.getByRole('checkbox', { name: 'At risk' });
    // The count beside the checkbox, which describes it.
    const count = Number(document.getElementById(atRisk.getAttribute('aria-describedby')!)!.firstChild!.textContent);
    expect(count).toBeGreaterThan(0);
    await user.click(atRisk);
    await waitFor(() => expect(statusLine()).toHaveTextContent(`${count} of 50`));
    expect(accountRows().every((r) => ['red', 'yellow'].includes(r.getAttribute('data-health-band')!))).toBe(true);
    await user.click(atRisk);
    await waitFor(() => expect(statusLine()).toHaveTextContent('50 of 50'));
  });

  it('filters by name or domain as she types', async () => {
    const user = userEvent.setup();
    await openBook();
    await user.type(screen.getByRole('searchbox', { name: 'Filter accounts' }), 'globex');
    await waitFor(() => expect(accountRows().map((r) => within(r).getByRole('link').textContent)).toEqual(['Globex Corporation']));
  });

  it('sorts by a column and turns the order round on a second click', async () => {
    const user = userEvent.setup();
    await openBook();
    await user.click(screen.getByRole('button', { name: 'Account' }));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: 'Account' })).toHaveAttribute('aria-sort', 'ascending'));
    await waitFor(() => {
      const names = accountRows().map((r) => within(r).getByRole('link').textContent!);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    });
    await user.click(screen.getByRole('button', { name: 'Account' }));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: 'Account' })).toHaveAttribute('aria-sort', 'descending'));
  });

  it('moves with the arrow keys and opens the briefing of the row with Enter', async () => {
    const user = userEvent.setup();
    const openBriefing = await openBook();
    const [first, second] = accountRows();
    first.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(second).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(openBriefing).toHaveBeenCalledWith(second.getAttribute('data-account-id'));
  });

  it('marks a Today commitment done in place, and snoozes another off the list', async () => {
    const user = userEvent.setup();
    await openBook();
    // Today is asked for once the first rows are in.
    const today = await screen.findByRole('list', { name: 'Commitments overdue or due this week' });
    const [item, next] = within(today).getAllByRole('listitem');
    const id = item.getAttribute('data-commitment-id');
    const nextId = next.getAttribute('data-commitment-id');
    await user.click(within(item).getByRole('button', { name: /^Mark done/ }));
    await waitFor(() => expect(document.querySelector(`[data-commitment-id="${id}"]`)).toBeNull());
    await user.click(within(screen.getByRole('list', { name: /overdue or due/ })).getAllByRole('button', { name: /^Snooze/ })[0]);
    await waitFor(() => expect(document.querySelector(`[data-commitment-id="${nextId}"]`)).toBeNull());
  });
});
