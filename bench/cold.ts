/**
 * Cold open: a new tab straight onto a Gmail thread, from navigation start until the matched
 * account's name is in the sidebar frame's DOM. Glance and a bare extension (bench/cold-bare.ts) run
 * side by side, each in its own browser with the same book, their opens interleaved so both see the
 * same load on a shared machine.
 *
 * Timed inside the pages, not by Playwright polling: an init script in every frame takes
 * `performance.timeOrigin + performance.now()` (the clock the host page and the extension frame
 * share) when the frame sends and hears back each request, and when a MutationObserver sees the
 * account in the frame's DOM. Navigation start is the host page's `performance.timeOrigin`.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { launchGlance, serveHost, type Glance } from '../tests/e2e/harness.mjs';
import { stopServiceWorker } from '../tests/e2e/service-worker';
import { ACME_THREAD, GMAIL_URL } from './contexts';
import type { BareAccount } from './cold-bare';
import { openOptions, timeImport } from './import';
import { summarise, type Summary } from './stats';

const ACCOUNT_SELECTOR = '[data-match="matched"] [data-account-id="sample-acme"]';

/** Absolute times (timeOrigin + now) one cold open left in its two documents. */
interface ColdMarks {
  navigationStart: number;
  /** The frame's own navigation start: the content script has put the iframe on the page. */
  frameStart: number;
  /** The frame's DOMContentLoaded: its HTML parsed and its deferred or module scripts run (not an async one). */
  frameReady?: number;
  /** The frame's own script first listened for messages or sent one: its entry is running. */
  scriptRan?: number;
  /** The frame's load event: the host page connects on it. */
  frameLoaded?: number;
  /** The host page's connect message (with the port) reached the frame. */
  connected?: number;
  /** First send and answer of each request type the frame made (Glance's `type`, the bare one's `lookup`). */
  requests: Record<string, { sent: number; answered?: number }>;
  shown: number;
}

export interface ColdSample {
  totalMs: number;
  /** Navigation start until the frame's navigation started (the content script mounted it). */
  frameStartMs: number;
  /** Frame start until its DOMContentLoaded. */
  frameReadyMs?: number;
  /** Frame start until its script first listened for messages or sent one. */
  scriptRanMs?: number;
  /** Frame start until its load event. */
  frameLoadedMs?: number;
  /** Frame start until the host page's connect reached it. */
  connectedMs?: number;
  requests: Record<string, { sentMs: number; roundTripMs?: number }>;
}

export interface ColdSeries {
  samples: ColdSample[];
  summary: Summary;
}

/** Runs in every frame of every page before its own scripts (context.addInitScript). */
function probe(selector: string) {
  const now = () => performance.timeOrigin + performance.now();
  const marks = {
    requests: {} as Record<string, { sent: number; answered?: number }>,
    connected: undefined as number | undefined,
    scriptRan: undefined as number | undefined,
  };
  (window as unknown as { __cold: unknown }).__cold = marks;
  if (location.protocol !== 'chrome-extension:') return;
  const listen = window.addEventListener;
  listen.call(window, 'message', (event: Event) => {
    if ((event as MessageEvent).ports.length > 0) marks.connected ??= now();
  });
  // Glance's entry starts by listening for its content script's connect; the bare page by sending its look-up.
  window.addEventListener = function (this: Window, ...args: Parameters<typeof listen>) {
    if (args[0] === 'message') marks.scriptRan ??= now();
    return listen.apply(this, args);
  } as typeof listen;
  const watch = (found: () => boolean, mark: () => void) => {
    const observer = new MutationObserver(() => {
      if (!found()) return;
      mark();
      observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  };
  watch(
    () => document.querySelector(selector) !== null,
    () => Object.assign(marks, { shown: now() }),
  );
  const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (...args: unknown[]) => unknown } } }).chrome.runtime;
  const send = runtime.sendMessage;
  runtime.sendMessage = function (...args: unknown[]) {
    const message = args[0] as { type?: string; lookup?: string } | undefined;
    const key = message?.type ?? (message?.lookup !== undefined ? 'lookup' : undefined);
    marks.scriptRan ??= now();
    const first = key !== undefined && !marks.requests[key];
    if (first) marks.requests[key] = { sent: now() };
    const answered = () => {
      if (first) marks.requests[key].answered = now();
    };
    // The polyfill passes a callback; the bare page uses the returned promise.
    const last = args[args.length - 1];
    if (typeof last === 'function') args[args.length - 1] = (...reply: unknown[]) => (answered(), last(...reply));
    const result = send.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') void (result as Promise<unknown>).then(answered, answered);
    return result;
  };
}

export async function prepareColdOpens(glance: Glance): Promise<void> {
  await serveHost(glance.context, 'https://mail.google.com/**', 'hosts/gmail-app.html');
  // tsx keeps function names by wrapping them in `__name(...)`, which the pages do not have (see in-page.ts).
  await glance.context.addInitScript(`(() => { const __name = (f) => f; (${probe.toString()})(${JSON.stringify(ACCOUNT_SELECTOR)}); })()`);
}

