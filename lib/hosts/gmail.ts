/**
 * Gmail adapter: (URL, Document) -> PageContext. Which view is open comes from the hash route
 * (Gmail is a single-page app; the DOM of earlier views may linger), what the thread says comes
 * from the DOM through the selectors in gmail-selectors.ts.
 */
import { blockText, firstEmailIn, queryAllFirst, queryFirst, squash } from './dom';
import { GMAIL } from './gmail-selectors';
import type { PageContext, Person, ThreadMessage } from './types';

/** Bounds that keep a read under a millisecond on long threads. */
export const GMAIL_LIMITS = { messages: 10, bodyChars: 4000, people: 100 } as const;

/** The thread token at the end of a hash route (`#inbox/FMfcg…`, `#label/x/FMfcg…`), else null. */
export function gmailThreadToken(url: URL): string | null {
  const route = url.hash.replace(/^#/, '').split('?')[0];
  const segments = route.split('/').filter(Boolean);
  if (segments.length < 2) return null;
  const last = safeDecode(segments[segments.length - 1]);
  // Legacy ids are 16 hex digits; current tokens are long mixed-case (FMfcgz…). Search queries
  // and page markers (#inbox/p2) are neither.
  if (/^[0-9a-f]{16}$/i.test(last)) return last;
  if (/^[A-Za-z0-9_-]{20,}$/.test(last) && /[A-Z]/.test(last) && /[a-z]/.test(last)) return last;
  return null;
}

export function readGmail(url: URL, doc: Document): PageContext {
  const href = url.href;
  const token = url.pathname.startsWith('/mail') ? gmailThreadToken(url) : null;
  if (!token) return { host: 'gmail', kind: 'list', url: href };

  const scope = queryFirst(doc, GMAIL.main) ?? doc;
  const heading = queryFirst(scope, GMAIL.subject);
  const messageEls = queryAllFirst(scope, GMAIL.message);
  if (!heading && messageEls.length === 0) {
    // Also the moment between the hash change and Gmail rendering the thread: the caller reads again.
    return unreadable(href, `no thread heading or message found (looked for ${[...GMAIL.subject, ...GMAIL.message].join(', ')})`);
  }

  const people = new PeopleSet();
  const messages: ThreadMessage[] = [];

  messageEls.forEach((el, i) => {
    const from = personOf(queryFirst(el, GMAIL.sender));
    const to = recipientsOf(el, from);
    if (from) people.add(from);
    to.forEach((p) => people.add(p));
    if (i < messageEls.length - GMAIL_LIMITS.messages) return;
    const body = queryFirst(el, GMAIL.body);
    const message: ThreadMessage = { text: body ? blockText(body, GMAIL_LIMITS.bodyChars, GMAIL.bodySkip) : '' };
    if (from) message.from = from;
    if (to.length) message.to = to;
    const sentAt = sentAtOf(el);
    if (sentAt) message.sentAt = sentAt;
    messages.push(message);
  });

  // Collapsed messages and the reply box show participants outside the message headers.
  for (const el of Array.from(scope.querySelectorAll(GMAIL.participant)).slice(0, GMAIL_LIMITS.people)) {
    const p = personOf(el);
    if (p) people.add(p);
  }

  if (people.size === 0) {
    return unreadable(href, `no sender or recipient found in the thread (looked for ${GMAIL.sender.join(', ')})`);
  }

  const userEmail = userEmailOf(doc);
  return {
    host: 'gmail',
    kind: 'thread',
    url: href,
    threadId: (heading && threadIdOf(heading)) || token,
    subject: (heading ? squash(heading.textContent ?? '').slice(0, 300) : '') || subjectFromTitle(doc.title),
    people: people.list(),
    ...(userEmail ? { userEmail } : {}),
    messages,
  };
}

function unreadable(url: string, why: string): PageContext {
  return { host: 'gmail', kind: 'unreadable', url, reason: `Gmail's thread view could not be read: ${why}` };
}

class PeopleSet {
  private byEmail = new Map<string, Person>();
  get size() {
    return this.byEmail.size;
  }
  add(p: Person) {
    const known = this.byEmail.get(p.email);
    if (!known) this.byEmail.set(p.email, { ...p });
    else if (!known.name && p.name) known.name = p.name;
  }
  list(): Person[] {
    return [...this.byEmail.values()];
  }
}

function personOf(el: Element | null): Person | undefined {
  const email = el?.getAttribute('email')?.trim().toLowerCase();
  if (!el || !email || !email.includes('@')) return undefined;
  const name = cleanName(el.getAttribute('name')) ?? cleanName(el.textContent);
  return name ? { name, email } : { email };
}

/** Gmail labels the signed-in user "me" and sometimes repeats the address as the name. */
function cleanName(raw: string | null | undefined): string | undefined {
  const name = raw ? squash(raw).slice(0, 120) : '';
  if (!name || name.toLowerCase() === 'me' || name.includes('@')) return undefined;
  return name;
}

function recipientsOf(messageEl: Element, from: Person | undefined): Person[] {
  let els = Array.from(messageEl.querySelectorAll(GMAIL.recipient.join(',')));
  if (els.length === 0) {
    // Without the recipient class, every other hovercard in the message header is a recipient.
    const body = queryFirst(messageEl, GMAIL.body);
    els = Array.from(messageEl.querySelectorAll(GMAIL.participant)).filter((el) => !body?.contains(el));
  }
  const seen = new Set(from ? [from.email] : []);
  const out: Person[] = [];
  for (const el of els) {
    const p = personOf(el);
    if (p && !seen.has(p.email)) {
      seen.add(p.email);
      out.push(p);
    }
  }
  return out;
}

function sentAtOf(messageEl: Element): string | undefined {
  for (const selector of GMAIL.sentAt) {
    for (const el of Array.from(messageEl.querySelectorAll(selector)).slice(0, 20)) {
      const iso = parseGmailDate(el.getAttribute('title') ?? '');
      if (iso) return iso;
    }
  }
  return undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Gmail's date titles in English locales: "Tue, Mar 4, 2025, 9:14 AM" (US) or
 * "Tue, 4 Mar 2025, 09:14" (UK), in the browser's time zone. Other locales are left undated.
 */
export function parseGmailDate(title: string): string | undefined {
  const t = title.replace(/\s+/g, ' ').trim();
  const us = t.match(/([A-Za-z]{3})[a-z]* (\d{1,2}),? (\d{4}),? (?:at )?(\d{1,2}):(\d{2}) ?([AP]M)?/i);
  const uk = t.match(/(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}),? (?:at )?(\d{1,2}):(\d{2}) ?([AP]M)?/i);
  const parts = us ? [us[1], us[2], us[3], us[4], us[5], us[6]] : uk ? [uk[2], uk[1], uk[3], uk[4], uk[5], uk[6]] : null;
  if (!parts) return undefined;
  const month = MONTHS.indexOf(parts[0].toLowerCase());
  if (month < 0) return undefined;
  let hour = Number(parts[3]);
  const ampm = parts[5]?.toUpperCase();
  if (ampm === 'PM' && hour < 12) hour += 12;
  if (ampm === 'AM' && hour === 12) hour = 0;
  const date = new Date(Number(parts[2]), month, Number(parts[1]), hour, Number(parts[4]));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The legacy hex id when the page has it; the permanent id "thread-f:<decimal>" is the same number
 * in decimal, so it is converted to keep one id per thread across DOM versions.
 */
function threadIdOf(el: Element): string | undefined {
  const legacy = el.getAttribute(GMAIL.threadIdAttrs[0])?.trim();
  if (legacy) return legacy;
  const perm = el.getAttribute(GMAIL.threadIdAttrs[1])?.trim();
  const decimal = perm?.match(/^thread-f:(\d{1,20})$/)?.[1];
  if (decimal) return BigInt(decimal).toString(16);
  return perm || undefined;
}

function userEmailOf(doc: Document): string | undefined {
  for (const selector of GMAIL.accountButton) {
    const el = doc.querySelector(selector);
    if (!el) continue;
    const email = firstEmailIn([el.getAttribute('data-email'), el.getAttribute('aria-label'), el.getAttribute('title')].join(' '));
    if (email) return email;
  }
  // The tab title reads "Inbox (3) - casey@northpeak.io - Gmail" or "Subject - casey@… - Gmail".
  return firstEmailIn(doc.title.match(/ - (\S+@\S+) - [^-]+$/)?.[1]);
}

function subjectFromTitle(title: string): string {
  return squash(title.replace(/ - \S+@\S+ - [^-]+$/, ''));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** When the message holding `node` (e.g. the user's selection) was sent, if the page shows it. */
export function gmailSentAtOfNode(node: Node | null): string | undefined {
  const el = node instanceof Element ? node : node?.parentElement;
  for (const selector of GMAIL.message) {
    const message = el?.closest(selector);
    if (message) return sentAtOf(message);
  }
  return undefined;
}
