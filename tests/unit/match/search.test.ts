import { describe, expect, it } from 'vitest';
import { searchAccounts } from '../../../lib/match/search';

const BOOK = [
  { id: 'a1', name: 'Acme Robotics', domains: ['acmerobotics.com'] },
  { id: 'a2', name: 'Acme', domains: ['acme.io'] },
  { id: 'a3', name: 'Roboticsworks', domains: ['rw.com'] },
  { id: 'a4', name: 'Globex Corporation', domains: ['globex.co.uk'] },
  { id: 'a5', name: 'Initech (US)', domains: ['initech.com'] },
  { id: 'a6', name: 'Initech EMEA', domains: ['initech.com'] },
  { id: 'a7', name: 'Umbrella', domains: ['gx-umbrella.com'] },
  { id: 'a8', name: 'Société Générale', domains: ['sg.fr'] },
  { id: 'a9', name: 'Hyperrobotics', domains: ['hyper.ai'] },
];
const ids = (q: string, limit?: number) => searchAccounts(q, BOOK, limit).map((a) => a.id);

describe('searchAccounts', () => {
  it('ranks exact name, name prefix, word prefix, domain prefix, substring', () => {
    expect(ids('acme')).toEqual(['a2', 'a1']);
    expect(ids('robotics')).toEqual(['a3', 'a1', 'a9']);
    expect(ids('glo')).toEqual(['a4']);
    expect(ids('gx')).toEqual(['a7']);
    expect(ids('us')).toEqual(['a5']);
  });

  it('is case- and accent-insensitive and trims the query', () => {
    expect(ids('  GLOBEX ')).toEqual(['a4']);
    expect(ids('societe')).toEqual(['a8']);
  });

  it('finds by domain and honours the limit; empty query finds nothing', () => {
    expect(ids('initech.com')).toEqual(['a5', 'a6']);
    expect(ids('i', 2)).toHaveLength(2);
    expect(ids('')).toEqual([]);
    const edited = BOOK.map((a) => ({ ...a }));
    searchAccounts('acme', edited);
    edited[1] = { ...edited[1], name: 'Zenith' };
    expect(searchAccounts('zen', edited).map((a) => a.id)).toEqual(['a2']);
    expect(ids('   ')).toEqual([]);
  });

  it('searches 10,000 accounts quickly', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => ({ id: `x${i}`, name: `Company ${i} Holdings`, domains: [`c${i}.example.com`] }));
    expect(searchAccounts('company 42 holdings', big).map((a) => a.id)).toEqual(['x42']);
    // The best of several runs: the test machine may be busy, a slow algorithm is slow every time.
    const runs = ['c', 'hold', 'zzz', 'company 9', 'c', 'hold'].map((q) => {
      const t0 = performance.now();
      searchAccounts(q, big);
      return performance.now() - t0;
    });
    expect(Math.min(...runs)).toBeLessThan(50);
  });
});
