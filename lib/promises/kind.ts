/**
 * What sort of promise a sentence is. A sales promise is one made to win or renew the deal
 * (price, discount, SLA, something included for free, a product capability): it outlives the
 * person who made it and must be honoured by whoever owns the account. A roadmap promise is
 * the riskiest sales promise, because the playbook says never to overpromise on the roadmap.
 */
import { normaliseQuotes } from './owner';

const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';

/** Wording that ties a promise to a product capability that does not exist yet. */
const ROADMAP_PATTERNS: RegExp[] = [
  /\broadmap\b/i,
  // "coming in Q3", "available next quarter", "shipping later this year", "GA in H2".
  new RegExp(
    `\\b(?:coming|landing|shipping|launching|available|released?|live|ga)\\s+(?:soon|later\\s+this|next\\s+(?:quarter|year|release|version)|in\\s+(?:q[1-4]|h[12]|20\\d\\d|the\\s+(?:next|coming|first|second|third|fourth)|(?:early|mid|late)[\\s-]|${MONTH_NAME}\\b))`,
    'i',
  ),
  // "will support SSO", but not "we'll support you through the rollout".
  /\bwill\s+support\s+(?!(?:you|your|them|us|him|her|the\s+(?:team|rollout|migration|onboarding|launch|go-live|transition))\b)/i,
  /\b(?:is|are|it's)\s+(?:planned|scheduled\s+for\s+(?:release|q[1-4]))\b/i,
  /\bplanned\s+for\b/i,
  /\b(?:next|future|upcoming)\s+(?:release|version|major\s+version|update)\b/i,
  /\bupcoming\s+(?:feature|integration|connector|capability|launch)\b/i,
  /\b(?:we're|we\s+are|(?:team|engineering|product)\s+is)\s+(?:building|developing|working\s+on\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:feature|integration|connector|version|release|support|capability|api))\b/i,
  /\b(?:add(?:ing)?|build(?:ing)?)\s+(?:native\s+)?support\s+for\b/i,
  /\bwill\s+be\s+(?:released|launched|generally\s+available)\b/i,
  /\b(?:in\s+(?:beta|development|the\s+works)|early\s+access|private\s+preview)\b/i,
];

/** Wording of a commercial promise made during the sale or a renewal. */
const SALES_PATTERNS: RegExp[] = [
  /\bdiscount(?:s|ed)?\b/i,
  /\b\d+\s?%\s+off\b/i,
  /\b(?:price|pricing|rate)s?\s+(?:is\s+|will\s+be\s+|stays?\s+)?(?:locked|held|frozen|guaranteed|protected|capped)\b/i,
  /\b(?:price|pricing|rate)\s+(?:lock|hold|freeze|cap|protection|guarantee)\b/i,
  /\block(?:ed|ing)?\s+(?:in\s+)?(?:the\s+|your\s+|this\s+|current\s+)*(?:price|pricing|rate)\b/i,
  /\b(?:no\s+price\s+increase|renewal\s+(?:cap|uplift))\b/i,
  /\bslas?\b/i,
  /\b(?:uptime|response[-\s]time)\s+(?:guarantee|commitment|of\s+\d)/i,
  /\b\d{2}(?:\.\d+)?\s?%\s+uptime\b/i,
  /\b(?:at\s+)?no\s+(?:extra|additional)\s+(?:cost|charge|fee)\b/i,
  /\b(?:free\s+of\s+charge|complimentary|for\s+free|waived?)\b/i,
  /\bfree\s+(?:seats?|licen[cs]es?|months?|onboarding|training|upgrade)\b/i,
  /\b(?:included|bundled)\s+(?:in\s+(?:your|the)\s+(?:plan|contract|subscription|license|price)|at\s+no)\b/i,
  /\bsales\s+(?:promised|committed|promise)\b/i,
  /\b(?:the\s+|our\s+|your\s+)?(?:ae|account\s+executive|sales\s+(?:rep|team))\s+(?:promised|committed|agreed|guaranteed)\b/i,
  /\bas\s+(?:agreed|promised|committed|discussed|outlined)\s+(?:in|during)\s+(?:the\s+)?(?:contract|order\s+form|msa|sow|negotiation|sales\s+process|deal)\b/i,
  /\b(?:per|under|in)\s+(?:the|our|your)\s+(?:contract|order\s+form|msa)\b/i,
  /\bcontractual(?:ly)?\b/i,
  /\bdedicated\s+(?:csm|tam|support|engineer|account\s+manager|success\s+manager)\b/i,
  /\bcustom\s+(?:feature|integration|connector|development|build)\b/i,
  /\bwill\s+integrate\s+with\b/i,
];

/** True when the promise is about a future product capability. */
export function isRoadmapPromise(text: string): boolean {
  const normalised = normaliseQuotes(text);
  return ROADMAP_PATTERNS.some((p) => p.test(normalised));
}

export function isSalesPromise(text: string): boolean {
  const normalised = normaliseQuotes(text);
  return SALES_PATTERNS.some((p) => p.test(normalised));
}
