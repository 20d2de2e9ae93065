/**
 * Who is on a Gmail thread: people come only from message headers, hovercards and avatars, never
 * from what a message says. An email's own HTML can carry `<span email="ceo@rival.com">` (or a
 * whole pasted Gmail header); counting it would match the page to the wrong account.
 */
import { squash } from './dom';
import { GMAIL } from './gmail-selectors';
import type { Person } from './types';

/**
 * Where a thread's content is (message bodies, quoted history, thread-list rows), and who each person hook
 * outside it names: worked out once per hook in a read, though the sender, recipient and participant passes
 * meet the same hooks (on every thread swap, each DOM call costs more than the read's own logic).
 * `bodies`: those found by a selector other than Gmail's own body classes, which notParticipant covers.
 */
export function contentAreas(bodies: Element[]) {
  // Per hook: false when it is content, else the person it names, if any.
  const hooks = new Map<Element, Person | undefined | false>();
  const hook = (el: Element) => {
    if (!hooks.has(el)) hooks.set(el, el.closest(GMAIL.notParticipant) || bodies.some((b) => b.contains(el)) ? false : personOf(el));
    return hooks.get(el);
  };
  /** Elements under `root` matching `selector` that are people chips, not content. */
  const outside = (root: Document | Element, selector: string, limit = Infinity): Element[] => {
    const out: Element[] = [];
    for (const el of Array.from(root.querySelectorAll(selector))) {
      if (out.length >= limit) break;
      if (hook(el) !== false) out.push(el);
    }
    return out;
  };
  return {
    outside,
    /** The first element outside content matching any of `selectors`, tried in order. */
    firstOutside(root: Document | Element, selectors: readonly string[]): Element | null {
      for (const s of selectors) {
        const [el] = outside(root, s, 1);
        if (el) return el;
      }
      return null;
    },
    /** The person a hook outside content names. */
    person: (el: Element | null): Person | undefined => (el && hook(el)) || undefined,
  };
}

export type ContentAreas = ReturnType<typeof contentAreas>;

/** A person chip: span[email][name] in headers, or the avatar img.ajn[jid][data-name]. */
export function personOf(el: Element | null): Person | undefined {
  if (!el) return undefined;
  const email = (el.getAttribute('email') ?? el.getAttribute('jid'))?.trim().toLowerCase();
  if (!email || !email.includes('@')) return undefined;
  const name = cleanName(el.getAttribute('name')) ?? cleanName(el.getAttribute('data-name')) ?? cleanName(el.textContent);
  return name ? { name, email } : { email };
}

/**
 * Gmail labels the signed-in user "me" in the UI language (`name="我"` in a 2016 zh-CN capture)
 * and sometimes repeats the address as the name. Only words that are no one's given name are here.
 */
const ME_LABELS = new Set(['me', '我', '自分', '나', 'я', 'moi', 'ich']);

function cleanName(raw: string | null | undefined): string | undefined {
  const name = raw ? squash(raw).slice(0, 120) : '';
  if (!name || ME_LABELS.has(name.toLowerCase()) || name.includes('@')) return undefined;
  return name;
}

/** The recipients in one message's header, without the sender. */
export function recipientsOf(messageEl: Element, from: Person | undefined, content: ContentAreas): Person[] {
  let els = content.outside(messageEl, GMAIL.recipient);
  // Without the recipient class, every other hovercard in the message header is a recipient.
  if (els.length === 0) els = content.outside(messageEl, '[email]');
  const seen = new Set(from ? [from.email] : []);
  const out: Person[] = [];
  for (const el of els) {
    const p = content.person(el);
    if (p && !seen.has(p.email)) {
      seen.add(p.email);
      out.push(p);
    }
  }
  return out;
}
