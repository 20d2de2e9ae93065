import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ActionsCard } from '@/components/insights/ActionsCard';
import { greenData, judge, NOW, redData } from './fixtures';

const DAY = 86_400_000;

function renderActions(insights = judge(redData())) {
  const onSnooze = vi.fn();
  const onRestore = vi.fn();
  const utils = render(
    <ActionsCard accountId={insights.accountId} actions={insights.actions} now={NOW} onSnooze={onSnooze} onRestore={onRestore} />,
  );
  return { ...utils, onSnooze, onRestore, insights };
}

const shownIds = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-action-id]')].map((el) => el.getAttribute('data-action-id'));

describe('ActionsCard', () => {
  it('shows the top action and two more, in ranked order, each with its reason', () => {
    const { container, insights } = renderActions();
    expect(shownIds(container)).toEqual(['champion-departure', 'save-play-escalate', 'overdue-commitment']);
    const items = container.querySelectorAll<HTMLElement>('[data-action-id]');
    expect(items[0]).toHaveTextContent('Next best action');
    expect(within(items[0]).getByText('Run the champion departure protocol')).toBeInTheDocument();
    expect(within(items[0]).getByText(insights.actions.top!.reason)).toBeInTheDocument();
    expect(within(items[2]).getByText('Follow up now: Send the SSO setup guide')).toBeInTheDocument();
  });

  it("shows the top action's first step at once and the rest of the playbook behind a disclosure", async () => {
    const user = userEvent.setup();
    const { insights } = renderActions();
    const [firstStep, secondStep] = insights.actions.top!.steps;
    const top = document.querySelector<HTMLElement>('[data-action-id="champion-departure"]')!;
    expect(within(top).getByText('First step:').parentElement).toHaveTextContent(`First step: ${firstStep}`);
    const toggle = within(top).getByRole('button', { name: 'All steps' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(secondStep)).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(secondStep)).toBeInTheDocument();
  });

  it('dismisses without an end, and snoozes for exactly 1 day or 1 week from now', async () => {
    const user = userEvent.setup();
    const { onSnooze } = renderActions();
    await user.click(screen.getByRole('button', { name: 'Dismiss', description: 'Run the champion departure protocol' }));
    expect(onSnooze).toHaveBeenLastCalledWith('champion-departure');
    expect(screen.getByRole('status')).toHaveTextContent('Dismissed Run the champion departure protocol');

    await user.click(screen.getByRole('button', { name: 'Snooze 1 day', description: 'Escalate: run the save play' }));
    expect(onSnooze).toHaveBeenLastCalledWith('save-play-escalate', new Date(NOW.getTime() + DAY).toISOString());

    await user.click(screen.getByRole('button', { name: 'Snooze 1 week', description: 'Follow up now: Send the SSO setup guide' }));
    expect(onSnooze).toHaveBeenLastCalledWith('overdue-commitment', new Date(NOW.getTime() + 7 * DAY).toISOString());
    expect(onSnooze).toHaveBeenCalledTimes(3);
  });

  it('lists dismissed and snoozed actions collapsed, and restores one', async () => {
    const user = userEvent.setup();
    const until = new Date(NOW.getTime() + 3 * DAY).toISOString();
    const insights = judge(redData(), { 'champion-departure': {}, 'save-play-escalate': { until } });
    const { container, onRestore } = renderActions(insights);
    expect(shownIds(container)).toEqual(['overdue-commitment', 'renewal-at-risk', 'renewal-stage']);

    const toggle = screen.getByRole('button', { name: /Dismissed or snoozed \(2\)/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: /^Restore/ })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(screen.getByText('Dismissed')).toBeInTheDocument();
    expect(screen.getByText('Snoozed until Nov 28')).toBeInTheDocument();
    // Hidden actions are not next best actions: only the ranked ones carry data-action-id.
    expect(shownIds(container)).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Restore', description: 'Escalate: run the save play' }));
    expect(onRestore).toHaveBeenCalledWith('save-play-escalate');
  });

  it('names every control apart from the item: its title is the description, never part of the name', () => {
    renderActions();
    const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names.filter((n) => /save|due|promise|owner/i.test(n ?? ''))).toEqual([]);
    const save = screen.getAllByRole('button', { description: 'Escalate: run the save play' });
    expect(save.map((b) => b.getAttribute('aria-label') ?? b.textContent?.replace(/[▸▾]/g, ''))).toEqual([
      'Steps',
      'Dismiss',
      'Snooze 1 day',
      'Snooze 1 week',
    ]);
  });

  it('shows a single action when that is all the playbook suggests, and no hidden section', () => {
    const { container } = renderActions(judge(greenData()));
    expect(shownIds(container)).toEqual(['expansion-ready']);
    expect(screen.queryByRole('button', { name: /Dismissed or snoozed/ })).not.toBeInTheDocument();
  });

  it('says so when every action is hidden', () => {
    renderActions(judge(greenData(), { 'expansion-ready': {} }));
    expect(screen.getByText('No suggested actions right now')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dismissed or snoozed (1)' })).toBeInTheDocument();
  });
});