/** Opens one new tab onto the Acme thread and reads the marks once the account is shown. */
export async function coldOpen(glance: Glance, framePath: string, stopWorker = false): Promise<ColdSample> {
  if (stopWorker) {
    const blank = await glance.context.newPage();
    await stopServiceWorker(blank);
    await blank.close();
  }
  const page = await glance.context.newPage();
  try {
    await page.goto(`${GMAIL_URL}#inbox/${ACME_THREAD}`);
    const frame = await findFrame(page, framePath);
    await frame.locator(ACCOUNT_SELECTOR).waitFor({ timeout: 30_000 });
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const inFrame = await frame.evaluate(() => {
      const marks = (
        window as unknown as { __cold: { shown?: number; connected?: number; scriptRan?: number; requests: ColdMarks['requests'] } }
      ).__cold;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        frameStart: performance.timeOrigin,
        frameReady: nav && nav.domContentLoadedEventEnd > 0 ? performance.timeOrigin + nav.domContentLoadedEventEnd : undefined,
        frameLoaded: nav && nav.loadEventStart > 0 ? performance.timeOrigin + nav.loadEventStart : undefined,
        scriptRan: marks.scriptRan,
        connected: marks.connected,
        requests: marks.requests,
        shown: marks.shown,
      };
    });
    if (inFrame.shown === undefined) throw new Error('The frame showed the account before its probe was in place.');
    return toSample({ navigationStart, ...inFrame, shown: inFrame.shown });
  } finally {
    await page.close();
  }
}

async function findFrame(page: Page, framePath: string): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().includes(framePath));
    if (frame) return frame;
    await page.waitForTimeout(20);
  }
  throw new Error(`No ${framePath} frame appeared on the Gmail page.`);
}

function toSample(m: ColdMarks): ColdSample {
  const requests: ColdSample['requests'] = {};
  for (const [type, r] of Object.entries(m.requests)) {
    requests[type] = { sentMs: r.sent - m.navigationStart, roundTripMs: r.answered !== undefined ? r.answered - r.sent : undefined };
  }
  return {
    totalMs: m.shown - m.navigationStart,
    frameStartMs: m.frameStart - m.navigationStart,
    frameReadyMs: m.frameReady !== undefined ? m.frameReady - m.frameStart : undefined,
    scriptRanMs: m.scriptRan !== undefined ? m.scriptRan - m.frameStart : undefined,
    frameLoadedMs: m.frameLoaded !== undefined ? m.frameLoaded - m.frameStart : undefined,
    connectedMs: m.connected !== undefined ? m.connected - m.frameStart : undefined,
    requests,
  };
}

export interface ColdBench {
  accounts: number;
  opens: number;
  warmups: number;
  glance: ColdSeries;
  bare: ColdSeries;
  /** The same with the service worker stopped before each open (the browser wakes it for the first message). */
  glanceWorkerStopped?: ColdSeries;
  bareWorkerStopped?: ColdSeries;
}

/** Interleaves the two extensions' opens: Glance, bare, Glance, bare… so both see the same load. */
export async function interleave(
  runs: { glance: () => Promise<ColdSample>; bare: () => Promise<ColdSample> },
  opens: number,
  warmups: number,
): Promise<{ glance: ColdSeries; bare: ColdSeries }> {
  const glance: ColdSample[] = [];
  const bare: ColdSample[] = [];
  for (let i = 0; i < opens + warmups; i++) {
    const g = await runs.glance();
    const b = await runs.bare();
    if (i < warmups) continue;
    glance.push(g);
    bare.push(b);
  }
  const series = (samples: ColdSample[]) => ({ samples, summary: summarise(samples.map((s) => s.totalMs)) });
  return { glance: series(glance), bare: series(bare) };
}

/**
 * The whole cold bench: both browsers started, the same book in each (imported into Glance through
 * its options page, written straight into the bare extension's store), then interleaved opens with
 * the service worker running, and fewer with it stopped before each open.
 */
export async function benchCold(options: {
  glanceDir: string;
  bareDir: string;
  bookPath: string;
  opens: number;
  stoppedOpens: number;
  log: (message: string) => void;
}): Promise<ColdBench> {
  const { opens, stoppedOpens, log } = options;
  const warmups = 3;
  const glance = await launchGlance({ extensionDir: options.glanceDir });
  const bare = await launchGlance({ extensionDir: options.bareDir }).catch(async (error) => {
    await glance.close();
    throw error;
  });
  try {
    const page = await openOptions(glance);
    const timing = await timeImport(page, options.bookPath, 10 * 60_000);
    await page.close();
    const book = JSON.parse(readFileSync(options.bookPath, 'utf8')) as { accounts: BareAccount[] };
    const accounts = book.accounts.map(({ id, name, domains }) => ({ id, name, domains }));
    await bare.worker.evaluate((list) => (self as unknown as { seed: (a: unknown) => Promise<number> }).seed(list), accounts);
    log(`cold: ${accounts.length} accounts in both (Glance import ${(timing.totalMs / 1000).toFixed(1)} s, ${timing.status})`);
    await prepareColdOpens(glance);
    await prepareColdOpens(bare);
    const warm = await interleave(
      { glance: () => coldOpen(glance, '/sidebar.html'), bare: () => coldOpen(bare, '/frame.html') },
      opens,
      warmups,
    );
    log(`cold open: Glance p50 ${warm.glance.summary.p50.toFixed(1)} ms, bare p50 ${warm.bare.summary.p50.toFixed(1)} ms`);
    const result: ColdBench = { accounts: accounts.length, opens, warmups, glance: warm.glance, bare: warm.bare };
    if (stoppedOpens > 0) {
      const stopped = await interleave(
        { glance: () => coldOpen(glance, '/sidebar.html', true), bare: () => coldOpen(bare, '/frame.html', true) },
        stoppedOpens,
        1,
      );
      result.glanceWorkerStopped = stopped.glance;
      result.bareWorkerStopped = stopped.bare;
      log(
        `cold open, worker stopped: Glance p50 ${stopped.glance.summary.p50.toFixed(1)} ms, bare p50 ${stopped.bare.summary.p50.toFixed(1)} ms`,
      );
    }
    return result;
  } finally {
    await glance.close();
    await bare.close();
  }
}
