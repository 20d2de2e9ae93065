import { render, screen, within } from '@testing-library/react';
import { AlertsCard } from '@/components/insights/AlertsCard';
import { CuesCard } from '@/components/insights/CuesCard';
import { ExpansionCard } from '@/components/insights/ExpansionCard';
import { RenewalCard } from '@/components/insights/RenewalCard';
import { Sparkline } from '@/components/insights/Sparkline';
import { findCues } from '@/lib/cues';
import { emptyData, greenData, judge, redData } from './fixtures';

describe('AlertsCard', () => {
  it('shows each signal with its level in words, highest first', () => {
    const { container } = render(<AlertsCard signals={judge(redData()).signals} />);
    const items = [...container.querySelectorAll<HTMLElement>('[data-signal-id]')];
    expect(items.map((li) => li.getAttribute('data-signal-id'))).toEqual([
      'champion-departure',
      'p1-p2-open',
      'nps-drop',
      'nps-detractor',
      'usage-drop',
      'late-invoice',
    ]);
    // Urgency in words, never colour names: health bands already say Healthy / At risk / Critical.
    expect(items[0]).toHaveTextContent(/^. ?Escalate: Champion departed/);
    expect(within(items[1]).getByText('Critical')).toBeInTheDocument();
    expect(within(items[2]).getByText('Serious')).toBeInTheDocument();
    expect(within(items[4]).getByText('Watch')).toBeInTheDocument();
    expect(within(items[4]).getByText('Usage drop')).toBeInTheDocument();
    expect(within(items[0]).getByText(/Sam Ortiz/)).toBeInTheDocument();
  });

  it('says there are none', () => {
    render(<AlertsCard signals={judge(greenData()).signals} />);
    expect(screen.getByText('No risk signals')).toBeInTheDocument();
  });
});

describe('RenewalCard', () => {
  it('shows the stage, days to go, date, checklist and the breached 90-day rule', () => {
    render(<RenewalCard renewal={judge(redData()).renewal} />);
    expect(screen.getByText('Renewal in 45 days')).toBeInTheDocument();
    expect(screen.getByText('Jan 9, 2026')).toBeInTheDocument();
    expect(screen.getByText('T-60')).toBeInTheDocument();
    expect(screen.getByText(/Formal renewal notice/)).toBeInTheDocument();
    const checklist = screen.getByRole('list', { name: 'T-60 checklist' });
    expect(
      within(checklist)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['☐ Send the formal renewal notice to the economic buyer', '☐ Share the ROI summary', '☐ Present the options']);
    expect(screen.getByText(/90-day rule:/).closest('p')).toHaveTextContent('Renewal in 45 days and no renewal conversation on record');
  });

  it('gives no stage and no warning for a renewal far out', () => {
    render(<RenewalCard renewal={judge(greenData()).renewal} />);
    expect(screen.getByText('Renewal in 200 days')).toBeInTheDocument();
    expect(screen.getByText(/no renewal stage yet/)).toBeInTheDocument();
    expect(screen.queryByText(/90-day rule:/)).not.toBeInTheDocument();
  });

  it('says when there is no renewal date', () => {
    render(<RenewalCard renewal={judge(emptyData()).renewal} />);
    expect(screen.getByText('No renewal date on record')).toBeInTheDocument();
  });
});

describe('ExpansionCard', () => {
  const conditionsOf = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-condition-id]')];

  it('is ready when all four conditions are met', () => {
    const { container } = render(<ExpansionCard expansion={judge(greenData()).expansion} />);
    expect(screen.getByText('Ready to expand')).toBeInTheDocument();
    const items = conditionsOf(container);
    expect(items).toHaveLength(4);
    for (const li of items) expect(within(li).getByText('Met')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('92 of 100 seats active (92%)');
  });

  it('names each unmet condition and why', () => {
    const { container } = render(<ExpansionCard expansion={judge(redData()).expansion} />);
    expect(screen.getByText('Not ready to expand: 0 of 4 conditions met')).toBeInTheDocument();
    const items = conditionsOf(container);
    expect(items.map((li) => li.getAttribute('data-condition-id'))).toEqual([
      'roi-documented',
      'seat-utilisation',
      'green-streak',
      'desire-or-trigger',
    ]);
    for (const li of items) expect(within(li).getByText('Not met')).toBeInTheDocument();
    expect(within(items[2]).getByText('Health is red now')).toBeInTheDocument();
  });
});

describe('CuesCard', () => {
  it('quotes each phrase with its reading and context, as text', () => {
    const text = 'Hi team, <b>honestly</b> we are evaluating our tech stack this quarter. Also, Friday is my last day here.';
    const { container } = render(<CuesCard cues={findCues(text)} />);
    const items = [...container.querySelectorAll<HTMLElement>('[data-cue-category]')];
    expect(items.map((li) => li.getAttribute('data-cue-category'))).toEqual(['competitive-evaluation', 'champion-departure']);
    expect(within(items[0]).getByText('“evaluating our tech stack”')).toBeInTheDocument();
    expect(within(items[0]).getByText('competitive evaluation: churn risk')).toBeInTheDocument();
    expect(within(items[1]).getByText('champion departure')).toBeInTheDocument();
    expect(container.querySelector('mark')).toHaveTextContent('evaluating our tech stack');
    // Email text stays text: the markup in it is shown, never parsed.
    expect(container.querySelector('b')).toBeNull();
    expect(items[0]).toHaveTextContent('<b>honestly</b>');
  });

  it('renders nothing when the email has no cues', () => {
    const { container } = render(<CuesCard cues={findCues('Thanks, see you Tuesday.')} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('Sparkline', () => {
  it('is one image named by its label, with a line through every point', () => {
    const { container } = render(<Sparkline values={[1, 5, 3]} label="Three points" />);
    const img = screen.getByRole('img', { name: 'Three points' });
    expect(img.tagName.toLowerCase()).toBe('svg');
    expect(container.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(3);
  });

  it('draws a lone point without a line', () => {
    const { container } = render(<Sparkline values={[50]} label="One point" />);
    expect(container.querySelector('polyline')).toBeNull();
    expect(container.querySelector('circle')).not.toBeNull();
  });
});
