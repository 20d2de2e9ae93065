/**
 * Outlook on the web adapter: (URL, Document) -> PageContext. Which conversation is open comes from
 * the route (/mail/inbox/id/<id>) and the list row's data-convid; what it says comes from the reading
 * pane through the selectors in outlook-selectors.ts. The list alone and a compose form are no thread.
 */
import { blockText, firstEmailIn, queryAllFirst, queryFirst, shortText, squash } from './dom';
import type { HostAdapter, MessageReader } from './adapter';
import { OUTLOOK, OUTLOOK_MESSAGE } from './outlook-selectors';
import { PeopleSet } from './people';
import type { PageContext, PageMessage, PageTime, PageUrl, Person } from './types';

/** Bounds that keep a read under a millisecond on long conversations. */
export const OUTLOOK_LIMITS = { messages: 10, bodyChars: 4000, recipients: 100 } as const;

const HOSTNAMES = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);

/**
 * The item or conversation id in a mail route: /mail/id/<id>, /mail/inbox/id/<id>,
 * /mail/0/archive/id/<id>, /mail/deeplink/read/<id> (the pop-out). Else null: a folder, search or compose.
 */
export function outlookRouteId(url: PageUrl): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] !== 'mail') return null;
  const at = segments.findIndex((s, i) => i > 0 && (s === 'id' || (s === 'read' && segments[i - 1] === 'deeplink')));
  const raw = at > 0 ? segments[at + 1] : undefined;
  if (!raw) return null;
  const id = safeDecode(raw);
  // Exchange ids are base64 (AAQkAD…, AQMkADAw…=): anything else is not an id.
  return /^[A-Za-z0-9+/=_-]{16,600}$/.test(id) ? id : null;
}

/** The open conversation's scope and message elements, or null when the pane shows no open message. */
function conversationParts(url: PageUrl, doc: Document) {
  const pane = queryFirst(doc, OUTLOOK.readingPane);
  const reading = queryFirst(pane ?? doc, OUTLOOK.readContainer);
  // Compose shares the reading pane with an open message; only an open message is a thread.
  if (!reading && (!outlookRouteId(url) || queryFirst(pane ?? doc, OUTLOOK.compose))) return null;
  const scope = reading ?? pane ?? doc.body ?? doc;
  const cards = queryAllFirst(scope, OUTLOOK.message);
  // Message view has no cards: the open container is the one message.
  return { scope, messageEls: cards.length ? cards : [scope], user: userOf(doc) };
}

/** The conversation in view and its people: all that matching needs. What the messages say is read on request (readOutlookMessages). */
export function readOutlook(url: PageUrl, doc: Document): PageContext {
  const href = url.href;
  const parts = conversationParts(url, doc);
  if (!parts) return { host: 'outlook', kind: 'list', url: href };
  const { scope, messageEls, user } = parts;
  const people = new PeopleSet();
  let open = 0;
  for (const el of messageEls) {
    people.add(senderOf(el));
    recipientsOf(el, user).forEach((p) => people.add(p));
    if (queryFirst(el, OUTLOOK.body)) open++;
  }

  const threadId = conversationIdOf(doc, scope) ?? outlookRouteId(url);
  if (!threadId) return unreadable(href, 'no conversation id in the address or on the selected message');
  if (people.size === 0) {
    // Also the moment between the route change and Outlook drawing the conversation: the caller reads again.
    const looked = [...OUTLOOK.readContainer, ...OUTLOOK.sender].join(', ');
    return unreadable(href, 'no open message with a sender found', looked);
  }
  const heading = queryFirst(scope, OUTLOOK.subject);
  const subject = squash(heading?.getAttribute('title') || heading?.textContent || '').slice(0, 300);
  return {
    host: 'outlook',
    kind: 'thread',
    url: href,
    threadId,
    subject,
    people: people.list(),
    ...(user.email ? { userEmail: user.email } : {}),
    shown: { messages: messageEls.length, open },
  };
}

/** What the conversation's last messages say, with who wrote them to whom and when (as the page writes it). */
export function readOutlookMessages(url: PageUrl, doc: Document): PageMessage[] {
  const parts = conversationParts(url, doc);
  if (!parts) return [];
  return parts.messageEls.slice(-OUTLOOK_LIMITS.messages).map((el) => {
    const from = senderOf(el);
    const to = recipientsOf(el, parts.user);
    const body = queryFirst(el, OUTLOOK.body);
    const text = body
      ? blockText(body, OUTLOOK_LIMITS.bodyChars, OUTLOOK_MESSAGE.bodySkip)
      : shortText(queryFirst(el, OUTLOOK_MESSAGE.preview), OUTLOOK_LIMITS.bodyChars);
    const message: PageMessage = { text };
    if (from) message.from = from;
    if (to.length) message.to = to;
    const sent = sentOf(el);
    if (sent) message.sent = sent;
    return message;
  });
}

