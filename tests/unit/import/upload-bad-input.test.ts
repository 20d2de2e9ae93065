import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, importFile } from '../../../lib/import/upload';
import type { call as callBackground } from '../../../lib/messages/client';
import { accounts, bundleFile, fakeBackground, file } from './fake-background';

/** `{"x":{"x":…}}` nested `levels` deep. */
const nested = (levels: number): unknown => (levels === 0 ? 'end' : { x: nested(levels - 1) });

describe('importFile: CSV headers named like object members', () => {
  it('imports a CSV with a "Constructor" column as an ordinary column', async () => {
    const bg = fakeBackground();
    const outcome = await importFile(file('accounts.csv', 'Id,Name,Constructor\nacc-1,Acme,Bob the Builder\n'), bg.call);
    expect(outcome).toMatchObject({ ok: true, counts: { accounts: 1 }, rejected: [] });
    expect(bg.chunkPayloads()[0].records).toEqual([{ id: 'acc-1', name: 'Acme', Constructor: 'Bob the Builder' }]);
  });

  it('keeps the values of __proto__, constructor, toString and hasOwnProperty columns', async () => {
    const bg = fakeBackground();
    const csv = 'Id,Name,__proto__,constructor,toString,hasOwnProperty\nacc-1,Acme,p,c,t,h\n';
    await importFile(file('accounts.csv', csv), bg.call);
    const [record] = bg.chunkPayloads()[0].records as Record<string, unknown>[];
    expect(Object.hasOwn(record, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.entries(record)).toEqual([
      ['id', 'acc-1'],
      ['name', 'Acme'],
      ['__proto__', 'p'],
      ['constructor', 'c'],
      ['toString', 't'],
      ['hasOwnProperty', 'h'],
    ]);
  });
});

describe('importFile: every failure ends in an outcome', () => {
  it('turns an unexpected error from the background channel into a refusal and drops the import', async () => {
    const bg = fakeBackground();
    const call = (async (type, payload) => {
      if (type === 'import.commit') throw new TypeError('Cannot read properties of undefined');
      return bg.call(type, payload);
    }) as typeof callBackground;
    const outcome = await importFile(bundleFile(accounts(2)), call);
    expect(outcome).toEqual({
      ok: false,
      fileName: 'book.json',
      error: 'Import failed: Cannot read properties of undefined. Nothing was changed.',
    });
    expect(bg.types().at(-1)).toBe('import.abort');
  });

  it('turns a file whose content cannot be decoded into a refusal, sending nothing', async () => {
    const bg = fakeBackground();
    const broken = { name: 'book.json', arrayBuffer: async () => null as unknown as ArrayBuffer };
    const outcome = await importFile(broken, bg.call);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.error).toMatch(/^Import failed: .+ Nothing was changed\.$/);
    expect(bg.sent).toEqual([]);
  });
});

describe('importFile: ids repeated within a file', () => {
  it('sends only the last record of each repeated id and names every copy', async () => {
    const bg = fakeBackground();
    const list = [
      { id: 'acme-1', name: 'Acme (old)' },
      { id: 'beta', name: 'Beta (old)' },
      { id: 'beta', name: 'Beta' },
      { id: 'acme-1', name: 'Acme' },
      { id: 'gamma', name: 'Gamma' },
    ];
    const outcome = await importFile(bundleFile(list), bg.call);
    expect(outcome).toMatchObject({
      ok: true,
      counts: { accounts: 3 },
      duplicates: [
        { type: 'accounts', key: 'acme-1', paths: ['accounts[0]', 'accounts[3]'] },
        { type: 'accounts', key: 'beta', paths: ['accounts[1]', 'accounts[2]'] },
      ],
    });
    // The skipped copies are left out without shifting anyone's position in the file.
    expect(bg.chunkPayloads().map((c) => [c.offset, c.records])).toEqual([
      [
        2,
        [
          { id: 'beta', name: 'Beta' },
          { id: 'acme-1', name: 'Acme' },
          { id: 'gamma', name: 'Gamma' },
        ],
      ],
    ]);
  });

  it('treats usage points of the same account and date as one', async () => {
    const bg = fakeBackground();
    const usage = [
      { accountId: 'a', date: '2026-10-01', logins: 1 },
      { accountId: 'a', date: '2026-10-02', logins: 2 },
      { accountId: 'a', date: '2026-10-01', logins: 3 },
    ];
    const text = JSON.stringify({ format: 'glance.bundle', version: 1, accounts: [{ id: 'a', name: 'A' }], usage });
    const outcome = await importFile(file('book.json', text), bg.call);
    expect(outcome.ok && outcome.duplicates).toEqual([{ type: 'usage', key: 'a on 2026-10-01', paths: ['usage[0]', 'usage[2]'] }]);
  });

  it('still sends chunks of at most the chunk size around skipped copies', async () => {
    const bg = fakeBackground();
    const list = accounts(CHUNK_SIZE + 10);
    list[5] = { id: 'acc-6', name: 'Early copy' };
    await importFile(bundleFile(list), bg.call);
    expect(bg.chunkPayloads().map((c) => [c.offset, c.records.length])).toEqual([
      [0, 5],
      [6, CHUNK_SIZE],
      [CHUNK_SIZE + 6, 4],
    ]);
  });
});

