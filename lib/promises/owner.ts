/**
 * Who has to deliver a promise, read from its wording. The rules run in order and the first
 * that matches decides, so the specific ones ("I'll need you to …") come before the general
 * ones ("I'll …"). Text is matched with straight apostrophes (see normaliseQuotes).
 */
import type { OwnerConfidence, PromiseOwner } from './types';

interface OwnerRule {
  pattern: RegExp;
  owner: PromiseOwner;
}

/** Polite sign-offs that start with "please" but ask nothing of the customer. */
const PLEASE_SIGN_OFF =
  "(?:note|find|see|expect|allow|be\\s+aware|feel\\s+free|reach\\s+out|don't\\s+hesitate|do\\s+not\\s+hesitate|let\\s+(?:me|us)\\s+know)";

const OWNER_RULES: OwnerRule[] = [
  // We ask the customer for something, even inside our own sentence ("we'll need you to sign").
  { pattern: /\b(?:need|want|like|ask|asking|require|expect)\s+(?:you|your)\b/i, owner: 'customer' },
  { pattern: /\b(?:can|could|would|will)\s+(?:you|your\s+team)\b/i, owner: 'customer' },
  { pattern: /\bif\s+(?:you|your\s+team)\s+(?:can|could|would)\b/i, owner: 'customer' },
  { pattern: /\b(?:can|could)\s+we\s+(?:get|have|receive)\b/i, owner: 'customer' },
  { pattern: new RegExp(`\\bplease\\s+(?!${PLEASE_SIGN_OFF})[a-z]+`, 'i'), owner: 'customer' },
  { pattern: /\bfrom\s+(?:you|your\s+(?:team|side|end))\b/i, owner: 'customer' },
  // The customer is on the receiving end of our work ("you'll have it by Friday").
  { pattern: /\b(?:you|your\s+team)(?:'ll|\s+will)\s+(?:receive|get|have|see|hear|be\s+able)\b/i, owner: 'us' },
  // We commit, in the first person.
  {
    pattern:
      /\b(?:we|i)(?:'ll|'d|'m\s+going\s+to|'re\s+going\s+to|\s+(?:will|shall|can|could|would|am\s+going\s+to|are\s+going\s+to|plan\s+to|promised?|guarantee|commit|have\s+committed))\b/i,
    owner: 'us',
  },
  {
    pattern:
      /\b(?:we're|we\s+are|i'm|i\s+am)\s+(?:going|planning|building|working|sending|preparing|putting|pulling|setting|scheduling|on\s+it)\b/i,
    owner: 'us',
  },
  { pattern: /\bour\s+(?:team|side|end|engineers?|engineering|support|product|legal|security|finance|csm|ae)\b/i, owner: 'us' },
  { pattern: /\blet\s+(?:me|us)\s+(?!know\b)[a-z]+/i, owner: 'us' },
  // A note that starts with the verb leaves out "we": "Will send the deck Friday".
  { pattern: /^(?:will|shall|going\s+to|to\s+send|sending)\b/i, owner: 'us' },
  // The customer commits.
  { pattern: /\byou(?:'ll|'re\s+going\s+to|\s+(?:will|would|are\s+going\s+to|plan\s+to|promised|agreed))\b/i, owner: 'customer' },
  { pattern: /\byour\s+(?:team|side|end|legal|it|security|admins?|engineers?|procurement|finance)\b/i, owner: 'customer' },
  { pattern: /\blet\s+(?:me|us)\s+know\b/i, owner: 'customer' },
];

export function normaliseQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'");
}

/**
 * Nothing matched means 'us' as a guess: a CSM logging a promise is usually logging one of ours.
 */
export function detectOwner(text: string): { owner: PromiseOwner; ownerConfidence: OwnerConfidence } {
  const normalised = normaliseQuotes(text);
  const rule = OWNER_RULES.find((r) => r.pattern.test(normalised));
  return rule ? { owner: rule.owner, ownerConfidence: 'clear' } : { owner: 'us', ownerConfidence: 'guess' };
}
