import { describe, expect, it } from 'vitest';
import { ImportStaging } from '../../../lib/import/staging';

const INTERRUPTED = 'This import was interrupted (Glance restarted in the meantime). Nothing was changed: please import the file again.';
const account = (id: string) => ({ id, name: `Account ${id}` });

describe('ImportStaging', () => {
  it('collects valid records across chunks and hands them over once', () => {
    const staging = new ImportStaging();
    const id = staging.begin('book.json', 1_000);
    expect(staging.add(id, 'accounts', 0, [account('a'), account('b')])).toEqual({ accepted: 2, rejected: [] });
    const second = staging.add(id, 'accounts', 2, [account('c'), { id: 'd' }]);
    expect(second.accepted).toBe(1);
    // The path counts from the chunk's offset in the file, not from the chunk.
    expect(second.rejected).toEqual([{ path: 'accounts[3]', id: 'd', reason: 'name: required (expected a string)' }]);
    staging.add(id, 'contacts', 0, [{ id: 'c1', accountId: 'a', name: 'Ann', email: 'ann@a.io' }]);

    const taken = staging.take(id);
    expect(taken.name).toBe('book.json');
    expect(taken.rejected).toBe(1);
    expect(taken.records.accounts.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(taken.records.contacts.map((c) => c.id)).toEqual(['c1']);
    expect(taken.records.usage).toEqual([]);
    // Taken means gone: a second commit of the same import cannot write it twice.
    expect(() => staging.take(id)).toThrow(INTERRUPTED);
  });

  it('keeps concurrent imports apart', () => {
    const staging = new ImportStaging();
    const one = staging.begin('one.json', 1_000);
    const two = staging.begin('two.json', 1_000);
    expect(one).not.toBe(two);
    staging.add(one, 'accounts', 0, [account('a')]);
    staging.add(two, 'accounts', 0, [account('b')]);
    expect(staging.take(two).records.accounts.map((a) => a.id)).toEqual(['b']);
    expect(staging.take(one).records.accounts.map((a) => a.id)).toEqual(['a']);
  });

  it('refuses an unknown import (the background restarted) with a message saying nothing changed', () => {
    const staging = new ImportStaging();
    expect(() => staging.add('import-1-1', 'accounts', 0, [account('a')])).toThrow(INTERRUPTED);
    expect(() => staging.take('import-1-1')).toThrow(INTERRUPTED);
  });

  it('drops an aborted import', () => {
    const staging = new ImportStaging();
    const id = staging.begin('book.json', 1_000);
    staging.abort(id);
    expect(() => staging.add(id, 'accounts', 0, [account('a')])).toThrow(INTERRUPTED);
  });

  it('forgets imports left unfinished for more than 15 minutes', () => {
    const staging = new ImportStaging();
    const start = Date.UTC(2026, 10, 1, 9, 0);
    const stale = staging.begin('stale.json', start);
    const recent = staging.begin('recent.json', start + 10 * 60_000);
    staging.add(stale, 'accounts', 0, [account('a')]);
    staging.begin('next.json', start + 15 * 60_000 + 1);
    expect(() => staging.take(stale)).toThrow(INTERRUPTED);
    expect(staging.take(recent).name).toBe('recent.json');
  });
});
