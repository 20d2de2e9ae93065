/** The book's section of docs/performance.md: written by the whole run, or alone by BENCH_PARTS=book. */
import type { BookBench } from './book';
import { ms, seconds } from './stats';
import { spliceSection } from './report-sections';

export const BOOK_SECTION_START = '<!-- book bench -->';
export const BOOK_SECTION_END = '<!-- /book bench -->';

const TARGETS = { firstRows: 300, filter: 100, oneAccount: 50 };
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

/** `load`: the machine's 1-minute load average at the start of the run and its highest during it (2 cores). */
export function renderBookSection(b: BookBench, date: string, load?: { start: number; max: number }): string {
  const lines = [
    BOOK_SECTION_START,
    '',
    `## (e) My book at ${b.accounts.toLocaleString('en')} accounts, ${b.contacts.toLocaleString('en')} contacts`,
    '',
  ];
  lines.push(`_Measured ${date}._`, '');
  if (load)
    lines.push(
      `Load average (1 min) ${load.start.toFixed(1)} at the start, up to ${load.max.toFixed(1)} during the run, on 2 cores: above 2, other work shared them and every figure is slower than alone.`,
      '',
    );
  lines.push('| Figure | n | p50 | p95 | max | Target |', '|---|---|---|---|---|---|');
  const row = (label: string, s: BookBench['firstRows'], target: number) =>
    `| ${label} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | p95 < ${target} ms: ${met(s.p95 < target)} |`;
  lines.push(row('book.html opened → first account rows in the DOM (warm cache)', b.firstRows, TARGETS.firstRows));
  lines.push(
    `| of which book.html's own start-up (DOMContentLoaded: its entry script run and the first request sent; React loads after it) | ${b.pageReady.n} | ${ms(b.pageReady.p50)} | ${ms(b.pageReady.p95)} | ${ms(b.pageReady.max)} | |`,
  );
  lines.push(
    `| book.html opened right after the service worker was stopped → first account rows | ${b.coldFirstRows.n} | ${ms(b.coldFirstRows.p50)} | ${ms(b.coldFirstRows.p95)} | ${ms(b.coldFirstRows.max)} | |`,
  );
  lines.push(row('Filter "At risk" toggled → the new count shown and painted', b.filterChange, TARGETS.filter));
  lines.push(row('One commitment changed → book.query answers with that account recomputed', b.oneAccountChange, TARGETS.oneAccount));
  lines.push(
    `| of which the commitment.update round trip | ${b.changeWrite.n} | ${ms(b.changeWrite.p50)} | ${ms(b.changeWrite.p95)} | ${ms(b.changeWrite.max)} | |`,
  );
  lines.push(
    `| book.query alone (ranked, first 100 rows) | ${b.queryAlone.n} | ${ms(b.queryAlone.p50)} | ${ms(b.queryAlone.p95)} | ${ms(b.queryAlone.max)} | |`,
  );
  lines.push('');
  lines.push(`- Whole insights cache built (every account read a chunk of 1,000 at a time, judged, written): ${seconds(b.fullBuildMs)}.`);
  lines.push(`- Book seeded straight into IndexedDB from an extension page in ${seconds(b.seedMs)} (the import is timed above).`);
  lines.push(
    '- First rows: a new tab opens book.html; a mutation observer added before the page\'s own scripts notes the page\'s `performance.now()` (navigation start = 0) as the first `[role="row"][data-account-id]` enters the DOM (until 2 Dec 2026 Playwright read it after its own look for the row, a task or more later: the page now loads React right after drawing its first rows, and that read waited for it). The first of six opens is left out (warm-up). The worker is warm (the requests above just ran); the stopped-worker opens come after, each with the worker stopped over CDP first: they time its start and the opening answer kept from the last one (lib/book/first-screen.ts), not a read of every cached row.',
    '- Filter change: in the page, a click on the "At risk" checkbox, then until the status line\'s text changes, plus one animation frame.',
    "- One-account change: `commitment.update` (one commitment's text) and then `book.query`, round trips from an empty extension page (added to the bench's copy of the build, so the requesting page fetches nothing itself after the change); the background recomputes only that account, in place in the ranked order.",
    '',
    BOOK_SECTION_END,
  );
  return lines.join('\n');
}

/** Replaces the book section of an existing report, or puts it in place. */
export function spliceBookSection(markdown: string, section: string): string {
  return spliceSection(markdown, section, { start: BOOK_SECTION_START, end: BOOK_SECTION_END, before: ['## How measured'] });
}
