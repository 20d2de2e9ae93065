import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../../lib/insights';
import { NOW, S, data } from './build';

describe('next best action for an account with thin data', () => {
  it('says ARR and tier are missing and where they would come from, instead of a cadence for an unknown tier', () => {
    const thin = data({ account: { id: 'acc-thin', name: 'Acme' }, activities: [] });
    const { top, ranked } = computeInsights(thin, NOW, S).actions;
    expect(ranked.map((a) => a.id)).toEqual(['keep-cadence']);
    expect(top?.title).toBe('Add ARR or a tier');
    expect(top?.reason).toBe('No ARR or tier yet: add them in a CSV with ARR, or connect HubSpot/Salesforce; no touch on record');
    expect(top?.reason).not.toMatch(/tier unknown|Keep the cadence/);
  });

  it('keeps the cadence once ARR gives the tier', () => {
    const known = data({ account: { id: 'acc-known', name: 'Acme', arr: 10_000 }, activities: [] });
    expect(computeInsights(known, NOW, S).actions.top).toMatchObject({
      title: 'Keep the cadence',
      reason: 'SMB: digital touch, quarterly check-in; no touch on record',
    });
  });
});
