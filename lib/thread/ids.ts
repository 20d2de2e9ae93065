/** Stable ids for what is found in a thread: the same sentence in the same thread gets the same id on every read. */

/** FNV-1a, 32 bits: short, stable across runs and machines, and enough to tell sentences of one thread apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function suggestionId(threadId: string, text: string): string {
  return `s-${fnv1a(`${threadId}|${normalise(text)}`)}${fnv1a(`${normalise(text)}|${threadId}`)}`;
}

/** The commitment a suggestion is logged as: logging twice finds the same record, and the sidebar sees it as logged. */
export function commitmentIdOf(suggestion: string): string {
  return `c-${suggestion}`;
}

/** The touch a thread is logged as, one per thread. */
export function touchIdOf(threadId: string): string {
  return `t-email-${fnv1a(threadId)}${fnv1a(`${threadId}|touch`)}`;
}

export function feedbackIdOf(threadId: string, text: string): string {
  return `f-${fnv1a(`${threadId}|${normalise(text)}`)}${fnv1a(`${normalise(text)}|${threadId}`)}`;
}