describe('importFile: records too big or too deep to send', () => {
  it('refuses a deeply nested record by its path, and imports the rest of the file', async () => {
    const bg = fakeBackground();
    const outcome = await importFile(
      bundleFile([
        { id: 'a', name: 'A' },
        { id: 'deep', name: 'Deep', x: nested(200) },
      ]),
      bg.call,
    );
    expect(outcome).toMatchObject({
      ok: true,
      counts: { accounts: 1 },
      rejected: [{ path: 'accounts[1]', id: 'deep', reason: 'x.x.x.x.x.x.x.x: nested more than 8 levels deep' }],
    });
    expect(bg.chunkPayloads().flatMap((c) => c.records)).toEqual([{ id: 'a', name: 'A' }]);
  });

  it('refuses a record with a runaway field before sending it', async () => {
    const bg = fakeBackground();
    const outcome = await importFile(bundleFile([{ id: 'a', name: 'A', notes: 'n'.repeat(20_000) }]), bg.call);
    expect(!outcome.ok && outcome.rejected).toEqual([
      { path: 'accounts[0]', id: 'a', reason: 'notes: longer than 10,000 characters (20,000)' },
    ]);
    expect(bg.chunkPayloads()).toEqual([]);
    // Nothing was left to store: a failure, not an import, and nothing was committed.
    expect(outcome).toMatchObject({ ok: false, nothingStored: true, error: 'Nothing was imported: its one record was rejected.' });
    expect(bg.types()).not.toContain('import.commit');
  });
});

describe('importFile: text encodings', () => {
  // "Société Générale" and "Müller" as Excel on Windows saves them.
  const windows1252 = Uint8Array.from([
    ...new TextEncoder().encode('Id,Name,Owner\nacc-1,Soci'),
    0xe9,
    ...new TextEncoder().encode('t'),
    0xe9,
    ...new TextEncoder().encode(' G'),
    0xe9,
    ...new TextEncoder().encode('n'),
    0xe9,
    ...new TextEncoder().encode('rale,M'),
    0xfc,
    ...new TextEncoder().encode('ller\n'),
  ]);

  it('reads a CSV that is not UTF-8 as Windows-1252, and says so', async () => {
    const bg = fakeBackground();
    const outcome = await importFile(file('accounts.csv', windows1252), bg.call);
    expect(bg.chunkPayloads()[0].records).toEqual([{ id: 'acc-1', name: 'Société Générale', owner: 'Müller' }]);
    expect(outcome.ok && outcome.notes).toEqual([expect.stringContaining('read as Windows-1252')]);
  });

  it('reads UTF-8 as UTF-8, with a byte order mark or without, and adds no note', async () => {
    for (const prefix of ['', '\uFEFF']) {
      const bg = fakeBackground();
      const outcome = await importFile(file('accounts.csv', `${prefix}Id,Name,Owner\nacc-1,Société Générale,Müller\n`), bg.call);
      expect(bg.chunkPayloads()[0].records).toEqual([{ id: 'acc-1', name: 'Société Générale', owner: 'Müller' }]);
      expect(outcome.ok && outcome.notes).toEqual([]);
    }
  });
});
