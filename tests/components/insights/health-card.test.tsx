import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HealthCard } from '@/components/insights/HealthCard';
import { emptyData, greenData, judge, redData } from './fixtures';

function renderHealth(data = greenData()) {
  const i = judge(data);
  const utils = render(<HealthCard health={i.health} weeklyLogins={i.weeklyLogins} scoreHistory={i.scoreHistory} />);
  return { ...utils, insights: i };
}

function healthDisplay(container: HTMLElement): HTMLElement {
  const all = container.querySelectorAll<HTMLElement>('[data-health-band]');
  expect(all).toHaveLength(1);
  return all[0];
}

describe('HealthCard', () => {
  it('shows a green score, its band, trend and coverage on one health display', () => {
    const { container } = renderHealth();
    const display = healthDisplay(container);
    expect(display).toHaveAttribute('data-health-band', 'green');
    expect(display).toHaveAttribute('data-health-score', '96');
    expect(display).toHaveTextContent('96');
    expect(display).toHaveTextContent('Healthy');
    expect(screen.getByText('▲ 8 since Oct 26')).toBeInTheDocument();
    expect(screen.getByText('Up 8 points since Oct 26, from 88')).toBeInTheDocument();
    expect(screen.getByText(/based on 4 of 5 dimensions; no data for Support/i)).toBeInTheDocument();
  });

  it('names what pulls a red score down and what holds it up', () => {
    const { container } = renderHealth(redData());
    const display = healthDisplay(container);
    expect(display).toHaveAttribute('data-health-band', 'red');
    expect(display).toHaveAttribute('data-health-score', '24');
    expect(display).toHaveTextContent('Critical');
    expect(screen.getByText('Down 32 points since Oct 26, from 56')).toBeInTheDocument();
    const down = screen.getByRole('list', { name: 'Pulling it down' });
    expect(within(down).getByText('Login frequency: rarely')).toBeInTheDocument();
    expect(within(down).getByText('Executive sponsor: none')).toBeInTheDocument();
    const up = screen.getByRole('list', { name: 'Holding it up' });
    expect(within(up).getByText('No escalation in the last 90 days')).toBeInTheDocument();
    expect(screen.getByText('An urgent support ticket (P1 or P2) is open: it pulls the support part down')).toBeInTheDocument();
  });

  it('reveals every dimension and sub-score behind the score in one click on "Why?"', async () => {
    const user = userEvent.setup();
    renderHealth();
    const why = screen.getByRole('button', { name: 'Why?' });
    expect(why).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Seat adoption 92% of 100 licensed')).not.toBeInTheDocument();
    await user.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    const dims = screen.getByRole('list', { name: 'Health dimensions' });
    const items = within(dims)
      .getAllByRole('listitem')
      .filter((li) => li.hasAttribute('data-dimension'));
    expect(items.map((li) => li.getAttribute('data-dimension'))).toEqual(['adoption', 'outcomes', 'relationship', 'support', 'commercial']);
    // Support has no data: its 15% is shared among the four others (30 / 85 = 35.3%).
    expect(items[0]).toHaveTextContent('weight 30%, counts 35.3%');
    expect(items[3]).toHaveTextContent('no data');
    expect(items[3]).toHaveTextContent('weight 15%, left out');
    const seats = items[0].querySelector('[data-sub-score="seat-adoption"]');
    expect(seats).toHaveTextContent('9.2/10 Seat adoption 92% of 100 licensed');
    expect(within(items[0]).getByText('Login frequency: daily')).toBeInTheDocument();
    await user.click(why);
    expect(screen.queryByRole('list', { name: 'Health dimensions' })).not.toBeInTheDocument();
  });

  it('describes both sparklines in words', () => {
    renderHealth(redData());
    expect(screen.getByRole('img', { name: 'Weekly logins over 12 weeks: from 420 to 180, down 57%' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Health score over 12 weeks: from 70 to 24, down 46 points' })).toBeInTheDocument();
  });

  it('shows no number for an account without data and says what is missing', () => {
    const { container } = renderHealth(emptyData());
    const display = healthDisplay(container);
    expect(display).toHaveAttribute('data-health-band', 'none');
    expect(display).not.toHaveAttribute('data-health-score');
    expect(display).toHaveTextContent(/^No health data$/);
    const missing = screen.getByRole('list', { name: 'Data that would score this account' });
    expect(within(missing).getAllByRole('listitem')).toHaveLength(5);
    expect(within(missing).getByText(/Support: tickets or escalations/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Why?' })).not.toBeInTheDocument();
  });
});
