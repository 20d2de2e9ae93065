import { describe, it, expect } from 'vitest';
import { expansionReadiness } from '../../../lib/expansion';
import type { HealthBand } from '../../../lib/health';
import type { Account } from '../../../lib/model/bundle';
import { NOW, S, ago, data } from './build';

const READY: Partial<Account> = {
  roi: { expected: 100_000, documented: 40_000 },
  licensedSeats: 100,
  activeSeats: 80,
  healthHistory: [
    { date: ago(100), score: 50 },
    { date: ago(60), score: 85 },
    { date: ago(30), score: 90 },
    { date: ago(2), score: 88 },
  ],
  expansionConversation: true,
};

const check = (over: Partial<Account>, band: HealthBand = 'green') =>
  expansionReadiness(data({ account: { ...READY, ...over } }), NOW, band, S);
const met = (over: Partial<Account>, id: string, band: HealthBand = 'green') => check(over, band).conditions.find((c) => c.id === id)!.met;

describe('expansion readiness', () => {
  it('is ready when all four conditions hold', () => {
    const r = check({});
    expect(r.ready).toBe(true);
    expect(r.conditions.map((c) => c.reason)).toEqual([
      'ROI documented: $40,000',
      '80 of 100 seats active (80%)',
      'Health green for 60 days',
      'Expansion conversation active',
    ]);
  });

  it('ROI documented means roi.documented > 0', () => {
    expect(met({ roi: { expected: 100, documented: 0 } }, 'roi-documented')).toBe(false);
    expect(met({ roi: undefined }, 'roi-documented')).toBe(false);
    expect(check({ roi: undefined }).ready).toBe(false);
  });

  it('seat utilisation >= 80%: 80 exactly holds, 79 does not', () => {
    expect(met({ activeSeats: 79 }, 'seat-utilisation')).toBe(false);
    expect(met({ licensedSeats: undefined }, 'seat-utilisation')).toBe(false);
  });

  it('green for 60+ days: the history ends in an unbroken green run 60+ days old, and the band is green now', () => {
    expect(met({}, 'green-streak', 'yellow')).toBe(false);
    expect(met({}, 'green-streak', 'none')).toBe(false);
    const broken = [
      { date: ago(90), score: 85 },
      { date: ago(40), score: 70 },
      { date: ago(10), score: 90 },
    ];
    expect(met({ healthHistory: broken }, 'green-streak')).toBe(false);
    const short = [
      { date: ago(59), score: 85 },
      { date: ago(1), score: 95 },
    ];
    expect(met({ healthHistory: short }, 'green-streak')).toBe(false);
    // By date, not list position.
    const shuffled = [
      { date: ago(1), score: 95 },
      { date: ago(61), score: 80 },
      { date: ago(120), score: 40 },
    ];
    expect(met({ healthHistory: shuffled }, 'green-streak')).toBe(true);
    expect(met({ healthHistory: [] }, 'green-streak')).toBe(false);
  });

  it('desire or a trigger event (new team, market, initiative) in the last 180 days', () => {
    expect(met({ expansionConversation: false }, 'desire-or-trigger')).toBe(false);
    const ev = (type: 'new-team' | 'new-market' | 'new-initiative' | 'merger', days: number) => ({
      expansionConversation: undefined,
      events: [{ date: ago(days), type }],
    });
    expect(met(ev('new-team', 180), 'desire-or-trigger')).toBe(true);
    expect(met(ev('new-market', 10), 'desire-or-trigger')).toBe(true);
    expect(met(ev('new-initiative', 10), 'desire-or-trigger')).toBe(true);
    expect(met(ev('new-team', 181), 'desire-or-trigger')).toBe(false);
    expect(met(ev('merger', 10), 'desire-or-trigger')).toBe(false);
  });
});
