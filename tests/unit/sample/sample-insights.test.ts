/**
 * The sample book is a demo of the playbook: each account was designed for one situation.
 * This runs the real playbook over it, so a change on either side that breaks a designed
 * situation shows up here rather than in front of a customer.
 */
import { ACTION_IDS } from '../../../lib/actions/types';
import { computeInsights } from '../../../lib/insights';
import type { AccountData, Bundle } from '../../../lib/model/bundle';
import { SAMPLE_BOOK_CATALOGUE } from '../../../lib/sample/catalogue';
import { makeSampleBook } from '../../../lib/sample/book';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const NOWS = [new Date('2026-03-10T15:20:00Z'), new Date('2025-11-30T07:05:00Z'), new Date('2027-07-01T23:45:00Z')];

function accountData(book: Bundle, accountId: string): AccountData {
  const mine = <T extends { accountId: string }>(list: T[] | undefined) => (list ?? []).filter((r) => r.accountId === accountId);
  return {
    account: book.accounts.find((a) => a.id === accountId)!,
    contacts: mine(book.contacts),
    usage: mine(book.usage),
    tickets: mine(book.tickets),
    commitments: mine(book.commitments),
    activities: mine(book.activities),
  };
}

describe.each(NOWS)('the sample book judged at %s', (now) => {
  const book = makeSampleBook(now);
  const judged = new Map(
    SAMPLE_BOOK_CATALOGUE.map((spec) => [spec.key, computeInsights(accountData(book, `sample-${spec.key}`), now, DEFAULT_SETTINGS)]),
  );

  it.each(SAMPLE_BOOK_CATALOGUE.map((spec) => [spec.key, spec] as const))('%s comes out as designed', (key, spec) => {
    const insights = judged.get(key)!;
    const summary = {
      band: insights.health.band,
      top: insights.actions.top?.id,
      score: insights.health.score,
      signals: insights.signals.map((s) => s.id),
    };
    expect({ band: summary.band, top: summary.top }, JSON.stringify(summary)).toEqual({ band: spec.band, top: spec.topAction });
    for (const also of spec.alsoActions ?? []) expect(insights.actions.ranked.map((a) => a.id)).toContain(also);
    for (const signal of spec.signals ?? []) expect(summary.signals).toContain(signal);
  });

  it('renormalises sparse accounts and scores none for the account without data', () => {
    expect(judged.get('fernhill')!.health.coverage.withData).toBe(2);
    expect(judged.get('driftwood')!.health.coverage.withData).toBe(1);
    expect(judged.get('marigold')!.health).toMatchObject({ score: null, band: 'none' });
  });

  it('keeps the healthy accounts free of signals', () => {
    for (const spec of SAMPLE_BOOK_CATALOGUE.filter((s) => s.topAction === 'keep-cadence' || s.topAction === 'expansion-ready')) {
      expect(
        judged.get(spec.key)!.signals.map((s) => s.id),
        spec.key,
      ).toEqual([]);
    }
  });

  it('covers every next-best action with at least one account', () => {
    const tops = new Set([...judged.values()].map((i) => i.actions.top?.id));
    for (const id of ACTION_IDS) expect(tops, id).toContain(id);
  });
});
