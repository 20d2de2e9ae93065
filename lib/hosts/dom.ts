/**
 * DOM helpers shared by the adapters. They run on every navigation of the host page, so they
 * avoid anything that forces layout (innerText, getComputedStyle) and read bounded amounts.
 */

type Root = Document | Element;

/** First element matching any of the selectors, tried in order (newest DOM first, then fallbacks). */
export function queryFirst(root: Root, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

/** All elements matching the first selector that matches anything. */
export function queryAllFirst(root: Root, selectors: readonly string[]): Element[] {
  for (const s of selectors) {
    const found = root.querySelectorAll(s);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Whitespace-squashed text of an element, cut to `max` characters. */
export function shortText(el: Element | null | undefined, max = 300): string {
  if (!el) return '';
  return squash((el.textContent ?? '').slice(0, max * 4)).slice(0, max);
}

const BLOCK_TAGS = new Set(['DIV', 'P', 'BR', 'LI', 'TR', 'TD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'UL', 'OL', 'PRE', 'HR']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BLOCKQUOTE']);

/**
 * Readable text of a message body without layout reads: block elements become line breaks (which
 * textContent would lose, gluing sentences together), quoted history and anything matching
 * `skip` are left out, and the walk stops once `max` characters are collected.
 */
export function blockText(el: Element, max: number, skip?: string): string {
  const doc = el.ownerDocument;
  // 1 | 4 = SHOW_ELEMENT | SHOW_TEXT; the numbers keep this independent of a global NodeFilter.
  const walker = doc.createTreeWalker(el, 1 | 4);
  let out = '';
  let node: Node | null = walker.nextNode();
  while (node && out.length < max) {
    if (node.nodeType === 1) {
      const child = node as Element;
      if (SKIP_TAGS.has(child.tagName) || (skip && child.matches(skip))) {
        node = skipSubtree(walker);
        continue;
      }
      if (BLOCK_TAGS.has(child.tagName)) out += '\n';
    } else {
      out += node.nodeValue ?? '';
    }
    node = walker.nextNode();
  }
  return out
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim()
    .slice(0, max);
}

function skipSubtree(walker: TreeWalker): Node | null {
  let n: Node | null = walker.currentNode;
  while (n) {
    const next = walker.nextSibling();
    if (next) return next;
    n = walker.parentNode();
  }
  return null;
}

export function firstEmailIn(s: string | null | undefined): string | undefined {
  const m = s?.match(/[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
  return m ? m[0].toLowerCase() : undefined;
}
