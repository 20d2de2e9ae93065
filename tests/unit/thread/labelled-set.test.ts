import { describe, expect, it } from 'vitest';
import { evaluate } from '@/lib/thread/evaluate';
import { LABELLED_THREADS, OWN_DOMAINS, USER_EMAIL } from '../../fixtures/thread';

describe('commitments found in the labelled set of customer-success emails', () => {
  const scores = evaluate(LABELLED_THREADS, { ownDomains: OWN_DOMAINS, userEmail: USER_EMAIL });
  const report = () =>
    `precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}, owner ${scores.ownerAccuracy.toFixed(3)}, due ${scores.dueAccuracy.toFixed(3)}\n` +
    scores.misses.map((m) => `  ${m.caseId}: ${m.problem} "${m.text}"${m.detail ? ` (${m.detail})` : ''}`).join('\n');

  it('holds at least 40 emails, with hard negatives among them', () => {
    expect(LABELLED_THREADS.length).toBeGreaterThanOrEqual(40);
    expect(LABELLED_THREADS.filter((t) => t.expected.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it('reaches precision 0.9, recall 0.85, owner 0.95 and due date 0.9', () => {
    console.info(`Labelled set (${scores.cases} threads, ${scores.expected} commitments): ${report()}`);
    expect(scores.precision, report()).toBeGreaterThanOrEqual(0.9);
    expect(scores.recall, report()).toBeGreaterThanOrEqual(0.85);
    expect(scores.ownerAccuracy, report()).toBeGreaterThanOrEqual(0.95);
    expect(scores.dueAccuracy, report()).toBeGreaterThanOrEqual(0.9);
  });
});
