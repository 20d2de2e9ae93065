/**
 * How a sync keeps pace: the next pages are asked for while one is written, one pull in flight at a
 * time and a few pages ahead at most, pages already there are written together, and the rest of
 * Glance hears of a run a few times, not once per page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GlanceDB, SettingRow } from '../../../lib/store/db';
import { createRunEvents, EVERY_MS } from '../../../lib/sync/run-events';
import { accountId, FakeCrm } from './fake-crm';
import { startSyncService } from './setup';
import { PAGES_PER_WRITE, READ_AHEAD_PAGES } from '../../../lib/sync/read-ahead';

const open: GlanceDB[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe('pulling ahead', () => {
  it('asks for the next pages while one is stored, one pull at a time and a few pages ahead at most, and stores every page in order', async () => {
    const crm = new FakeCrm();
    // Five pages of two companies.
    for (let n = 1; n <= 9; n++) crm.company(n, `Company ${n}`);
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
    // The cursor is stored with its pages, in their transaction: that is when they are written.
    let last: string | undefined;
    const stored = (row: SettingRow) => {
      const cursor = (row.value as { cursors?: Record<string, string | null> }).cursors?.companies;
      if (row.key === 'sync.source.hubspot' && cursor && cursor !== last) log.push(`stored companies ${(last = cursor)}`);
    };
    s.db.settings.hook('creating', (_key, row) => stored(row));
    s.db.settings.hook('updating', (changes, _key, row) => stored({ ...row, ...changes } as SettingRow));
    await s.run('sync.configure', { source: 'hubspot', herBook: false });
    await s.connectHubSpot();

    expect(mostInFlight).toBe(1);
    expect(await s.db.accounts.count()).toBe(9);
    const companies = log.filter((line) => line.includes('companies'));
    const pulled = companies.filter((line) => line.startsWith('pull')).map((line) => line.slice('pull companies '.length));
    expect(pulled).toEqual(['start', 2, 4, 6, 8].map((offset) => (offset === 'start' ? offset : JSON.stringify({ since: 0, offset }))));
    // The cursor after page k is the one page k + 1 is pulled with; after the last page (index 4), the next window's.
    const pageOf = (line: string) => {
      const cursor = line.slice('stored companies '.length);
      return pulled.includes(cursor) ? pulled.indexOf(cursor) - 1 : JSON.parse(cursor).offset === 0 ? 4 : NaN;
    };
    const storedAt = companies.filter((line) => line.startsWith('stored')).map(pageOf);
    // Every page stored, in order, the last one's cursor last; never more than PAGES_PER_WRITE pages in one write.
    expect(storedAt.at(-1)).toBe(4);
    const steps = storedAt.map((at, i) => at - (i ? storedAt[i - 1] : -1));
    for (const step of steps) expect(step).toBeGreaterThanOrEqual(1);
    for (const step of steps) expect(step).toBeLessThanOrEqual(PAGES_PER_WRITE);
    // The store was the slower one here (pulls answer at once): pages that were there were written together.
    expect(steps).toContain(PAGES_PER_WRITE);
    // The third page was asked for before the first was stored; a pull goes out only with room for it: fewer than
    // READ_AHEAD_PAGES pages held ahead, besides the ones being written.
    expect(companies.indexOf(`pull companies ${pulled[2]}`)).toBeLessThan(companies.findIndex((line) => line.startsWith('stored')));
    let storedPages = 0;
    let pulls = 0;
    for (const line of companies) {
      if (line.startsWith('stored')) storedPages = pageOf(line) + 1;
      else {
        expect(pulls - storedPages).toBeLessThan(READ_AHEAD_PAGES + PAGES_PER_WRITE);
        pulls++;
      }
    }
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
