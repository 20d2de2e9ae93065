import { describe, it, expect } from 'vitest';
import { scoreHealth } from '../../../lib/health';
import type { AccountData } from '../../../lib/model/bundle';
import { NOW, S, ago, data, meeting, mergeSettings, seatsScoring, ticket, usageWeeks } from './build';

const health = (d: AccountData) => scoreHealth(d, NOW, S);
const sub = (d: AccountData, id: string) =>
  health(d)
    .dimensions.flatMap((x) => x.subScores)
    .find((s) => s.id === id);
const value = (d: AccountData, id: string) => sub(d, id)?.value;

describe('health sub-scores', () => {
  it('maps login frequency', () => {
    expect(value(data({ account: { loginFrequency: 'daily' } }), 'login-frequency')).toBe(10);
    expect(value(data({ account: { loginFrequency: 'weekly' } }), 'login-frequency')).toBe(7);
    expect(value(data({ account: { loginFrequency: 'monthly' } }), 'login-frequency')).toBe(4);
    expect(sub(data({ account: { loginFrequency: 'rarely' } }), 'login-frequency')).toMatchObject({
      value: 1,
      dimension: 'adoption',
      label: 'Login frequency',
      detail: 'Login frequency: rarely',
    });
  });

  it('scores ratios x 10, clamped to 1..10, only when the denominator is positive', () => {
    expect(value(data({ account: { featuresPurchased: 10, featuresUsed: 4 } }), 'feature-breadth')).toBe(4);
    expect(value(data({ account: { featuresPurchased: 10, featuresUsed: 0 } }), 'feature-breadth')).toBe(1);
    expect(value(data({ account: { featuresPurchased: 0, featuresUsed: 3 } }), 'feature-breadth')).toBeUndefined();
    expect(value(data({ account: { featuresPurchased: 10 } }), 'feature-breadth')).toBeUndefined();
    expect(sub(data({ account: { licensedSeats: 100, activeSeats: 20 } }), 'seat-adoption')).toMatchObject({
      value: 2,
      detail: 'Seat adoption 20% of 100 licensed',
    });
    expect(value(data({ account: { licensedSeats: 100, activeSeats: 130 } }), 'seat-adoption')).toBe(10);
    expect(value(data({ account: { roi: { expected: 100, documented: 250 } } }), 'roi-realised')).toBe(10);
    expect(value(data({ account: { roi: { expected: 100, documented: 50 } } }), 'roi-realised')).toBe(5);
    expect(value(data({ account: { roi: { expected: 0, documented: 50 } } }), 'roi-realised')).toBeUndefined();
    expect(value(data({ account: { meetingAttendance: 0.75 } }), 'meeting-attendance')).toBe(7.5);
    expect(value(data({ account: { meetingAttendance: 0 } }), 'meeting-attendance')).toBe(1);
  });

  it('reads the activity trend from the last 7 days against the 7 before (10% either way)', () => {
    expect(value(data({ usage: usageWeeks(12, 10) }), 'activity-trend')).toBe(10);
    expect(value(data({ usage: usageWeeks(11, 10) }), 'activity-trend')).toBe(7);
    expect(value(data({ usage: usageWeeks(9, 10) }), 'activity-trend')).toBe(7);
    expect(value(data({ usage: usageWeeks(8, 10) }), 'activity-trend')).toBe(3);
    expect(value(data({ usage: usageWeeks(5, 0) }), 'activity-trend')).toBe(7);
    expect(value(data(), 'activity-trend')).toBeUndefined();
  });

  it('maps goals (their mean), milestone', () => {
    const goals = [
      { text: 'a', status: 'on-track' as const },
      { text: 'b', status: 'partial' as const },
      { text: 'c', status: 'off-track' as const },
    ];
    expect(value(data({ account: { goals } }), 'goal-progress')).toBeCloseTo(16 / 3);
    expect(value(data({ account: { goals: [] } }), 'goal-progress')).toBeUndefined();
    expect(value(data({ account: { milestone: 'completed' } }), 'milestone')).toBe(10);
    expect(value(data({ account: { milestone: 'in-progress' } }), 'milestone')).toBe(6);
    expect(value(data({ account: { milestone: 'not-started' } }), 'milestone')).toBe(2);
  });

  it('maps sponsor, response time and NPS (latest by date, not list position)', () => {
    expect(value(data({ account: { execSponsor: 'active' } }), 'exec-sponsor')).toBe(10);
    expect(value(data({ account: { execSponsor: 'passive' } }), 'exec-sponsor')).toBe(5);
    expect(value(data({ account: { execSponsor: 'none' } }), 'exec-sponsor')).toBe(1);
    expect(value(data({ account: { responseTimeHours: 24 } }), 'response-time')).toBe(10);
    expect(value(data({ account: { responseTimeHours: 25 } }), 'response-time')).toBe(6);
    expect(value(data({ account: { responseTimeHours: 72 } }), 'response-time')).toBe(6);
    expect(value(data({ account: { responseTimeHours: 73 } }), 'response-time')).toBe(2);
    const nps = (scores: [string, number][]) => data({ account: { nps: scores.map(([date, score]) => ({ date, score })) } });
    expect(value(nps([['2025-05-01', 9]]), 'nps')).toBe(10);
    expect(value(nps([['2025-05-01', 8]]), 'nps')).toBe(6);
    expect(value(nps([['2025-05-01', 7]]), 'nps')).toBe(6);
    expect(value(nps([['2025-05-01', 6]]), 'nps')).toBe(1);
    expect(
      value(
        nps([
          ['2025-05-01', 3],
          ['2025-01-01', 10],
        ]),
        'nps',
      ),
    ).toBe(1);
  });

  it('falls back to the share of past meetings attended; upcoming and unrecorded ones are ignored', () => {
    const d = data({ activities: [meeting(30, true), meeting(20, false), meeting(10, true), meeting(5), meeting(-3, false)] });
    expect(sub(d, 'meeting-attendance')!.detail).toBe('Meeting attendance: 2 of 3 past meetings attended');
    expect(value(d, 'meeting-attendance')).toBeCloseTo(20 / 3);
    const given = data({ account: { meetingAttendance: 1 }, activities: [meeting(5, false)] });
    expect(value(given, 'meeting-attendance')).toBe(10);
  });

  it('maps the commercial sub-scores', () => {
    expect(value(data({ account: { renewalProbability: 'high' } }), 'renewal-probability')).toBe(10);
    expect(value(data({ account: { renewalProbability: 'medium' } }), 'renewal-probability')).toBe(6);
    expect(value(data({ account: { renewalProbability: 'low' } }), 'renewal-probability')).toBe(2);
    expect(value(data({ account: { expansionConversation: true } }), 'expansion-conversation')).toBe(10);
    expect(value(data({ account: { expansionConversation: false } }), 'expansion-conversation')).toBe(5);
    expect(value(data({ account: { invoice: { status: 'current' } } }), 'invoices')).toBe(10);
    expect(value(data({ account: { invoice: { status: 'late', daysLate: 20 } } }), 'invoices')).toBe(5);
    expect(value(data({ account: { invoice: { status: 'disputed' } } }), 'invoices')).toBe(1);
  });
});

