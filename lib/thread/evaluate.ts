/**
 * How well readThread does on a labelled set: precision and recall of the commitments found, and of
 * the ones found rightly, how many have the right owner and the exact due date.
 */
import type { ThreadMessage } from '../hosts/types';
import { readThread } from './extract';

export interface LabelledCase {
  id: string;
  accountName: string;
  accountDomains: string[];
  messages: ThreadMessage[];
  expected: { message: number; text: string; owner: 'us' | 'customer'; due: string | null }[];
}

export interface Miss {
  caseId: string;
  text: string;
  problem: 'not found' | 'not a commitment' | 'owner' | 'due';
  detail?: string;
}

export interface Scores {
  cases: number;
  expected: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
  ownerAccuracy: number;
  dueAccuracy: number;
  misses: Miss[];
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

export function evaluate(cases: LabelledCase[], own: { ownDomains: string[]; userEmail: string }): Scores {
  let expectedCount = 0;
  let foundCount = 0;
  let matched = 0;
  let ownerRight = 0;
  let dueRight = 0;
  const misses: Miss[] = [];
  for (const c of cases) {
    const { commitments } = readThread(c.messages, {
      threadId: c.id,
      ...own,
      accountName: c.accountName,
      accountDomains: c.accountDomains,
      contactEmails: [],
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expectedCount += c.expected.length;
    foundCount += commitments.length;
    const used = new Set<string>();
    for (const e of c.expected) {
      const hit = commitments.find((f) => !used.has(f.id) && f.messageIndex === e.message && norm(f.text).includes(norm(e.text)));
      if (!hit) {
        misses.push({ caseId: c.id, text: e.text, problem: 'not found' });
        continue;
      }
      used.add(hit.id);
      matched++;
      if (hit.owner === e.owner) ownerRight++;
      else misses.push({ caseId: c.id, text: e.text, problem: 'owner', detail: `found ${hit.owner}` });
      if ((hit.dueDate ?? null) === e.due) dueRight++;
      else
        misses.push({ caseId: c.id, text: e.text, problem: 'due', detail: `found ${hit.dueDate ?? 'none'} from "${hit.dueText ?? ''}"` });
    }
    for (const f of commitments)
      if (!used.has(f.id)) misses.push({ caseId: c.id, text: f.text, problem: 'not a commitment', detail: f.kind });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    cases: cases.length,
    expected: expectedCount,
    found: foundCount,
    matched,
    precision: ratio(matched, foundCount),
    recall: ratio(matched, expectedCount),
    ownerAccuracy: ratio(ownerRight, matched),
    dueAccuracy: ratio(dueRight, matched),
    misses,
  };
}
