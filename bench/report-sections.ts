/**
 * Bench parts that run on their own (BENCH_PARTS=…) own a marked section of docs/performance.md:
 * a run replaces its section and leaves the others' figures as they were.
 */
export interface MarkedSection {
  start: string;
  end: string;
  /** Headings to put a new section before, first found wins; else it goes at the end. */
  before: readonly string[];
}

/** Replaces the marked section of an existing report, or puts it before the first heading found. */
export function spliceSection(markdown: string, section: string, marks: MarkedSection): string {
  const start = markdown.indexOf(marks.start);
  const end = markdown.indexOf(marks.end);
  if (start >= 0 && end > start) return `${markdown.slice(0, start)}${section}${markdown.slice(end + marks.end.length)}`;
  const at = marks.before.map((heading) => markdown.indexOf(heading)).find((i) => i >= 0);
  return at !== undefined ? `${markdown.slice(0, at)}${section}\n\n${markdown.slice(at)}` : `${markdown.trimEnd()}\n\n${section}\n`;
}

/**
 * Notes written by hand in docs/performance.md (what a round changed, figures from before, traces),
 * between `<!-- notes: name -->` and `<!-- /notes: name -->`. A full run renders the file afresh and
 * would drop them: each is carried over, after the line it follows (`after`), else before a heading.
 */
export interface HandNotes {
  name: string;
  after?: string;
  before?: string;
}

export const HAND_NOTES: readonly HandNotes[] = [
  { name: 'cold open', after: '<!-- /cold bench -->' },
  { name: 'content script', after: '<!-- /content bench -->' },
  { name: 'imports', before: '## (d)' },
];

const notesMarks = (name: string) => ({ start: `<!-- notes: ${name} -->`, end: `<!-- /notes: ${name} -->` });

/** `next` with every notes block of `previous` it lacks, each where its anchor puts it. */
export function keepHandNotes(previous: string, next: string, notes: readonly HandNotes[] = HAND_NOTES): string {
  let out = next;
  for (const note of notes) {
    const { start, end } = notesMarks(note.name);
    const from = previous.indexOf(start);
    const to = previous.indexOf(end);
    if (from < 0 || to < from || out.includes(start)) continue;
    const block = previous.slice(from, to + end.length);
    const after = note.after ? out.indexOf(note.after) : -1;
    const before = note.before ? out.indexOf(note.before) : -1;
    if (after >= 0) {
      const at = after + note.after!.length;
      out = `${out.slice(0, at)}\n\n${block}${out.slice(at)}`;
    } else if (before >= 0) out = `${out.slice(0, before)}${block}\n\n${out.slice(before)}`;
    else out = `${out.trimEnd()}\n\n${block}\n`;
  }
  return out;
}