describe('support dimension', () => {
  const support = (d: AccountData) => health(d).dimensions.find((x) => x.id === 'support')!;

  it('has no data without tickets or an escalation date', () => {
    expect(support(data()).score).toBeNull();
  });

  it('scores open tickets 0 -> 10, 1-2 -> 7, 3+ -> 3', () => {
    expect(value(data({ tickets: [ticket({ status: 'closed' })] }), 'open-tickets')).toBe(10);
    expect(value(data({ tickets: [ticket(), ticket()] }), 'open-tickets')).toBe(7);
    expect(value(data({ tickets: [ticket(), ticket(), ticket()] }), 'open-tickets')).toBe(3);
    expect(support(data({ tickets: [ticket({ status: 'closed' })] })).score).toBe(100);
  });

  it('scores an escalation within 90 days 4, else 10', () => {
    expect(value(data({ account: { lastEscalationDate: ago(90) } }), 'escalation')).toBe(4);
    expect(value(data({ account: { lastEscalationDate: ago(91) } }), 'escalation')).toBe(10);
  });

  it('adds a sub-score of 2 while a P1 or P2 is open', () => {
    const d = data({ tickets: [ticket({ priority: 'P1' })] });
    expect(support(d).subScores.map((s) => s.value)).toEqual([7, 10, 2]);
    expect(health(d).openP1P2).toBe(true);
    expect(value(data({ tickets: [ticket({ priority: 'P2', status: 'closed' })] }), 'open-p1-p2')).toBeUndefined();
  });
});

