/**
 * Gmail adapter: (URL, Document) -> PageContext. Which view is open comes from the hash route
 * (Gmail is a single-page app; the DOM of earlier views may linger), what the thread says comes
 * from the DOM through the selectors in gmail-selectors.ts.
 */
import { blockText, firstEmailIn, queryAllFirst, queryFirst, shortText, squash } from './dom';
import { ContentAreas, personOf, recipientsOf } from './gmail-people';
import { PeopleSet } from './people';
import { GMAIL } from './gmail-selectors';
import type { HostAdapter } from './adapter';
import type { PageContext, ThreadMessage } from './types';

/** Bounds that keep a read under a millisecond on long threads. */
export const GMAIL_LIMITS = { messages: 10, bodyChars: 4000, signatureChars: 500, people: 100 } as const;

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
  const messageEls = queryAllFirst(scope, GMAIL.message).filter((el) => !el.closest('tr.zA'));
  const content = new ContentAreas();
  const people = new PeopleSet();
  const messages: ThreadMessage[] = [];

  messageEls.forEach((el, i) => {
    const body = queryFirst(el, GMAIL.body);
    content.addBody(body);
    const from = personOf(content.firstOutside(el, GMAIL.sender));
    const to = recipientsOf(el, from, content);
    people.add(from);
    to.forEach((p) => people.add(p));
    if (i < messageEls.length - GMAIL_LIMITS.messages) return;
    // A collapsed message shows a one-line preview instead of its body.
    const text = body
      ? blockText(body, GMAIL_LIMITS.bodyChars, GMAIL.bodySkip)
      : shortText(queryFirst(el, GMAIL.snippet), GMAIL_LIMITS.bodyChars);
    const message: ThreadMessage = { text };
    const signature = body ? shortText(queryFirst(body, GMAIL.signature), GMAIL_LIMITS.signatureChars) : '';
    if (signature) message.signature = signature;
    if (from) message.from = from;
    if (to.length) message.to = to;
    const sentAt = sentAtOf(el);
    if (sentAt) message.sentAt = sentAt;
    messages.push(message);
  });

  // Collapsed messages, avatars and the reply box show participants outside the message headers;
  // a copy without heading or message wrappers still has these hooks.
  const participants = heading || messageEls.length ? GMAIL.participant : GMAIL.personHooks.join(',');
  for (const el of content.outside(scope, participants, GMAIL_LIMITS.people)) people.add(personOf(el));

  if (!heading && messageEls.length === 0 && people.size === 0) {
    // Also the moment between the hash change and Gmail rendering the thread: the caller reads again.
    const looked = [...GMAIL.subject, ...GMAIL.message, ...GMAIL.personHooks].join(', ');
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
    people: people.list(),
    ...(userEmail ? { userEmail } : {}),
    messages,
  };
}

function unreadable(url: string, why: string, looked: string): PageContext {
  return { host: 'gmail', kind: 'unreadable', url, reason: `Gmail's thread view could not be read: ${why}`, looked: looked.slice(0, 500) };
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
/** Russian month abbreviations as Gmail writes them ("26 дек. 2019 г., 22:53"), first three letters. */
const MONTHS_RU = ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

function monthIndex(name: string): number {
  const prefix = name.toLowerCase().slice(0, 3);
  const en = MONTHS.indexOf(prefix);
  return en >= 0 ? en : MONTHS_RU.indexOf(prefix === 'май' ? 'мая' : prefix);
}

/**
 * Gmail's date titles, in the browser's time zone: "Tue, Mar 4, 2025, 9:14 AM" (US), "Tue, 4 Mar
 * 2025, 09:14" and "20 Aug 2025, 13:19" (UK), "26 дек. 2019 г., 22:53" (ru) and
 * "2016年5月4日 上午10:08" (zh/ja). Other locales are left undated.
 */
export function parseGmailDate(title: string): string | undefined {
  const t = title.replace(/\s+/g, ' ').trim();
  const us = t.match(/([A-Za-z]{3})[a-z]* (\d{1,2}),? (\d{4}),? (?:at )?(\d{1,2}):(\d{2}) ?([AP]M)?/i);
  const dayFirst = t.match(/(\d{1,2}) (\p{L}{3,})\.? (\d{4})(?: г\.)?,? (?:at )?(\d{1,2}):(\d{2}) ?([AP]M)?/iu);
  const cjk = t.match(/(\d{4})年(\d{1,2})月(\d{1,2})日 ?(?:[(（]\S[)）])? ?(上午|下午|午前|午後)?(\d{1,2}):(\d{2})/);
  let year: number, month: number, day: number, hour: number, minute: number;
  let pm: boolean | undefined;
  if (us || dayFirst) {
    const [name, d, y, h, min, ampm] = us
      ? [us[1], us[2], us[3], us[4], us[5], us[6]]
      : [dayFirst![2], dayFirst![1], dayFirst![3], dayFirst![4], dayFirst![5], dayFirst![6]];
    [year, month, day, hour, minute] = [Number(y), monthIndex(name), Number(d), Number(h), Number(min)];
    pm = ampm ? ampm.toUpperCase() === 'PM' : undefined;
  } else if (cjk) {
    [year, month, day, hour, minute] = [Number(cjk[1]), Number(cjk[2]) - 1, Number(cjk[3]), Number(cjk[5]), Number(cjk[6])];
    pm = cjk[4] ? cjk[4] === '下午' || cjk[4] === '午後' : undefined;
  } else {
    return undefined;
  }
  if (month < 0) return undefined;
  if (pm === true && hour < 12) hour += 12;
  if (pm === false && hour === 12) hour = 0;
  const date = new Date(year, month, day, hour, minute);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
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

/** When the message holding `node` (e.g. the user's selection) was sent, if the page shows it. */
export function gmailSentAtOfNode(node: Node | null): string | undefined {
  const el = node instanceof Element ? node : node?.parentElement;
  for (const selector of GMAIL.message) {
    const message = el?.closest(selector);
    if (message) return sentAtOf(message);
  }
  return undefined;
}

export const gmailAdapter: HostAdapter = {
  host: 'gmail',
  isHost: (url) => url.protocol === 'https:' && url.hostname === 'mail.google.com',
  read: readGmail,
  sentAtOfNode: gmailSentAtOfNode,
};
