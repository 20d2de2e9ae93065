import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { askFirstBlock, type BookBlock } from '@/components/book/first-block';
import { drawFirstRows } from '@/components/book/first-rows';
import { drawBook } from '@/entrypoints/book/first-screen';
import type { PayloadOf, RequestType } from '@/lib/messages/protocol';
import { startService } from '../../unit/service/harness';

const call = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messages/client', async (importOriginal) => ({ ...(await importOriginal<object>()), call }));

let block: BookBlock;
beforeEach(async () => {
  const service = startService();
  await service.run('sample.load', {});
  call.mockReset().mockImplementation((type: RequestType, payload: PayloadOf<RequestType>) => service.run(type, payload as never));
  block = await askFirstBlock();
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'root' }));
});

const root = () => document.getElementById('root')!;
const accountRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-account-id'));
/** What a reader or a test sees of a row: its hooks, its cells' words and names. */
const rowFacts = (row: HTMLElement) => ({
  id: row.getAttribute('data-account-id'),
  action: row.getAttribute('data-top-action'),
  band: row.getAttribute('data-health-band'),
  index: row.getAttribute('aria-rowindex'),
  cells: within(row)
    .getAllByRole('gridcell')
    .map((c) => [c.textContent, c.getAttribute('aria-label'), c.getAttribute('title')]),
  link: within(row).getByRole('link').getAttribute('href'),
});

describe('the book’s first rows, drawn before React loads', () => {
  it('shows the ranked rows and the counts the page would show', () => {
    drawFirstRows(root(), block);
    expect(screen.getByRole('grid', { name: 'Accounts' })).toHaveAttribute('aria-rowcount', String(block.inView + 1));
    expect(accountRows().map((r) => r.getAttribute('data-account-id'))).toEqual(
      block.rows.slice(0, accountRows().length).map((r) => r.accountId),
    );
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(`${block.inView} of ${block.inScope}`);
    // The controls only the page can run are there, and off until it does.
    expect(screen.getByRole('checkbox', { name: 'At risk' })).toBeDisabled();
    expect(screen.getByRole('searchbox', { name: 'Filter accounts' })).toBeDisabled();
  });

  it('moves with the arrow keys and opens the briefing of the row with Enter or a click', async () => {
    const user = userEvent.setup();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    drawFirstRows(root(), block);
    const [first, second, third] = accountRows();
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(second).toHaveFocus();
    expect(second).toHaveAttribute('tabindex', '0');
    expect(first).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{Enter}');
    expect(open).toHaveBeenLastCalledWith(
      `/popup.html?account=${encodeURIComponent(second.getAttribute('data-account-id')!)}`,
      '_blank',
      'noopener',
    );
    await user.click(within(third).getAllByRole('gridcell')[4]);
    expect(open).toHaveBeenLastCalledWith(
      `/popup.html?account=${encodeURIComponent(third.getAttribute('data-account-id')!)}`,
      '_blank',
      'noopener',
    );
  });

  it('is replaced by the page’s own rows, the same ones, with the focus kept on the row it was on', async () => {
    drawFirstRows(root(), block);
    const drawn = accountRows().map(rowFacts);
    // The words above the grid too: a line more or less would move every row when the page takes over.
    const heading = () => screen.getByRole('heading', { name: 'My book', level: 1 }).parentElement!.textContent;
    const headingDrawn = heading();
    expect(headingDrawn).toContain('Every account counts as yours until you add your email');
    accountRows()[1].focus();
    await act(async () => drawBook(root(), Promise.resolve(block), block));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'At risk' })).toBeEnabled());
    const rows = accountRows();
    expect(rows.map(rowFacts).slice(0, drawn.length)).toEqual(drawn.slice(0, rows.length));
    expect(heading()).toBe(headingDrawn);
    await waitFor(() => expect(rows[1]).toHaveFocus());
  });
});
