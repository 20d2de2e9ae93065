/**
 * How a sync keeps pace: the next page is asked for while the current one is written, one pull in
 * flight at a time, and the rest of Glance hears of a run a few times, not once per page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GlanceDB, SettingRow } from '../../../lib/store/db';
import { createRunEvents, EVERY_MS } from '../../../lib/sync/run-events';
import { accountId, FakeCrm } from './fake-crm';
import { startSyncService } from './setup';

const open: GlanceDB[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe('pulling ahead', () => {
  it('asks for the next page before the current one is stored, never two pulls at once, and stores every page in order', async () => {
    const crm = new FakeCrm();
    for (let n = 1; n <= 5; n++) crm.company(n, `Company ${n}`);
    const log: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const s = startSyncService({
      connectors: {
        hubspot: () => {
          const connector = crm.connector();
          connector.pull = vi.fn(async (object, cursor) => {
            log.push(`pull ${object} ${cursor ?? 'start'}`);
            mostInFlight = Math.max(mostInFlight, ++inFlight);
            try {
              return await crm.pull(object, cursor);
            } finally {
              inFlight--;
            }
          });
          return connector;
        },
      },
    });
    open.push(s.db);
    // The cursor is stored with its page, in the page's transaction: that is when the page is written.
    const stored = (row: SettingRow) => {
      const cursor = (row.value as { cursors?: Record<string, string | null> }).cursors?.companies;
      if (row.key === 'sync.source.hubspot' && cursor) log.push(`stored companies ${cursor}`);
    };
    s.db.settings.hook('creating', (_key, row) => stored(row));
    s.db.settings.hook('updating', (changes, _key, row) => stored({ ...row, ...changes } as SettingRow));
    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    await s.connectHubSpot();

    expect(mostInFlight).toBe(1);
    const companies = log.filter((line) => line.includes('companies'));
    // Pages of two: page 2 is asked for before page 1 is stored, page 3 before page 2.
    const page2 = JSON.stringify({ since: 0, offset: 2 });
    const page3 = JSON.stringify({ since: 0, offset: 4 });
    expect(companies.indexOf(`pull companies ${page2}`)).toBeLessThan(companies.indexOf(`stored companies ${page2}`));
    expect(companies.indexOf(`pull companies ${page3}`)).toBeLessThan(companies.indexOf(`stored companies ${page3}`));
    expect(companies.filter((line) => line.startsWith('stored')).slice(0, 3)).toEqual([
      `stored companies ${page2}`,
      `stored companies ${page3}`,
      expect.stringMatching(/^stored companies \{"since":\d+,"offset":0\}$/),
    ]);
    expect(await s.db.accounts.count()).toBe(5);
  });
});

describe('what a run tells the rest of Glance', () => {
  const setup = (resumed = false) => {
    let now = 0;
    const broadcast = vi.fn();
    const keepAlive = vi.fn();
    const events = createRunEvents({ broadcast, nowMs: () => now, keepAlive, resumed });
    return { events, broadcast, keepAlive, advance: (ms: number) => (now += ms) };
  };

  it('pages within an object are told together, at most once every few seconds, and when the object is done', () => {
    const { events, broadcast, advance } = setup();
    for (let i = 0; i < 20; i++) {
      advance(50);
      events.page([accountId(i)], 0, false);
    }
    expect(broadcast).not.toHaveBeenCalled();
    advance(EVERY_MS);
    events.page([accountId(20)], 0, false);
    expect(broadcast).toHaveBeenCalledTimes(1);
    events.page([accountId(21)], 0, true);
    expect(broadcast).toHaveBeenCalledTimes(2);
    expect(broadcast.mock.calls.map(([event]) => event.topics)).toEqual([['sync'], ['sync']]);
  });

  it('the accounts the run touched are named once, when it ends, so their insights are worked out from complete records', () => {
    const { events, broadcast } = setup();
    events.page([accountId(1), accountId(2)], 0, true);
    events.page([accountId(2), accountId(3)], 0, true);
    broadcast.mockClear();
    events.end();
    expect(broadcast).toHaveBeenCalledTimes(1);
    expect(broadcast.mock.calls[0][0]).toMatchObject({ topics: ['records'], accountIds: [accountId(1), accountId(2), accountId(3)] });
  });

  it('a run resumed from an earlier worker names no account: what that worker wrote is checked too', () => {
    const { events, broadcast } = setup(true);
    events.page([accountId(1)], 0, true);
    broadcast.mockClear();
    events.end();
    expect(broadcast.mock.calls[0][0]).toMatchObject({ topics: ['records'], accountIds: undefined });
  });

  it('keeps the worker alive every few seconds without waiting for it', () => {
    const { events, keepAlive, advance } = setup();
    keepAlive.mockReturnValue(new Promise(() => undefined));
    for (let i = 0; i < 200; i++) {
      advance(50);
      events.page([], 0, false);
    }
    return Promise.resolve().then(() => expect(keepAlive).toHaveBeenCalledTimes(2));
  });
});
