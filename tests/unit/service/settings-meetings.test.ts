import { afterEach, describe, expect, it } from 'vitest';
import { changeEvent } from '../../../lib/messages/server';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { startService } from './harness';

let service: ReturnType<typeof startService>;
afterEach(() => service?.db.close());

describe('settings', () => {
  it('refuses weights that do not sum to 100, naming them, and keeps the saved settings', async () => {
    service = startService();
    const { run, broadcast } = service;
    await expect(run('settings.save', { settings: { weights: { adoption: 50 } } })).rejects.toThrow(
      'Settings not saved: weights: dimension weights must sum to 100 (they sum to 120)',
    );
    await expect(run('settings.save', { settings: { weights: { support: -5, commercial: 30 } } })).rejects.toThrow(/weights\.support: /);
    expect(await run('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('saves a partial change merged with the defaults and tells open pages', async () => {
    service = startService();
    const { run, broadcast } = service;
    const saved = await run('settings.save', { settings: { bands: { green: 85, yellow: 65 } } });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, bands: { green: 85, yellow: 65 } });
    expect(await run('settings.get', {})).toEqual(saved);
    expect(broadcast).toHaveBeenCalledExactlyOnceWith(changeEvent(['settings']));
  });

  it('falls back to the defaults when the stored value no longer validates', async () => {
    service = startService();
    await service.db.settings.put({ key: 'playbook', value: { weights: { adoption: 99 } } });
    expect(await service.run('settings.get', {})).toEqual(DEFAULT_SETTINGS);
  });
});

describe('meetings.upcoming', () => {
  async function withMeetings() {
    service = startService();
    await service.importRecords('book.json', {
      accounts: [
        { id: 'acc-a', name: 'Alpha' },
        { id: 'acc-b', name: 'Beta' },
      ],
      activities: [
        { id: 'past', accountId: 'acc-a', type: 'meeting', date: '2026-11-04T15:00:00Z' },
        { id: 'this-afternoon', accountId: 'acc-a', type: 'meeting', date: '2026-11-05T15:00:00Z', summary: 'Renewal call' },
        // 08:00 in New York is 13:00 UTC: three hours from now.
        { id: 'new-york-morning', accountId: 'acc-b', type: 'meeting', date: '2026-11-05T08:00:00-05:00' },
        { id: 'next-week', accountId: 'acc-b', type: 'meeting', date: '2026-11-12' },
        { id: 'in-three-weeks', accountId: 'acc-a', type: 'meeting', date: '2026-11-25T09:00:00Z' },
        { id: 'a-call', accountId: 'acc-a', type: 'call', date: '2026-11-06T09:00:00Z' },
        { id: 'orphan', accountId: 'acc-gone', type: 'meeting', date: '2026-11-06T09:00:00Z' },
      ],
    });
    return service;
  }

  it('lists meetings of stored accounts in the next 14 days, soonest first, with the account name', async () => {
    const { run } = await withMeetings();
    expect(await run('meetings.upcoming', {})).toEqual([
      { activityId: 'new-york-morning', accountId: 'acc-b', accountName: 'Beta', date: '2026-11-05T08:00:00-05:00', summary: undefined },
      { activityId: 'this-afternoon', accountId: 'acc-a', accountName: 'Alpha', date: '2026-11-05T15:00:00Z', summary: 'Renewal call' },
      { activityId: 'next-week', accountId: 'acc-b', accountName: 'Beta', date: '2026-11-12', summary: undefined },
    ]);
  });

  it('looks as far ahead as asked', async () => {
    const { run } = await withMeetings();
    expect((await run('meetings.upcoming', { withinDays: 1 })).map((m) => m.activityId)).toEqual(['new-york-morning', 'this-afternoon']);
    expect((await run('meetings.upcoming', { withinDays: 30 })).map((m) => m.activityId)).toEqual([
      'new-york-morning',
      'this-afternoon',
      'next-week',
      'in-three-weeks',
    ]);
  });
});
