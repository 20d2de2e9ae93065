import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AccountChooser } from '@/components/account/AccountChooser';
import { NowCard } from '@/components/sections/NowCard';
import { Section } from '@/components/sections/Section';
import { CollapsedHandle } from '@/components/sidebar/CollapsedHandle';
import { EmptyBook, NoAccount } from '@/components/sidebar/NoAccountStates';
import { answer, backend, renderWithClient, sampleView } from '../briefing/setup';

const call = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messages/client', () => ({ call }));

beforeEach(() => {
  localStorage.clear();
  call.mockReset().mockImplementation(answer(backend()));
});

describe('Section', () => {
  it('opens and closes from its heading and remembers the choice for the next sidebar', async () => {
    const user = userEvent.setup();
    const first = renderWithClient(
      <Section id="people" title="People" hint={6}>
        <p>Dana Whitfield</p>
      </Section>,
    );
    const toggle = screen.getByRole('button', { name: /^People/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('Dana Whitfield')).not.toBeVisible();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Dana Whitfield')).toBeVisible();
    first.unmount();

    renderWithClient(
      <Section id="people" title="People">
        <p>Dana Whitfield</p>
      </Section>,
    );
    expect(screen.getByRole('button', { name: /^People/ })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('NowCard', () => {
  it('names the most urgent risk and the overdue commitment of ours first', () => {
    renderWithClient(<NowCard view={sampleView('sample-acme')} />);
    const card = screen.getByRole('region', { name: 'Most urgent risk and next commitment' });
    expect(card.querySelector('[data-top-signal-id]')).toHaveAttribute('data-top-signal-id', 'p1-p2-open');
    expect(within(card).getByText('Critical')).toBeInTheDocument();
    const next = card.querySelector('[data-next-commitment-id]')!;
    expect(next).toHaveAttribute('data-status', 'overdue');
    expect(next).toHaveTextContent('Send Dana the root-cause analysis for the fleet-sync outage');
  });
});

describe('CollapsedHandle', () => {
  it('tells the band, score and overdue count, and opens the sidebar', async () => {
    const onOpen = vi.fn();
    renderWithClient(<CollapsedHandle view={sampleView('sample-acme')} onOpen={onOpen} />);
    const handle = screen.getByRole('button', { name: 'Open Glance sidebar: Acme Robotics, Critical health 51, 1 overdue' });
    expect(handle).toHaveAttribute('data-handle-band', 'red');
    fireEvent.click(handle);
    expect(onOpen).toHaveBeenCalledOnce();
  });
});

describe('states without an account', () => {
  it('offers import and the sample book on an empty book, both on the options page', async () => {
    const user = userEvent.setup();
    const onOpenOptions = vi.fn();
    renderWithClient(<EmptyBook onOpenOptions={onOpenOptions} />);
    expect(screen.getByRole('heading', { name: 'Your book is empty' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import your book' }));
    await user.click(screen.getByRole('button', { name: 'Load the sample book' }));
    expect(onOpenOptions).toHaveBeenCalledTimes(2);
  });

  it('says why nothing matched in a sentence, and offers search and import', async () => {
    call.mockImplementation(async (type: string) =>
      type === 'store.summary' ? { counts: { accounts: 50 }, sampleAccounts: 50, outboxPending: 0 } : [],
    );
    renderWithClient(
      <NoAccount
        context={null}
        result={{ status: 'none', reason: 'no stored contact or account domain matches pat@gmail.com (free-mail)' }}
        onPick={() => undefined}
        onOpenOptions={() => undefined}
      />,
    );
    expect(
      await screen.findByText(/^No stored contact or account domain matches pat@gmail.com \(free-mail\)\. Search your book/),
    ).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search accounts' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import accounts' })).toBeInTheDocument();
  });
});

describe('AccountChooser', () => {
  it('tells candidates apart by their facts and moves between them with the arrow keys', async () => {
    const user = userEvent.setup();
    const onPick = vi.fn();
    renderWithClient(
      <AccountChooser
        via="domain"
        onPick={onPick}
        candidates={[
          { accountId: 'sample-acme', name: 'Acme Robotics', reason: 'x' },
          { accountId: 'sample-globex', name: 'Globex', reason: 'x' },
        ]}
      />,
    );
    const acme = screen.getByRole('button', { name: 'Acme Robotics' });
    await screen.findByText(/\$240,000 ARR/);
    expect(acme).toHaveAccessibleDescription(/acmerobotics\.com.*51 Critical.*last touch/);
    acme.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Globex' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith('sample-globex');
  });
});