describe('health score and band', () => {
  it.each([
    [80, 'green'],
    [79, 'yellow'],
    [60, 'yellow'],
    [59, 'red'],
  ])('scores %i as %s', (score, band) => {
    const h = health(data({ account: seatsScoring(score) }));
    expect(h.score).toBe(score);
    expect(h.band).toBe(band);
  });

  it('bands the rounded integer: 59.5 rounds to 60, yellow', () => {
    const h = health(data({ account: { licensedSeats: 1000, activeSeats: 595 } }));
    expect(h).toMatchObject({ score: 60, band: 'yellow' });
  });

  it('renormalises the weights over the dimensions with data and reports coverage', () => {
    const h = health(data({ account: { ...seatsScoring(50), renewalProbability: 'high' } }));
    // (30 x 50 + 10 x 100) / 40 = 62.5
    expect(h.score).toBe(63);
    expect(h.coverage).toEqual({ withData: 2, total: 5, text: 'based on 2 of 5 dimensions' });
    expect(h.dimensions.find((x) => x.id === 'adoption')!.effectiveWeight).toBe(75);
    expect(h.dimensions.find((x) => x.id === 'outcomes')!).toMatchObject({ score: null, effectiveWeight: 0 });
  });

  it('has no score at all without data, never a fake 0', () => {
    const h = health(data());
    expect(h).toMatchObject({ score: null, band: 'none', trend: null });
    expect(h.coverage.text).toBe('based on 0 of 5 dimensions');
  });

  it('follows configured band thresholds', () => {
    const h = scoreHealth(data({ account: seatsScoring(80) }), NOW, mergeSettings({ bands: { green: 85 } }));
    expect(h.band).toBe('yellow');
  });

  it('compares against the latest history point at or before 30 days ago', () => {
    const history = [
      { date: ago(40), score: 50 },
      { date: ago(31), score: 70 },
      { date: ago(20), score: 90 },
    ];
    const h = health(data({ account: { ...seatsScoring(80), healthHistory: history } }));
    expect(h.trend).toEqual({ previousDate: ago(31), previousScore: 70, delta: 10, direction: 'up' });
  });

  it('has no trend when no history point is near 30 days ago', () => {
    const history = [
      { date: ago(100), score: 50 },
      { date: ago(10), score: 60 },
    ];
    expect(health(data({ account: { ...seatsScoring(80), healthHistory: history } })).trend).toBeNull();
  });

  it('names the drivers up and down in plain words', () => {
    const h = health(data({ account: { licensedSeats: 100, activeSeats: 20, loginFrequency: 'daily', execSponsor: 'active' } }));
    expect(h.drivers.down.map((d) => d.text)).toEqual(['Seat adoption 20% of 100 licensed']);
    // The sponsor alone carries Relationship (40% after renormalising); login shares Adoption's 60% with seats.
    expect(h.drivers.up.map((d) => d.text)).toEqual(['Executive sponsor: active', 'Login frequency: daily']);
  });
});
