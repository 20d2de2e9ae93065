import { screen, within } from '@testing-library/react';
import { Briefing } from '@/components/briefing/Briefing';
import { talkingPoints } from '@/lib/briefing/talking-points';
import { answer, backend, renderWithClient, sampleView } from './setup';

const call = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messages/client', () => ({ call }));

beforeEach(() => call.mockReset().mockImplementation(answer(backend())));

function renderAcme() {
  const view = sampleView('sample-acme');
  const utils = renderWithClient(<Briefing view={view} />);
  return { ...utils, view };
}

const section = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });

describe('Briefing', () => {
  it('carries the sidebar hooks: account, health band and score, actions in ranked order', () => {
    const { container } = renderAcme();
    expect(container.querySelector('[data-account-id]')).toHaveAttribute('data-account-id', 'sample-acme');
    const health = container.querySelectorAll('[data-health-band]');
    expect(health).toHaveLength(1);
    expect(health[0]).toHaveAttribute('data-health-band', 'red');
    expect(health[0]).toHaveAttribute('data-health-score', '51');
    expect([...container.querySelectorAll('[data-action-id]')].map((e) => e.getAttribute('data-action-id'))).toEqual([
      'save-play-escalate',
      'overdue-commitment',
      'save-play-reach-out',
    ]);
  });

  it('heads with name, tier, ARR, renewal date and stage, and the next meeting', () => {
    renderAcme();
    expect(screen.getByRole('heading', { level: 1, name: /Acme Robotics/ })).toBeInTheDocument();
    expect(screen.getByText('Enterprise')).toBeInTheDocument();
    expect(screen.getByText('$240,000')).toBeInTheDocument();
    expect(screen.getByText('Renewal').nextElementSibling).toHaveTextContent('in 140 days Tue, Jul 28');
    expect(screen.getByText(/Renewal stage:/).parentElement).toHaveTextContent('Renewal stage: not started yet');
    expect(screen.getByText('Next meeting').parentElement).toHaveTextContent(/today, .*Recovery check-in: fleet-sync outage/);
  });

  it('lists the talking points', () => {
    const { view } = renderAcme();
    const items = within(section('Talking points'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(talkingPoints(view));
  });

  it('shows health with trend and drivers, and the alerts', () => {
    renderAcme();
    expect(screen.getByText('Down 6 points since Feb 3, from 57')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Pulling it down' })).getByText('NPS: 6 (detractor) on 2026-02-17')).toBeInTheDocument();
    const alerts = section('Risk signals');
    expect([...alerts.querySelectorAll('[data-signal-id]')].map((e) => e.getAttribute('data-signal-id'))).toEqual([
      'p1-p2-open',
      'nps-detractor',
      'usage-drop',
    ]);
  });

  it('lists open commitments overdue first, theirs and the sales promises, read-only', () => {
    renderAcme();
    const card = section('Open commitments');
    const items = (name: string) =>
      [...within(card).getByRole('list', { name }).querySelectorAll('[data-commitment-id]')].map((e) => [
        e.getAttribute('data-commitment-id'),
        e.getAttribute('data-kind'),
        e.getAttribute('data-status'),
      ]);
    expect(items('Ours')).toEqual([
      ['sample-acme-k7', 'commitment', 'overdue'],
      ['sample-acme-k5', 'commitment', 'open'],
    ]);
    expect(items('Theirs')).toEqual([['sample-acme-k6', 'commitment', 'open']]);
    expect(items('Sales promises')).toEqual([['sample-acme-k3', 'sales-promise', 'open']]);
    expect(within(card).getByText('Roadmap risk')).toBeInTheDocument();
    expect(within(card).queryByRole('button')).toBeNull();
  });

  it('names the key people and who went quiet, and a departed champion elsewhere', () => {
    const { unmount } = renderAcme();
    const people = section('People');
    for (const name of ['Dana Whitfield', 'Raj Patel', 'Nadia Brennan', 'Chloe Park'])
      expect(within(people).getByText(name)).toBeInTheDocument();
    expect(within(people).getByText(/^Quiet 28 days$/)).toBeInTheDocument();
    expect(within(people).queryByText('Ines Holloway')).toBeNull();
    unmount();
    renderWithClient(<Briefing view={sampleView('sample-globex')} />);
    const departed = screen.getByText('Oliver Grant').closest('li')!;
    expect(within(departed).getByText('Departed')).toBeInTheDocument();
  });

  it('shows goals with their status and the last few touches', () => {
    renderAcme();
    const goals = section('Goals');
    expect([...goals.querySelectorAll('[data-goal-status]')].map((g) => g.getAttribute('data-goal-status'))).toEqual([
      'partial',
      'off-track',
      'on-track',
    ]);
    expect(within(goals).getByText('Off track')).toBeInTheDocument();
    const touches = section('Recent touches');
    expect(within(touches).getAllByRole('listitem')).toHaveLength(4);
    expect(within(touches).getByText('Raj asked whether the renewal still makes sense if this repeats')).toBeInTheDocument();
  });

  it('links each part to its detail in the sidebar', () => {
    renderAcme();
    const link = screen.getByRole('link', { name: 'Details of commitments in the sidebar' });
    expect(link).toHaveAttribute('href', 'sidebar.html?account=sample-acme#commitments');
    expect(link).toHaveAttribute('target', '_blank');
    const sections = screen.getAllByRole('link', { name: /in the sidebar$/ }).map((a) => a.getAttribute('href')!.split('#')[1]);
    expect(sections).toEqual(['health', 'alerts', 'commitments', 'people', 'goals', 'touches']);
  });

  it('adds the renewal card once the renewal motion has started', () => {
    renderWithClient(<Briefing view={sampleView('sample-solstice')} />);
    expect(screen.getByText(/Renewal stage:/).parentElement).toHaveTextContent('Renewal stage: T-14 Confirm signature');
    expect(screen.getByRole('link', { name: 'Details of renewal in the sidebar' })).toBeInTheDocument();
  });
});

describe('first screen of the briefing', () => {
  it('answers what to know and do now: health, the top action with its first step, the most urgent risk, the next commitment', () => {
    const { container } = renderWithClient(<Briefing view={sampleView('sample-acme')} />);
    const head = container.querySelector<HTMLElement>('.briefing__head')!;
    expect(head.querySelector('[data-health-band]')).toHaveAttribute('data-health-band', 'red');
    expect(head.querySelector('[data-action-id]')).toHaveAttribute('data-action-id', 'save-play-escalate');
    expect(within(head).getByText('First step:').parentElement).toHaveTextContent(/^First step: Escalate/);
    expect(head.querySelector('[data-top-signal-id]')).toHaveAttribute('data-top-signal-id', 'p1-p2-open');
    expect(head.querySelector('[data-next-commitment-id]')).toHaveAttribute('data-next-commitment-id', 'sample-acme-k7');
    expect(within(head).getByRole('button', { name: '2 more actions' })).toHaveAttribute('aria-expanded', 'false');
  });
});
