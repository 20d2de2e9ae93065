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
