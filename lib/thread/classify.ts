/**
 * Is a sentence a commitment, and whose? Read from the speaker's side: "we'll" from the customer is
 * the customer's promise, "could you" from the customer is an ask of us. Our own asks of the customer
 * are left out (nobody has committed to them yet), and so are offers, conditions, thanks and reports
 * of what was already done. Rules run in order; the first that decides wins.
 */
import type { FoundKind } from './types';
import type { TextUnit } from './units';

export type Side = 'us' | 'customer';

export interface Classified {
  kind: FoundKind;
  /** How clearly the wording commits (see FoundCommitment.confidence). */
  confidence: number;
}

export interface Parties {
  /** Names the user's company goes by ("Northpeak"), lower-case. */
  ourNames: string[];
  /** Names the customer's company goes by ("Vertex Labs", "Vertex"), lower-case. */
  customerNames: string[];
}

/** Conditions and offers: "If you'd like, we can …", "Should the pilot go well, we'll …". */
const CONDITIONAL_START = /^(?:if|should|in case|unless|whenever|once|assuming|provided)\b/i;
/** Future words that commit to nothing. */
const NON_COMMITTAL =
  /\b(?:we'll|we will|i'll|i will) (?:see|keep you posted|be in touch|be happy|be glad|talk soon|speak soon)\b|\b(?:happy|glad) to (?:help|jump|chat|answer)\b/i;

const FIRST_PERSON_FUTURE =
  /\b(?:i|we)(?:'ll|'m going to|'re going to| will| shall| am going to| are going to| plan to| intend to| aim to| commit to| promise to| can have| can get| can send)\b/i;
const FIRST_PERSON_PROGRESSIVE = /\b(?:i'm|we're|i am|we are) (?:planning to|preparing|putting together|on it)\b/i;
/** "Let me send …" commits; "let me know" asks. */
const LET_ME = /\blet (?:me|us) (?!know\b)[a-z]+/i;
/** "Our legal team will …", "our support engineers will …": the speaker's side commits. */
const OUR_TEAM_FUTURE =
  /\bour(?:\s+[a-z-]+){0,2}\s+(?:team|teams|engineers?|engineering|lawyers?|legal|department|folks|people|group|side|admins?|cfo|ceo|cto)(?:'ll|\s+will|\s+is going to|\s+are going to|\s+plans? to)\b/i;
/** "You'll receive the report …" from the side that sends it. */
const YOU_WILL_RECEIVE = /\byou(?:'ll|\s+will)\s+(?:receive|get|have|hear|see)\b/i;

/** The customer asks something of us. */
const ASK = [
  /\b(?:can|could|would|will) you\b/i,
  /\bwould it be possible\b/i,
  /\bany chance (?:you|your team|we) (?:could|can)\b/i,
  /\b(?:appreciate it|grateful|great|helpful|ideal) if you (?:could|can|would)\b/i,
  /\b(?:could|can|may) (?:we|i) (?:get|have|receive|see)\b/i,
  /^(?:please|kindly)\s+(?!let me know|let us know|find|see|note|feel free|don't hesitate|do not hesitate|ignore)[a-z]+/i,
  /[,;:]\s*(?:please|kindly)\s+(?!let me know|let us know|find|see|note|feel free|don't hesitate|do not hesitate|ignore)[a-z]+/i,
  /\b(?:we|i) (?:need|'ll need|will need|require|would need|'d need) (?:you to\b|your\b|\w+(?:\s+\w+){0,5} from you\b)/i,
  /\b(?:we|i) (?:need|'ll need|will need|require)\b.+\b(?:by|before|no later than|until)\s/i,
];

/** A heading over a list of asks: "we need three things from you:", "could you send:". */
const ASK_LEAD = /\bfrom (?:you|your side|your team)\b|\b(?:can|could|would) you\b|\bplease\b|\bwe(?:'ll)? need\b/i;
/** A heading over a list of our own steps: "next steps on our side:", "we'll send you:". */
const OUR_LEAD = /\b(?:on our (?:side|end)|we'll|we will|i'll|i will)\b/i;

/** A list item labelled with who owns it: "Northpeak: send …", "Brightwave – confirm …". */
function labelledOwner(text: string, parties: Parties): Side | undefined {
  // "Northpeak: send …", "Brightwave – confirm …", and the minutes style "Northpeak to share …".
  const label = (/^([\p{L}\s&.'-]{2,40}?)\s*(?::|–|—|-)\s+\S/u.exec(text) ??
    /^([\p{L}&.'-]{2,40}(?:\s[\p{L}&.'-]{2,40})?)\s+to\s+[a-z]/u.exec(text))?.[1]
    ?.toLowerCase()
    .trim();
  if (!label) return undefined;
  if (parties.ourNames.some((n) => label === n || label.startsWith(`${n} `)) || /^(?:us|we|our side)$/.test(label)) return 'us';
  if (parties.customerNames.some((n) => label === n || label.startsWith(`${n} `)) || /^(?:you|your side|your team)$/.test(label)) {
    return 'customer';
  }
  return undefined;
}

/** "Northpeak will provide …", "Vertex will cover …". */
function companyFuture(text: string, parties: Parties): Side | undefined {
  const future = (name: string) => new RegExp(`\\b${escape(name)}(?:'ll|\\s+will|\\s+is going to|\\s+plans? to)\\b`, 'i').test(text);
  if (parties.ourNames.some(future)) return 'us';
  if (parties.customerNames.some(future)) return 'customer';
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const promiseOf = (side: Side): FoundKind => (side === 'us' ? 'our-promise' : 'customer-promise');

export function classify(unit: TextUnit, speaker: Side, parties: Parties): Classified | undefined {
  const text = unit.text.replace(/[\u2018\u2019\u02bc]/g, "'");
  if (CONDITIONAL_START.test(text) || NON_COMMITTAL.test(text)) return undefined;

  if (unit.listLead !== undefined) {
    const owner = labelledOwner(text, parties);
    if (owner) return { kind: promiseOf(owner), confidence: 0.8 };
    if (unit.listLead && speaker === 'customer' && ASK_LEAD.test(unit.listLead)) return { kind: 'customer-ask', confidence: 0.7 };
    if (unit.listLead && OUR_LEAD.test(unit.listLead)) return { kind: promiseOf(speaker), confidence: 0.7 };
  }

  const company = companyFuture(text, parties);
  if (company) return { kind: promiseOf(company), confidence: 0.85 };
  if (FIRST_PERSON_FUTURE.test(text) || FIRST_PERSON_PROGRESSIVE.test(text) || LET_ME.test(text) || OUR_TEAM_FUTURE.test(text)) {
    // "Can you confirm … and we'll schedule it": the ask comes first when the customer speaks.
    if (speaker === 'customer' && ASK.some((re) => re.test(text)) && askComesFirst(text)) return { kind: 'customer-ask', confidence: 0.75 };
    return { kind: promiseOf(speaker), confidence: 0.9 };
  }
  if (YOU_WILL_RECEIVE.test(text)) return { kind: promiseOf(speaker), confidence: 0.85 };
  if (speaker === 'customer' && ASK.some((re) => re.test(text)))
    return { kind: 'customer-ask', confidence: text.endsWith('?') ? 0.85 : 0.8 };
  return undefined;
}

function askComesFirst(text: string): boolean {
  const ask = Math.min(...ASK.map((re) => re.exec(text)?.index ?? Infinity));
  const promise = Math.min(...[FIRST_PERSON_FUTURE, LET_ME, OUR_TEAM_FUTURE].map((re) => re.exec(text)?.index ?? Infinity));
  return ask < promise;
}
