/** Feature requests and product feedback in a customer's own words: kept per account for the product team. */
import type { FoundFeedback } from './types';

const FEATURE_REQUEST =
  /\b(?:it would be (?:great|nice|helpful|useful)|would (?:love|like) (?:to see|it if|a way)|we'd love|feature request|wish (?:list|we could|there was|there were|you had|it could)|is there (?:any )?(?:way|plan) to|any plans to (?:add|support)|does(?:n't| not) support|(?:keeps?|kept) asking for|(?:missing|lacks) (?:a|an|the)\b)/i;
const FEEDBACK =
  /\b(?:(?:is|are|was|were|feels?) (?:really |very |quite |a bit |too )?(?:slow|confusing|clunky|buggy|hard to (?:use|find)|broken|frustrating|unreliable)|(?:love|loves|loving) (?:the|how|that)|keeps? (?:crashing|failing|timing out)|doesn't work|does not work)\b/i;

export function feedbackKind(sentence: string): FoundFeedback['kind'] | undefined {
  if (FEATURE_REQUEST.test(sentence)) return 'feature-request';
  if (FEEDBACK.test(sentence)) return 'feedback';
  return undefined;
}
