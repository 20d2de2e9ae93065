/**
 * Reads an open thread: ThreadMessage[] -> the commitments in it (with owner and due date), product
 * feedback, and people from the account's domains who are not contacts yet. Pure and local.
 */
import { getDomain } from 'tldts';
import type { ThreadMessage } from '../hosts/types';
import { isRoadmapPromise, isSalesPromise } from '../promises/kind';
import { classify, type Parties, type Side } from './classify';
import { cleanMessage } from './clean';
import { resolveDue } from './dates';
import { feedbackKind } from './feedback';
import { feedbackIdOf, suggestionId } from './ids';
import { writesDayFirst } from './locale';
import type { FoundCommitment, FoundFeedback, NewPerson, ThreadFindings, ThreadReadOptions } from './types';
import { textUnits } from './units';

/** Addresses that are machines, not people: never a contact, never a speaker of commitments. */
const NOT_A_PERSON =
  /^(?:no-?reply|do-?not-?reply|notifications?|news(?:letter)?|updates|marketing|mailer-daemon|postmaster|support|billing|accounts|info)@/i;

const domainOf = (email: string | undefined) =>
  (email ? (getDomain(email.split('@')[1] ?? '') ?? email.split('@')[1]) : undefined)?.toLowerCase();

/** "northpeak.io" -> "northpeak"; "Vertex Labs" -> "vertex labs", "vertex". */
function namesOf(name: string | undefined, domains: string[]): string[] {
  const names = new Set<string>();
  for (const d of domains) {
    const label = (getDomain(d) ?? d).split('.')[0]?.toLowerCase();
    if (label && label.length >= 3) names.add(label);
  }
  const lower = name?.toLowerCase().trim();
  if (lower) {
    names.add(lower);
    const first = lower.split(/\s+/)[0];
    if (first.length >= 4) names.add(first);
  }
  return [...names];
}

export function readThread(messages: ThreadMessage[], opts: ThreadReadOptions): ThreadFindings {
  const own = new Set(opts.ownDomains.map((d) => d.toLowerCase()));
  const accountDomains = new Set(opts.accountDomains.map((d) => (getDomain(d) ?? d).toLowerCase()));
  const parties: Parties = { ourNames: namesOf(undefined, opts.ownDomains), customerNames: namesOf(opts.accountName, opts.accountDomains) };
  const sideOf = (email: string | undefined): Side => {
    const lower = email?.toLowerCase();
    if (lower && opts.userEmail && lower === opts.userEmail.toLowerCase()) return 'us';
    const domain = domainOf(lower);
    return domain && own.has(domain) ? 'us' : 'customer';
  };

  const commitments: FoundCommitment[] = [];
  const feedback: FoundFeedback[] = [];
  const seen = new Set<string>();
  let latestCustomerMessage: ThreadFindings['latestCustomerMessage'];

  messages.forEach((message, messageIndex) => {
    const email = message.from?.email;
    if (email && NOT_A_PERSON.test(email)) return;
    const cleaned = cleanMessage(message.text);
    if (cleaned.skipped) return;
    const speaker = sideOf(email);
    if (speaker === 'customer' && email)
      latestCustomerMessage = { email: email.toLowerCase(), ...(message.sentAt ? { sentAt: message.sentAt } : {}) };
    const sentMs = message.sentAt ? Date.parse(message.sentAt) : Number.NaN;
    const sentAt = Number.isNaN(sentMs) ? opts.now : new Date(sentMs);
    const signature = [message.signature, cleaned.signature || cleaned.lines.slice(-4).join('\n')].filter(Boolean).join('\n');
    const dayFirst = writesDayFirst(email, signature);

    for (const unit of textUnits(cleaned.lines)) {
      if (unit.text.endsWith(':')) continue;
      if (speaker === 'customer') {
        const kind = feedbackKind(unit.text);
        if (kind) {
          const id = feedbackIdOf(opts.threadId, unit.text);
          if (!seen.has(id))
            feedback.push({
              id,
              messageIndex,
              text: unit.text,
              kind,
              ...(email ? { from: email } : {}),
              ...(message.sentAt ? { at: message.sentAt } : {}),
            });
          seen.add(id);
          continue;
        }
      }
      const found = classify(unit, speaker, parties);
      if (!found) continue;
      const id = suggestionId(opts.threadId, unit.text);
      if (seen.has(id)) continue;
      seen.add(id);
      const owner = found.kind === 'customer-promise' ? 'customer' : 'us';
      const due = resolveDue(unit.text, { sentAt, timeZone: opts.timeZone ?? 'UTC', dayFirst });
      const roadmap = isRoadmapPromise(unit.text);
      commitments.push({
        id,
        messageIndex,
        text: unit.text,
        kind: found.kind,
        owner,
        ...(due ? { dueDate: due.date, dueText: due.text } : {}),
        recordKind: isSalesPromise(unit.text) || (roadmap && owner === 'us') ? 'sales-promise' : 'commitment',
        confidence: due ? Math.min(1, found.confidence + 0.05) : found.confidence,
        ...(email ? { from: email } : {}),
        ...(message.sentAt ? { madeAt: message.sentAt } : {}),
      });
    }
  });

  return {
    commitments,
    feedback,
    newPeople: newPeopleOf(messages, accountDomains, opts.contactEmails),
    ...(latestCustomerMessage ? { latestCustomerMessage } : {}),
  };
}

/** Senders and recipients at the account's domains who are not among its contacts. */
function newPeopleOf(messages: ThreadMessage[], accountDomains: Set<string>, contactEmails: string[]): NewPerson[] {
  const known = new Set(contactEmails.map((e) => e.toLowerCase()));
  const found = new Map<string, NewPerson>();
  for (const m of messages) {
    for (const person of [m.from, ...(m.to ?? [])]) {
      const email = person?.email?.toLowerCase();
      if (!email || known.has(email) || found.has(email) || NOT_A_PERSON.test(email)) continue;
      const domain = domainOf(email);
      if (!domain || !accountDomains.has(domain)) continue;
      found.set(email, { email, ...(person?.name && person.name.toLowerCase() !== email ? { name: person.name } : {}) });
    }
  }
  return [...found.values()];
}
