/**
 * Outlook on the web adapter: (URL, Document) -> PageContext. Which conversation is open comes from
 * the route (/mail/inbox/id/<id>) and the list row's data-convid; what it says comes from the reading
 * pane through the selectors in outlook-selectors.ts. The list alone and a compose form are no thread.
 */
import { blockText, firstEmailIn, queryAllFirst, queryFirst, shortText, squash } from './dom';
import type { HostAdapter } from './adapter';
import { parseOutlookDate } from './outlook-date';
import { OUTLOOK } from './outlook-selectors';
import { PeopleSet } from './people';
import type { PageContext, Person, ThreadMessage } from './types';

/** Bounds that keep a read under a millisecond on long conversations. */
export const OUTLOOK_LIMITS = { messages: 10, bodyChars: 4000, recipients: 100 } as const;

const HOSTNAMES = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);

/**
 * The item or conversation id in a mail route: /mail/id/<id>, /mail/inbox/id/<id>,
 * /mail/0/archive/id/<id>, /mail/deeplink/read/<id> (the pop-out). Else null: a folder, search or compose.
 */
export function outlookRouteId(url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0] !== 'mail') return null;
  const at = segments.findIndex((s, i) => i > 0 && (s === 'id' || (s === 'read' && segments[i - 1] === 'deeplink')));
  const raw = at > 0 ? segments[at + 1] : undefined;
  if (!raw) return null;
  const id = safeDecode(raw);
  // Exchange ids are base64 (AAQkAD…, AQMkADAw…=): anything else is not an id.
  return /^[A-Za-z0-9+/=_-]{16,600}$/.test(id) ? id : null;
}

export function readOutlook(url: URL, doc: Document): PageContext {
  const href = url.href;
  const routeId = outlookRouteId(url);
  const pane = queryFirst(doc, OUTLOOK.readingPane);
  const reading = queryFirst(pane ?? doc, OUTLOOK.readContainer);
  // Compose shares the reading pane with an open message; only an open message is a thread.
  if (!reading && (!routeId || queryFirst(pane ?? doc, OUTLOOK.compose))) return { host: 'outlook', kind: 'list', url: href };
  const scope = reading ?? pane ?? doc.body ?? doc;

  const user = userOf(doc);
  const lang = doc.documentElement.lang;
  const cards = queryAllFirst(scope, OUTLOOK.message);
  // Message view has no cards: the open container is the one message.
  const messageEls = cards.length ? cards : [scope];
  const people = new PeopleSet();
  const messages: ThreadMessage[] = [];
  messageEls.forEach((el, i) => {
    const from = senderOf(el);
    const to = recipientsOf(el, user);
    people.add(from);
    to.forEach((p) => people.add(p));
    if (i < messageEls.length - OUTLOOK_LIMITS.messages) return;
    const body = queryFirst(el, OUTLOOK.body);
    const text = body
      ? blockText(body, OUTLOOK_LIMITS.bodyChars, OUTLOOK.bodySkip)
      : shortText(queryFirst(el, OUTLOOK.preview), OUTLOOK_LIMITS.bodyChars);
    const message: ThreadMessage = { text };
    if (from) message.from = from;
    if (to.length) message.to = to;
    const sentAt = sentAtOf(el, lang);
    if (sentAt) message.sentAt = sentAt;
    messages.push(message);
  });

  const threadId = conversationIdOf(doc, scope) ?? routeId;
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
    messages,
  };
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

function sentAtOf(messageEl: Element, lang: string): string | undefined {
  const el = queryFirst(messageEl, OUTLOOK.sentAt);
  if (!el) return undefined;
  return parseOutlookDate(el.getAttribute('title') ?? '', lang) ?? parseOutlookDate(shortText(el, 100), lang);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** When the message holding `node` (e.g. the user's selection) was sent, if the pane shows it. */
export function outlookSentAtOfNode(node: Node | null): string | undefined {
  const el = node instanceof Element ? node : node?.parentElement;
  if (!el) return undefined;
  const message = el.closest(OUTLOOK.message.join(',')) ?? el.closest(OUTLOOK.readContainer.join(','));
  return message ? sentAtOf(message, el.ownerDocument.documentElement.lang) : undefined;
}

export const outlookAdapter: HostAdapter = {
  host: 'outlook',
  isHost: (url) => url.protocol === 'https:' && HOSTNAMES.has(url.hostname) && url.pathname.startsWith('/mail/'),
  read: readOutlook,
  sentAtOfNode: outlookSentAtOfNode,
};
