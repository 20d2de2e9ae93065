/**
 * "Found in this email": how right the commitments found in the labelled set are (the same scoring as
 * tests/unit/thread/labelled-set.test.ts), and how long reading one thread takes (in Node: the reader is
 * pure TypeScript and runs the same in the sidebar).
 */
import { performance } from 'node:perf_hooks';
import { evaluate } from '../lib/thread/evaluate';
import { readThread } from '../lib/thread';
import { LABELLED_THREADS, OWN_DOMAINS, USER_EMAIL } from '../tests/fixtures/thread';
import { summarise, type Summary } from './stats';

export interface ThreadBench {
  threads: number;
  commitments: number;
  precision: number;
  recall: number;
  ownerAccuracy: number;
  dueAccuracy: number;
  /** Time to read one thread of the set, over every thread, after a warm-up. */
  readMs: Summary;
}

export const THREAD_TARGETS = { precision: 0.9, recall: 0.85, ownerAccuracy: 0.95, dueAccuracy: 0.9 } as const;

export function benchThreadReading(rounds = 20): ThreadBench {
  const own = { ownDomains: OWN_DOMAINS, userEmail: USER_EMAIL };
  const scores = evaluate(LABELLED_THREADS, own);
  const read = (t: (typeof LABELLED_THREADS)[number]) =>
    readThread(t.messages, {
      threadId: t.id,
      ...own,
      accountName: t.accountName,
      accountDomains: t.accountDomains,
      contactEmails: [],
      now: new Date(),
    });
  for (const t of LABELLED_THREADS) read(t);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const t of LABELLED_THREADS) {
      const start = performance.now();
      read(t);
      samples.push(performance.now() - start);
    }
  }
  return {
    threads: scores.cases,
    commitments: scores.expected,
    precision: scores.precision,
    recall: scores.recall,
    ownerAccuracy: scores.ownerAccuracy,
    dueAccuracy: scores.dueAccuracy,
    readMs: summarise(samples),
  };
}
