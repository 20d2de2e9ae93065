import { describe, it, expect } from 'vitest';
import type { AccountData } from '../../../lib/model/bundle';
import { renewalStatus } from '../../../lib/renewal';
import { NOW, S, activity, ago, ahead, data } from './build';

const status = (d: AccountData) => renewalStatus(d, NOW, S);
const stageAt = (days: number) => status(data({ account: { renewalDate: ahead(days) } }))?.stage?.id ?? null;

describe('renewal stages', () => {
  it('has no status without a renewal date', () => {
    expect(status(data())).toBeNull();
  });

  it.each([
    [121, null],
    [120.5, null],
    [120, 'T-120'],
    [91, 'T-120'],
    [90, 'T-90'],
    [61, 'T-90'],
    [60, 'T-60'],
    [30, 'T-30'],
    [29, 'T-30'],
    [14, 'T-14'],
    [1, 'T-14'],
    [0, 'T-0'],
    [-5, 'T-0'],
  ])('%d days to go is stage %s', (days, stage) => {
    expect(stageAt(days)).toBe(stage);
  });

  it('is T-0 on the renewal day itself (date-only value, now at midday)', () => {
    const s = status(data({ account: { renewalDate: '2025-06-15' } }))!;
    expect(s).toMatchObject({ daysToGo: 0, withinStageWindow: false });
    expect(s.stage?.id).toBe('T-0');
  });

  it('reports calendar days to go and the stage checklist', () => {
    const s = status(data({ account: { renewalDate: '2025-08-14' } }))!;
    expect(s.daysToGo).toBe(60);
    expect(s.stage?.id).toBe('T-60');
    expect(s.stage?.checklist).toContain('Send the formal renewal notice to the economic buyer');
  });

  it('90-day rule: breached within 90 days when no renewal conversation is on record', () => {
    const d = data({ account: { renewalDate: ahead(80) } });
    expect(status(d)!.ninetyDayRule).toMatchObject({ inWindow: true, conversationRecorded: false, breached: true });
  });

  it('90-day rule: a past activity mentioning renewal counts; one from the previous term or the future does not', () => {
    const withTalk = data({
      account: { renewalDate: ahead(80) },
      activities: [activity({ type: 'call', date: ago(10), summary: 'Discussed the Renewal timeline with Raj' })],
    });
    expect(status(withTalk)!.ninetyDayRule.breached).toBe(false);
    const stale = data({
      account: { renewalDate: ahead(80) },
      activities: [
        activity({ date: ago(300), summary: 'Renewed last year' }),
        activity({ type: 'meeting', date: ahead(5), summary: 'Renewal kickoff' }),
      ],
    });
    expect(status(stale)!.ninetyDayRule.breached).toBe(true);
  });

  it('90-day rule does not apply further out than 90 days', () => {
    expect(status(data({ account: { renewalDate: ahead(91) } }))!.ninetyDayRule).toMatchObject({ inWindow: false, breached: false });
  });
});