function unreadable(url: string, why: string, looked?: string): PageContext {
  const reason = `Outlook's reading pane could not be read: ${why}`;
  return { host: 'outlook', kind: 'unreadable', url, reason, ...(looked ? { looked: looked.slice(0, 500) } : {}) };
}

/**
 * The conversation id: on the list row selected for the open conversation (the pane carries none in
 * the captured builds), else on the pane itself. A pop-out window has no list: the route id then.
 */
function conversationIdOf(doc: Document, scope: Element | Document): string | null {
  const row = queryFirst(doc, OUTLOOK.selectedRow) ?? scope.querySelector(OUTLOOK.conversationId);
  const id = row?.getAttribute('data-convid')?.trim();
  return id && id.length <= 600 ? id : null;
}

interface User {
  name?: string;
  email?: string;
}

/** The signed-in user, whom recipient wells show as "You" with the display name in the label. */
function userOf(doc: Document): User {
  const button = queryFirst(doc, OUTLOOK.accountButton);
  const label = button?.getAttribute('aria-label') ?? button?.getAttribute('title') ?? '';
  const name = label.match(/^Account manager for (.+)$/)?.[1]?.trim();
  let email = firstEmailIn(label);
  for (const selector of OUTLOOK.accountEmail) {
    if (email) break;
    const el = doc.querySelector(selector);
    email = firstEmailIn(el?.getAttribute('aria-label') ?? el?.id.replace(/^primaryMailboxRoot_/, ''));
  }
  return { name: name && !name.includes('@') ? name.slice(0, 120) : undefined, email };
}

/** "Outlook Team<no-reply@microsoft.com>" in the text, "From: Outlook Team" in the label, or the name alone. */
function senderOf(messageEl: Element): Person | undefined {
  const el = queryFirst(messageEl, OUTLOOK.sender);
  if (!el) return undefined;
  const text = squash(el.textContent ?? '').slice(0, 400);
  const email = firstEmailIn(text.match(/<([^<>]+)>/)?.[1] ?? text);
  const labelled = (el.getAttribute('aria-label') ?? '').replace(/^From: /, '');
  const name = cleanName(text.replace(/<[^<>]*>/g, '')) ?? cleanName(labelled);
  if (!email && !name) return undefined;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

/** Recipients by display name, as the wells show them; the user ("You") gets the user's own address. */
function recipientsOf(messageEl: Element, user: User): Person[] {
  const out = new PeopleSet();
  for (const well of queryAllFirst(messageEl, OUTLOOK.recipientWell)) {
    const entries = queryAllFirst(well, OUTLOOK.recipient);
    const names = entries.length
      ? entries.map((e) => ({ name: e.getAttribute('aria-label') ?? '', you: squash(e.textContent ?? '') === 'You' }))
      : (well.getAttribute('aria-label') ?? '')
          .replace(/^(To|Cc|Bcc): ?/, '')
          .split(';')
          .map((name) => ({ name, you: false }));
    for (const { name: raw, you } of names) {
      const name = cleanName(raw);
      if (!name || out.size >= OUTLOOK_LIMITS.recipients) continue;
      const isUser = you || (!!user.name && name === user.name);
      out.add(isUser && user.email ? { name, email: user.email } : { name });
    }
  }
  return out.list();
}

function cleanName(raw: string | null | undefined): string | undefined {
  const name = raw
    ? squash(raw)
        .replace(/^(To|Cc|From):\s*/, '')
        .slice(0, 120)
    : '';
  return name && !name.includes('@') ? name : undefined;
}

/** The header's sent time: its title, else its text ("Wed 4/30/2025 3:03 PM"), with the page's language. */
function sentOf(messageEl: Element): PageTime | undefined {
  const el = queryFirst(messageEl, OUTLOOK_MESSAGE.sentAt);
  const title = el?.getAttribute('title')?.trim().slice(0, 100);
  const text = title && /\d:\d\d/.test(title) ? title : shortText(el, 100);
  if (!text) return undefined;
  const lang = el!.ownerDocument.documentElement.lang;
  return { host: 'outlook', text, ...(lang ? { lang } : {}) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** When the message holding `node` (e.g. the user's selection) was sent, as the pane writes it. */
export function outlookSentOfNode(node: Node | null): PageTime | undefined {
  const el = node instanceof Element ? node : node?.parentElement;
  if (!el) return undefined;
  const message = el.closest(OUTLOOK.message.join(',')) ?? el.closest(OUTLOOK.readContainer.join(','));
  return message ? sentOf(message) : undefined;
}

export const outlookAdapter: HostAdapter = {
  host: 'outlook',
  isHost: (url) => url.protocol === 'https:' && HOSTNAMES.has(url.hostname) && url.pathname.startsWith('/mail/'),
  read: readOutlook,
  messagesModule: '/outlook-messages.js',
};

/** Loaded apart from the adapter, when asked (HostAdapter.messagesModule). */
export const outlookMessageReader: MessageReader = { read: readOutlookMessages, sentOfNode: outlookSentOfNode };
