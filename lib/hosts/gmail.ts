/**
 * Gmail adapter: (URL, Document) -> PageContext. Which view is open comes from the hash route
 * (Gmail is a single-page app; the DOM of earlier views may linger), what the thread says comes
 * from the DOM through the selectors in gmail-selectors.ts.
 */
import { blockText, firstEmailIn, queryAllFirst, queryFirst, shortText, squash } from './dom';
import { contentAreas, recipientsOf } from './gmail-people';
import { GMAIL, GMAIL_MESSAGE } from './gmail-selectors';
import type { HostAdapter, MessageReader } from './adapter';
import type { PageContext, PageMessage, PageTime, PageUrl, Person } from './types';

/** The one bound the page script needs (the others are the message reader's): kept out of the object it would carry whole. */
const MAX_PEOPLE = 100;
/** Bounds that keep a read under a millisecond on long threads. */
export const GMAIL_LIMITS = { messages: 10, bodyChars: 4000, signatureChars: 500, people: MAX_PEOPLE } as const;

/** The thread token at the end of a hash route (`#inbox/FMfcg…`, `#label/x/FMfcg…`), else null. */
export function gmailThreadToken(url: PageUrl): string | null {
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

/** The open thread's pane, heading and message containers (inbox rows that a split view shows are no messages). */
function threadParts(doc: Document) {
  const scope = queryFirst(doc, GMAIL.main) ?? doc;
  const messageEls = queryAllFirst(scope, GMAIL.message).filter((el) => !el.closest('tr.zA'));
  // Bodies are content: an [email] inside one is what a message says, not who is on the thread.
  const bodies: Element[] = [];
  let open = 0;
  for (const el of messageEls) {
    let body: Element | null = null;
    // The first two are Gmail's own body classes, content already (GMAIL.notParticipant).
    if (GMAIL.body.findIndex((s) => (body = el.querySelector(s))) > 1) bodies.push(body!);
    if (body) open++;
  }
  return { scope, heading: queryFirst(scope, GMAIL.subject), messageEls, content: contentAreas(bodies), open };
}

/** The thread in view and its people: all that matching needs. What the messages say is read on request (readGmailMessages). */
export function readGmail(url: PageUrl, doc: Document): PageContext {
  const href = url.href;
  const token = url.pathname.startsWith('/mail') ? gmailThreadToken(url) : null;
  if (!token) return { host: 'gmail', kind: 'list', url: href };

  const { scope, heading, messageEls, content, open } = threadParts(doc);
  // Gmail shows everyone by address (a person without one is no person here, gmail-people.ts): one entry
  // per address, named by the first name the page gives it. Lighter than PeopleSet, which Outlook needs.
  const people = new Map<string, Person>();
  const add = (p: Person | undefined) => {
    if (!p?.email) return;
    const known = people.get(p.email);
    if (!known) people.set(p.email, { ...p });
    else known.name ??= p.name;
  };
  for (const el of messageEls) {
    const from = content.person(content.firstOutside(el, GMAIL.sender));
    add(from);
    recipientsOf(el, from, content).forEach(add);
  }

  // Collapsed messages, avatars and the reply box show participants outside the message headers;
  // a copy without heading or message wrappers still has these hooks.
  const participants = heading || messageEls.length ? GMAIL.participant : GMAIL.personHooks;
  for (const el of content.outside(scope, participants, MAX_PEOPLE)) add(content.person(el));

  if (!heading && messageEls.length === 0 && people.size === 0) {
    // Also the moment between the hash change and Gmail rendering the thread: the caller reads again.
    const looked = [...GMAIL.subject, ...GMAIL.message, GMAIL.personHooks].join(', ');
    return unreadable(href, 'no thread heading, message or sender found', looked);
  }
  if (people.size === 0) {
    return unreadable(href, 'no sender or recipient found in the thread', GMAIL.sender.join(', '));
  }

  const userEmail = userEmailOf(doc);
  return {
    host: 'gmail',
    kind: 'thread',
    url: href,
    threadId: threadIdOf(heading, scope) || token,
    subject: (heading ? squash(heading.textContent ?? '').slice(0, 300) : '') || subjectFromTitle(doc.title),
    people: [...people.values()],
    ...(userEmail ? { userEmail } : {}),
    shown: { messages: messageEls.length, open },
  };
}

/** What the thread's last messages say, with who wrote them to whom and when (as the page writes it). */
export function readGmailMessages(_url: PageUrl, doc: Document): PageMessage[] {
  const { messageEls, content } = threadParts(doc);
  return messageEls.slice(-GMAIL_LIMITS.messages).map((el) => {
    const body = queryFirst(el, GMAIL.body);
    const from = content.person(content.firstOutside(el, GMAIL.sender));
    const to = recipientsOf(el, from, content);
    // A collapsed message shows a one-line preview instead of its body.
    const text = body
      ? blockText(body, GMAIL_LIMITS.bodyChars, GMAIL_MESSAGE.bodySkip)
      : shortText(queryFirst(el, GMAIL_MESSAGE.snippet), GMAIL_LIMITS.bodyChars);
    const message: PageMessage = { text };
    const signature = body ? shortText(queryFirst(body, GMAIL_MESSAGE.signature), GMAIL_LIMITS.signatureChars) : '';
    if (signature) message.signature = signature;
    if (from) message.from = from;
    if (to.length) message.to = to;
    const sent = sentOf(el);
    if (sent) message.sent = sent;
    return message;
  });
}

function unreadable(url: string, why: string, looked: string): PageContext {
  return { host: 'gmail', kind: 'unreadable', url, reason: `Gmail's thread view could not be read: ${why}`, looked: looked.slice(0, 500) };
}

/** A date title has a time ("9:14 AM", "22:53", "上午10:08"); the fallbacks' other titles (buttons, chips) have none. */
const HAS_TIME = /\d:\d\d/;

function sentOf(messageEl: Element): PageTime | undefined {
  for (const selector of GMAIL_MESSAGE.sentAt) {
    for (const el of Array.from(messageEl.querySelectorAll(selector)).slice(0, 20)) {
      const text = el.getAttribute('title')?.trim().slice(0, 100);
      if (text && HAS_TIME.test(text)) return { host: 'gmail', text };
    }
  }
  return undefined;
}

/**
 * One id per thread whichever DOM is served: the heading's legacy hex id; else its permanent id
 * "thread-f:<decimal>" (the same number in decimal); else that number from the body's jslog; else
 * whatever permanent id the heading has (the 2025 "thread-a:r-…" form has no hex twin).
 */
function threadIdOf(heading: Element | null, scope: Document | Element): string | undefined {
  const legacy = heading?.getAttribute(GMAIL.threadIdAttrs[0])?.trim();
  if (legacy) return legacy;
  const perm = heading?.getAttribute(GMAIL.threadIdAttrs[1])?.trim();
  const decimal = perm?.match(/^thread-f:(\d{1,20})$/)?.[1];
  if (decimal) return BigInt(decimal).toString(16);
  return threadIdFromJslog(scope) ?? (perm || undefined);
}

/** `jslog="20277; u014N:xr6bB; 1:WyIjdGhyZWFkLWY6MTg0…"`: field 1 is base64 JSON `["#thread-f:<decimal>"]`. */
function threadIdFromJslog(scope: Document | Element): string | undefined {
  for (const el of queryAllFirst(scope, GMAIL.jslog).slice(0, 20)) {
    if (el.closest('tr.zA')) continue;
    const payload = el.getAttribute('jslog')?.match(/(?:^|;)\s*1:([A-Za-z0-9+/=_-]{8,400})/)?.[1];
    const decimal = payload && decodeBase64(payload)?.match(/"#thread-f:(\d{1,20})"/)?.[1];
    if (decimal) return BigInt(decimal).toString(16);
  }
  return undefined;
}

function decodeBase64(s: string): string | undefined {
  try {
    return atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
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

/** When the message holding `node` (e.g. the user's selection) was sent, as the page writes it. */
export function gmailSentOfNode(node: Node | null): PageTime | undefined {
  const el = node instanceof Element ? node : node?.parentElement;
  for (const selector of GMAIL.message) {
    const message = el?.closest(selector);
    if (message) return sentOf(message);
  }
  return undefined;
}

export const gmailAdapter: HostAdapter = {
  host: 'gmail',
  isHost: (url) => url.protocol === 'https:' && url.hostname === 'mail.google.com',
  read: readGmail,
  messagesModule: '/gmail-messages.js',
};

/** Loaded apart from the adapter, when asked (HostAdapter.messagesModule). */
export const gmailMessageReader: MessageReader = { read: readGmailMessages, sentOfNode: gmailSentOfNode };
