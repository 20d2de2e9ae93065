import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_PER_KEY_UP_TO, rowsWithAnyKey } from '../../../lib/store/any-key';
import { GlanceDB } from '../../../lib/store/db';
import { withAccountKeys } from '../../../lib/store/keys';

let n = 0;
let db: GlanceDB;
beforeEach(async () => {
  db = new GlanceDB(`glance-any-key-${++n}`);
  await db.accounts.bulkPut(
    [
      { id: 'acc-c', name: 'C', domains: ['c.com', 'shared.com'] },
      { id: 'acc-a', name: 'A', domains: ['a.com', 'shared.com'] },
      { id: 'acc-b', name: 'B', domains: ['b.com'] },
      ...Array.from({ length: 12 }, (_, i) => ({ id: `acc-x${String(i).padStart(2, '0')}`, name: `X${i}`, domains: [`x${i}.com`] })),
    ].map(withAccountKeys),
  );
});
afterEach(() => db.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('rowsWithAnyKey: rows whose index holds any of the keys', () => {
  it('finds nothing for no keys and for keys nobody has', async () => {
    expect(await rowsWithAnyKey(db.accounts, '_domains', [])).toEqual([]);
    expect(await rowsWithAnyKey(db.accounts, '_domains', ['nobody.com'])).toEqual([]);
  });

  it('gives rows by key, then by primary key, each row once even when it holds two of the keys', async () => {
    expect(ids(await rowsWithAnyKey(db.accounts, '_domains', ['shared.com', 'b.com', 'c.com', 'a.com']))).toEqual([
      'acc-a',
      'acc-b',
      'acc-c',
    ]);
    expect(ids(await rowsWithAnyKey(db.accounts, '_domains', ['shared.com']))).toEqual(['acc-a', 'acc-c']);
  });

  it('answers many keys (one cursor) as it answers a few (one request each), repeated keys once', async () => {
    const many = [...Array.from({ length: 12 }, (_, i) => `x${i}.com`), 'shared.com', 'shared.com'];
    expect(many.length).toBeGreaterThan(REQUEST_PER_KEY_UP_TO);
    const viaCursor = ids(await rowsWithAnyKey(db.accounts, '_domains', many));
    const viaRequests: string[] = [];
    for (let i = 0; i < many.length; i += REQUEST_PER_KEY_UP_TO)
      viaRequests.push(...ids(await rowsWithAnyKey(db.accounts, '_domains', many.slice(i, i + REQUEST_PER_KEY_UP_TO))));
    expect(new Set(viaCursor)).toEqual(new Set(viaRequests));
    expect(viaCursor).toHaveLength(14);
    expect(viaCursor.slice(0, 2)).toEqual(['acc-a', 'acc-c']);
  });
});
