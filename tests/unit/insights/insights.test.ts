import { describe, it, expect } from 'vitest';
import { computeInsights } from '../../../lib/insights';
import { NOW, S, activity, ago, champion, commitment, data, dayAgo, ticket } from './build';

const rich = data({
  account: {
    arr: 150_000,
    renewalDate: dayAgo(-70),
    licensedSeats: 100,
    activeSeats: 45,
    loginFrequency: 'weekly',
    nps: [{ date: dayAgo(20), score: 6 }],
    healthHistory: [
      { date: dayAgo(120), score: 70 },
      { date: dayAgo(35), score: 72 },
      { date: dayAgo(7), score: 64 },
    ],
  },
  contacts: [champion({ lastResponseAt: ago(15) })],
  usage: Array.from({ length: 100 }, (_, i) => ({ accountId: 'acc-1', date: ago(i + 0.5), logins: 1 })),
  tickets: [ticket()],
  commitments: [commitment({ dueDate: dayAgo(2) })],
  activities: [activity()],
});

describe('computeInsights', () => {
  const ins = computeInsights(rich, NOW, S);

  it('is plain JSON: it survives a message round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(ins))).toEqual(ins);
    expect(ins.asOf).toBe(NOW.toISOString());
  });

  it('brings tier, health, signals, renewal, expansion and actions together', () => {
    expect(ins.tier.tier).toBe('enterprise');
    expect(ins.health.band).not.toBe('none');
    expect(ins.health.trend?.previousScore).toBe(72);
    expect(ins.signals.map((s) => s.id)).toEqual(['nps-detractor', 'champion-dark']);
    expect(ins.renewal?.stage?.id).toBe('T-90');
    expect(ins.expansion.ready).toBe(false);
    expect(ins.actions.top?.id).toBe('save-play-escalate');
    expect(ins.overdueCommitmentIds).toHaveLength(1);
  });

  it('gives 12 weekly login sums, oldest first, ending with the 7 days up to now', () => {
    expect(ins.weeklyLogins).toHaveLength(12);
    expect(ins.weeklyLogins.every((w) => w.logins === 7)).toBe(true);
    expect(ins.weeklyLogins[11].to).toBe(NOW.toISOString());
    expect(ins.weeklyLogins[0].from).toBe(ago(84));
  });

  it('gives the health history of the last 12 weeks, oldest first', () => {
    expect(ins.scoreHistory.map((p) => p.score)).toEqual([72, 64]);
  });

  it('handles an account with no data at all', () => {
    const empty = computeInsights(data(), NOW, S);
    expect(empty.health).toMatchObject({ score: null, band: 'none' });
    expect(empty.renewal).toBeNull();
    expect(empty.actions.ranked.map((a) => a.id)).toEqual(['keep-cadence']);
    expect(empty.actions.top?.reason).toContain('no touch on record');
  });
});
