import { afterEach, describe, expect, it } from 'vitest';
import { ImportStaging } from '../../../lib/service/import-staging';
import { GlanceDB } from '../../../lib/store/db';

const INTERRUPTED = 'This import was interrupted (Glance restarted in the meantime). Nothing was changed: please import the file again.';
const account = (id: string) => ({ id, name: `Account ${id}` });
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes));

let n = 0;
let db: GlanceDB;
afterEach(() => db?.close());
function open() {
  db = new GlanceDB(`glance-staging-${++n}`);
  return new ImportStaging(db);
}
const stagedIds = async (importId: string) =>
  (await db.importStaged.where('importId').equals(importId).toArray()).flatMap((c) =>
    c.records.map((r) => `${c.type}:${(r as { id: string }).id}`),
  );

describe('ImportStaging', () => {
  it('stages the valid records of every chunk in IndexedDB, outside the book, and counts the refused ones', async () => {
    const staging = open();
    const id = await staging.begin('book.json', '2026-10-01T00:00:00.000Z', at(0));
    expect(await staging.add(id, 'accounts', 0, [account('a'), account('b')], at(1))).toEqual({ accepted: 2, rejected: [] });
    const second = await staging.add(id, 'accounts', 2, [account('c'), { id: 'd' }], at(1));
    expect(second.accepted).toBe(1);
    // The path counts from the chunk's offset in the file, not from the chunk.
    expect(second.rejected).toEqual([{ path: 'accounts[3]', id: 'd', reason: 'name: required (expected a string)' }]);
    await staging.add(id, 'contacts', 0, [{ id: 'c1', accountId: 'a', name: 'Ann', email: 'ann@a.io' }], at(2));

    expect(await stagedIds(id)).toEqual(['accounts:a', 'accounts:b', 'accounts:c', 'contacts:c1']);
    expect(await db.importJobs.get(id)).toMatchObject({
      name: 'book.json',
      generatedAt: '2026-10-01T00:00:00.000Z',
      state: 'staging',
      total: 4,
      rejected: 1,
    });
    expect(await db.accounts.count()).toBe(0);
  });

  it('keeps concurrent imports apart', async () => {
    const staging = open();
    const one = await staging.begin('one.json', undefined, at(0));
    const two = await staging.begin('two.json', undefined, at(0));
    expect(one).not.toBe(two);
    await staging.add(one, 'accounts', 0, [account('a')], at(0));
    await staging.add(two, 'accounts', 0, [account('b')], at(0));
    expect(await stagedIds(one)).toEqual(['accounts:a']);
    expect(await stagedIds(two)).toEqual(['accounts:b']);
  });

  it('refuses a chunk for an unknown import with a message saying nothing changed', async () => {
    const staging = open();
    await expect(staging.add('import-1-1', 'accounts', 0, [account('a')])).rejects.toThrow(INTERRUPTED);
  });

  it('discards imports left unstaged for more than 15 minutes when the next one begins', async () => {
    const staging = open();
    const stale = await staging.begin('stale.json', undefined, at(0));
    await staging.add(stale, 'accounts', 0, [account('a')], at(0));
    const recent = await staging.begin('recent.json', undefined, at(10));
    await staging.begin('next.json', undefined, at(16));
    expect(await db.importJobs.get(stale)).toMatchObject({ state: 'discarded', recovery: 'discarded' });
    expect(await stagedIds(stale)).toEqual([]);
    await expect(staging.add(stale, 'accounts', 1, [account('b')])).rejects.toThrow(INTERRUPTED);
    expect(await db.importJobs.get(recent)).toMatchObject({ state: 'staging' });
  });
});
