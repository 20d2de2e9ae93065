/**
 * `npm run bench`: speed figures in real Chromium with the built extension. Prints them and
 * overwrites docs/performance.md. Figures only, no pass/fail: timed assertions flake on shared machines.
 *
 * BENCH_SIZES=1000,10000 skips the 100k-account book (its import is most of the run);
 * BENCH_PARTS=book runs only the book bench (BENCH_BOOK accounts, 100k by default) and replaces its
 * section of docs/performance.md;
 * BENCH_PARTS=sync runs only the CRM sync bench (BENCH_SYNC_COMPANIES companies, 10,000 by default, 10 contacts
 * each) and replaces its section; BENCH_PARTS=cold runs only the cold open against a bare extension
 * (BENCH_COLD_BOOK accounts, 1k by default; BENCH_COLD_OPENS opens each) and replaces its section;
 * BENCH_PARTS=import runs only the imports of BENCH_SIZES and the import target (the bare put rate and
 * a glance against a bare look-up after the largest) and prints them, leaving docs/performance.md alone.
 * BENCH_PARTS=content runs only the content script's figures (size, per thread swap, BENCH_CONTENT_LOADS page
 * loads) on the sample book and replaces its section;
 * BENCH_MAIN_BOOK sets the book of the host-page figures (10000); BENCH_BUSY_BOOK the book imported
 * while a sidebar keeps looking up (the largest size; 100k accounts = 1M contacts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchGlance, loadSampleBook, ROOT, serveHost, type Glance } from '../tests/e2e/harness.mjs';
import { writeBook, type BookFile } from './books';
import { ACME_GMAIL_CONTEXT, ACME_SALESFORCE_CONTEXT, UNKNOWN_GMAIL_CONTEXT } from './contexts';
import { measureContentCost, measureContentStartup, measureSwaps, openGmail, type GmailSession } from './glance';
import { lookupsDuringImport } from './busy';
import { timeExport } from './export';
import { openOptions, timeImport } from './import';
import { launchSnapshot, QUIET_PAGE, snapshotExtension } from './launch';
import { keepHandNotes } from './report-sections';
import { matchCase, timeRequests, type RequestCase } from './lookup';
import { describeMachine, load } from './machine';
import { importTargetLines, renderMarkdown, type BenchResults, type LookupRow } from './report';
import { perSecond, timeBarePut, timeGlanceVersusBare, waitForInsightsPass, type ImportYardsticks } from './import-rates';
import { ms, seconds } from './stats';
import { benchThreadReading } from './thread';
import { benchBook, type BookBench } from './book';
import { renderBookSection, spliceBookSection } from './book-report';
import { spliceSyncSection, syncSection } from './sync-report';
import { benchCold } from './cold';
import { writeBareExtension } from './cold-bare';
import { renderColdSection, spliceColdSection } from './cold-report';
import {
  contentScriptSizes,
  renderContentSection,
  spliceContentSection,
  TRACED_READER,
  TRACED_SCRIPT,
  type ContentBench,
} from './content-report';
import type { PageContext } from '../lib/hosts/types';

const MAIN_BOOK = Number(process.env.BENCH_MAIN_BOOK ?? 10_000);
const CONTACTS_PER_ACCOUNT = 10;
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const LARGEST = SIZES[SIZES.length - 1]!;
const BUSY_BOOK = Number(process.env.BENCH_BUSY_BOOK ?? SIZES[SIZES.length - 1]);
const BOOK_ACCOUNTS = Number(process.env.BENCH_BOOK ?? 100_000);
const ONLY_BOOK = process.env.BENCH_PARTS === 'book';
const ONLY_SYNC = process.env.BENCH_PARTS === 'sync';
const ONLY_COLD = process.env.BENCH_PARTS === 'cold';
const ONLY_CONTENT = process.env.BENCH_PARTS === 'content';
const ONLY_IMPORT = process.env.BENCH_PARTS === 'import';
const COLD_BOOK = Number(process.env.BENCH_COLD_BOOK ?? 1_000);
const COLD_OPENS = Number(process.env.BENCH_COLD_OPENS ?? 30);
const SWAPS = 60;
const CONTENT_SWAPS = 50;
const CONTENT_LOADS = Number(process.env.BENCH_CONTENT_LOADS ?? 10);
const CALLS = 200;
const WARMUP = 20;
const started = Date.now();
let loadMax = load();
const sampleLoad = setInterval(() => (loadMax = Math.max(loadMax, load())), 2_000);
const log = (message: string) => console.log(`[bench ${seconds(Date.now() - started).padStart(7)}] ${message}`);

function requestCases(gmailContext: PageContext): RequestCase[] {
  return [
    matchCase('page.match Gmail thread (Acme)', gmailContext, { matchStatus: 'matched', matchedAccountId: 'sample-acme' }),
    matchCase('page.match Salesforce Account record (Acme)', ACME_SALESFORCE_CONTEXT, {
      matchStatus: 'matched',
      matchedAccountId: 'sample-acme',
    }),
    matchCase('page.match Gmail thread, unknown domain (look-up only)', UNKNOWN_GMAIL_CONTEXT, { matchStatus: 'none' }),
    {
      label: 'account.view (Acme; the view alone)',
      type: 'account.view',
      payload: { accountId: 'sample-acme' },
      expect: { viewAccountId: 'sample-acme' },
    },
    { label: 'settings.get (round trip + one small IDB read)', type: 'settings.get', payload: {}, expect: {} },
  ];
}

async function withGlance<T>(extensionDir: string, run: (glance: Glance) => Promise<T>): Promise<T> {
  const glance = await launchSnapshot(extensionDir);
  try {
    return await run(glance);
  } finally {
    await glance.close();
  }
}

async function main() {
  if (!existsSync(join(EXTENSION_DIR, TRACED_SCRIPT)))
    throw new Error(`${EXTENSION_DIR} has no ${TRACED_SCRIPT}: run \`npx wxt build\` first (npm run bench does).`);
  const dir = mkdtempSync(join(tmpdir(), 'glance-bench-'));
  const extensionDir = snapshotExtension(dir);
  const machine = describeMachine();
  const build = buildSource();
  const loadBefore = load();
  log(`${machine.cpu}, ${machine.cores} cores, ${machine.chromium}, Node ${machine.node}; load ${loadBefore.toFixed(1)}`);

  const thread = benchThreadReading();
  log(
    `found in this email, ${thread.threads} labelled threads: precision ${thread.precision.toFixed(3)}, recall ${thread.recall.toFixed(3)}, owner ${thread.ownerAccuracy.toFixed(3)}, due ${thread.dueAccuracy.toFixed(3)}; read p50 ${ms(thread.readMs.p50, 3)}, p95 ${ms(thread.readMs.p95, 3)}`,
  );
  const runBook = () =>
    withGlance(extensionDir, async (glance): Promise<BookBench> => {
      log(`book bench: ${BOOK_ACCOUNTS} accounts, ${CONTACTS_PER_ACCOUNT} contacts each`);
      const book = await benchBook(glance, BOOK_ACCOUNTS, CONTACTS_PER_ACCOUNT, log);
      log(
        `  book first rows p50 ${ms(book.firstRows.p50)}, p95 ${ms(book.firstRows.p95)}; filter change p50 ${ms(book.filterChange.p50)}, p95 ${ms(book.filterChange.p95)}; one-account change p50 ${ms(book.oneAccountChange.p50)}, p95 ${ms(book.oneAccountChange.p95)}; full cache build ${seconds(book.fullBuildMs)}`,
      );
      return book;
    });
  const stamp = () =>
    new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC');

  const runCold = () => {
    const book = writeBook(dir, COLD_BOOK, CONTACTS_PER_ACCOUNT, new Date());
    const bareDir = writeBareExtension(dir);
    log(`cold open: ${COLD_OPENS} new tabs each for Glance and a bare extension, ${COLD_BOOK} accounts`);
    return benchCold({
      glanceDir: extensionDir,
      bareDir,
      bookPath: book.path,
      opens: COLD_OPENS,
      stoppedOpens: Math.ceil(COLD_OPENS / 3),
      log,
    });
  };

  /** The content script's figures on an open Gmail session whose sidebar shows Acme. */
  const contentFigures = async (glance: Glance, session: GmailSession): Promise<ContentBench> => {
    const before = load();
    const scriptUrl = [glance.url(TRACED_SCRIPT), TRACED_READER];
    const perSwap = await measureContentCost(session, scriptUrl, CONTENT_SWAPS);
    log(
      `content script per swap: CPU mean ${ms(perSwap.cpuPerSwap.mean, 3)}, p95 ${ms(perSwap.cpuPerSwap.p95, 3)}; wall mean ${ms(perSwap.perSwap.mean, 3)}, p95 ${ms(perSwap.perSwap.p95, 3)}`,
    );
    await session.page.close();
    const startup = await measureContentStartup(glance, scriptUrl, CONTENT_LOADS);
    log(
      `content script on page load (${startup.loads} loads): CPU p50 ${ms(startup.cpu.p50, 2)}, p95 ${ms(startup.cpu.p95, 2)}; wall p50 ${ms(startup.wall.p50, 2)}, p95 ${ms(startup.wall.p95, 2)}; first load ${ms(startup.first.cpuMs, 2)} CPU`,
    );
    // The floor, in the same minutes: a content script that only reads the sender and mounts an iframe,
    // at once (in its first run) and once the page has drawn (as Glance does, after its storage read).
    const bareStartup = async (afterPaint: boolean) => {
      const bare = await launchGlance({ extensionDir: writeBareExtension(dir, { afterPaint }) });
      try {
        await serveHost(bare.context, 'https://mail.google.com/**', 'hosts/gmail-app.html');
        const figures = await measureContentStartup(bare, bare.url('content.js'), CONTENT_LOADS, {
          framePath: '/frame.html',
          selector: '[data-match]',
        });
        log(
          `bare content script${afterPaint ? ' after paint' : ''} on page load: CPU p50 ${ms(figures.cpu.p50, 2)}, p95 ${ms(figures.cpu.p95, 2)}`,
        );
        return figures;
      } finally {
        await bare.close();
      }
    };
    const bare = await bareStartup(false);
    const bareAfterPaint = await bareStartup(true);
    return { scripts: contentScriptSizes(extensionDir), perSwap, startup, bare, bareAfterPaint, load: { before, after: load() } };
  };
  const runContent = () =>
    withGlance(extensionDir, async (glance) => {
      await loadSampleBook(glance);
      const session = await openGmail(glance);
      await measureSwaps(session, 10, true); // warm-up: JIT, first renders
      return contentFigures(glance, session);
    });

  if (ONLY_BOOK || ONLY_COLD || ONLY_CONTENT) {
    try {
      const [section, splice, name] = ONLY_BOOK
        ? [renderBookSection(await runBook(), stamp(), { start: loadBefore, max: loadMax }), spliceBookSection, 'book']
        : ONLY_COLD
          ? [renderColdSection(await runCold(), stamp()), spliceColdSection, 'cold open']
          : [renderContentSection(await runContent(), stamp()), spliceContentSection, 'content script'];
      const path = join(ROOT, 'docs/performance.md');
      writeFileSync(path, `${splice(existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n', section).trimEnd()}\n`);
      console.log(`\n${section}`);
      log(`wrote the ${name} section of docs/performance.md`);
    } finally {
      clearInterval(sampleLoad);
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }

  if (ONLY_SYNC) {
    try {
      const section = await syncSection(extensionDir, build.commit, stamp, log);
      const path = join(ROOT, 'docs/performance.md');
      writeFileSync(path, `${spliceSyncSection(existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n', section).trimEnd()}\n`);
      console.log(`\n${section}`);
      log('wrote the sync section of docs/performance.md');
    } finally {
      clearInterval(sampleLoad);
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }

  try {
    const books = new Map<number, BookFile>();
    for (const n of new Set([...SIZES, MAIN_BOOK])) {
      const book = writeBook(dir, n, CONTACTS_PER_ACCOUNT, new Date());
      books.set(n, book);
      log(`book ${n} accounts: ${book.contacts} contacts, ${(book.bytes / 2 ** 20).toFixed(0)} MiB, written in ${ms(book.generateMs, 0)}`);
    }

    const imports: BenchResults['imports'] = [];
    const lookups = new Map<string, LookupRow>();
    const record = (size: number, label: string, summary: LookupRow['bySize'] extends Map<number, infer S> ? S : never) => {
      const row = lookups.get(label) ?? { label, bySize: new Map() };
      row.bySize.set(size, summary);
      lookups.set(label, row);
      log(`  ${label} @ ${size}: p50 ${ms(summary.p50, 2)}, p95 ${ms(summary.p95, 2)}`);
    };
    const runLookups = async (glance: Glance, size: number, gmailContext: PageContext) => {
      const page = await openOptions(glance);
      // The look-ups of a settled book: the pass that judges a just-imported book (a minute at 100k
      // accounts) takes the background's thread in turns, and is timed with the import in (d).
      await waitForInsightsPass(page);
      for (const request of requestCases(gmailContext)) record(size, request.label, await timeRequests(page, request, CALLS, WARMUP));
      await page.close();
    };
    const busy: BenchResults['busy'] = [];
    const exports: BenchResults['exports'] = [];
    const importBook = async (glance: Glance, size: number) => {
      const book = books.get(size)!;
      // A 100k-account import takes minutes on a busy two-core machine.
      let timing;
      if (size === BUSY_BOOK) {
        const during = await lookupsDuringImport(glance, book.path, gmailContext, 30 * 60_000);
        timing = during.timing;
        busy.push({ accounts: book.accounts, contacts: book.contacts, ...during });
        log(
          `  page.match while importing ${size}: p50 ${ms(during.whole.p50)}, p95 ${ms(during.whole.p95)}, max ${ms(during.whole.max)} (${during.whole.n} look-ups, ${during.errors} errors); during the commit p95 ${ms(during.duringWrite.p95)}, max ${ms(during.duringWrite.max)}`,
        );
      } else {
        const page = await openOptions(glance);
        timing = await timeImport(page, book.path, 20 * 60_000);
        await page.close();
      }
      imports.push({ accounts: book.accounts, contacts: book.contacts, records: book.records, bytes: book.bytes, timing });
      log(
        `import ${size}: ${seconds(timing.totalMs)} (read ${seconds(timing.readMs)}, check ${seconds(timing.checkMs)}, write ${seconds(timing.writeMs)}) — ${timing.status}`,
      );
    };
    let importYardsticks: ImportYardsticks | undefined;
    /** After the largest import: the bare put rate of its contacts and a glance against a bare look-up, in this browser. */
    const measureYardsticks = async (glance: Glance, size: number) => {
      const book = books.get(size)!;
      const timing = imports.find((i) => i.accounts === book.accounts)!.timing;
      const page = await openOptions(glance);
      // The glance is timed as a CSM meets it after an import: once the background has judged the
      // imported book (the pass the import set off), from a page that does nothing else.
      const quiet = await glance.context.newPage();
      try {
        await quiet.goto(glance.url(QUIET_PAGE));
        await waitForInsightsPass(quiet);
        const glanceVsBare = await timeGlanceVersusBare(quiet, requestCases(gmailContext)[0]!, CALLS, WARMUP);
        const bare = await timeBarePut(page, book.path);
        importYardsticks = { accounts: book.accounts, contacts: book.contacts, records: book.records, timing, bare, glance: glanceVsBare };
        log(`  ${importTargetLines(importYardsticks).slice(2).join('\n  ')}`);
      } finally {
        await quiet.close();
        await page.close();
      }
    };
    const exportBook = async (glance: Glance, size: number) => {
      const book = books.get(size)!;
      const page = await openOptions(glance);
      try {
        const timing = await timeExport(page, dir, book, 20 * 60_000);
        exports.push({ accounts: book.accounts, contacts: book.contacts, ...timing });
        log(`export ${size}: ${seconds(timing.totalMs)}, ${(timing.bytes / 2 ** 20).toFixed(0)} MiB; ${timing.check}`);
      } catch (error) {
        exports.push({
          accounts: book.accounts,
          contacts: book.contacts,
          totalMs: NaN,
          bytes: 0,
          check: `failed: ${(error as Error).message}`,
        });
        log(`export ${size} failed: ${(error as Error).message}`);
      } finally {
        await page.close();
      }
    };

    let gmailContext = ACME_GMAIL_CONTEXT;
    if (ONLY_IMPORT) {
      // The imports and the import target alone, printed (docs/performance.md is left as it is).
      for (const size of SIZES) {
        await withGlance(extensionDir, async (glance) => {
          await importBook(glance, size);
          if (size === LARGEST) await measureYardsticks(glance, size);
        });
      }
      for (const i of imports)
        log(
          `import ${i.accounts}: ${Math.round(perSecond(i.records, i.timing.totalMs))} records/s whole, ${Math.round(perSecond(i.records, i.timing.writeMs))} commit`,
        );
      log(`load: before ${loadBefore.toFixed(1)}, max ${loadMax.toFixed(1)}, after ${load().toFixed(1)}`);
      return;
    }

    // The 10k book: everything on the host page, then its look-ups.
    const main = await withGlance(extensionDir, async (glance) => {
      await importBook(glance, MAIN_BOOK);
      const session = await openGmail(glance);
      if (isGmailThread(session.acmeContext)) gmailContext = session.acmeContext;
      log(`sidebar first showed Acme ${ms(session.firstShowMs, 0)} after navigation start`);
      await measureSwaps(session, 10, true); // warm-up: JIT, first renders
      const cached = await measureSwaps(session, SWAPS, false);
      log(`glance, revisits: p50 ${ms(cached.summary.p50)}, p95 ${ms(cached.summary.p95)}`);
      const fresh = await measureSwaps(session, SWAPS, true);
      log(`glance, new threads: p50 ${ms(fresh.summary.p50)}, p95 ${ms(fresh.summary.p95)}`);
      const content = await contentFigures(glance, session);
      if (SIZES.includes(MAIN_BOOK)) {
        await runLookups(glance, MAIN_BOOK, gmailContext);
        if (MAIN_BOOK === LARGEST) await measureYardsticks(glance, MAIN_BOOK);
        await exportBook(glance, MAIN_BOOK);
      }
      return { firstShowMs: session.firstShowMs, cached, fresh, content };
    });

    for (const size of SIZES.filter((n) => n !== MAIN_BOOK)) {
      await withGlance(extensionDir, async (glance) => {
        await importBook(glance, size);
        await runLookups(glance, size, gmailContext);
        if (size === LARGEST) await measureYardsticks(glance, size);
        await exportBook(glance, size);
      });
    }

    const coldBench = await runCold();
    const bookBench = await runBook();
    const sync = await syncSection(extensionDir, build.commit, stamp, log);
    const mainBook = books.get(MAIN_BOOK)!;
    const results: BenchResults = {
      date: new Date()
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC'),
      machine,
      loadBefore,
      loadAfter: load(),
      loadMax,
      durationMs: Date.now() - started,
      build,
      book: { accounts: mainBook.accounts, contacts: mainBook.contacts },
      imports: imports.sort((a, b) => a.accounts - b.accounts),
      importYardsticks,
      glance: { firstShowMs: main.firstShowMs, cached: main.cached, fresh: main.fresh },
      lookups: [...lookups.values()],
      busy,
      exports: exports.sort((a, b) => a.accounts - b.accounts),
      sizes: SIZES,
      calls: CALLS,
      thread,
    };
    const markdown = spliceSyncSection(
      spliceColdSection(
        spliceBookSection(
          spliceContentSection(renderMarkdown(results), renderContentSection(main.content, results.date)),
          renderBookSection(bookBench, results.date),
        ),
        renderColdSection(coldBench, results.date),
      ),
      sync,
    );
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    const path = join(ROOT, 'docs/performance.md');
    // The notes written by hand between runs stay; every figure is this run's.
    writeFileSync(path, `${keepHandNotes(existsSync(path) ? readFileSync(path, 'utf8') : '', markdown).trimEnd()}\n`);
    console.log(`\n${markdown}`);
    log('wrote docs/performance.md');
  } finally {
    clearInterval(sampleLoad);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Which code the extension was built from: the working tree is shared, so it may hold others' unfinished changes. */
function buildSource(): BenchResults['build'] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  try {
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    const dirty = git(
      'status',
      '--porcelain',
      '--',
      'entrypoints',
      'components',
      'lib',
      'assets',
      'public',
      'wxt.config.ts',
      'package.json',
    )
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: [] };
  }
}

function isGmailThread(x: unknown): x is PageContext {
  return typeof x === 'object' && x !== null && (x as PageContext).host === 'gmail' && (x as PageContext).kind === 'thread';
}

main().catch((error) => {
  clearInterval(sampleLoad);
  console.error(error);
  // A browser that failed half-way may still hold the event loop open.
  process.exit(1);
});
