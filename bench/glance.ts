/**
 * Glance latency on the Gmail fixture: from the page's hash change to the new account in the
 * sidebar, and what the content script costs the page per navigation.
 *
 * Both ends take `performance.timeOrigin + performance.now()`: the page and the sidebar frame run
 * in different renderer processes, and this is the clock they share.
 */
import type { Frame, Page } from 'playwright-core';
import { serveHost, sidebarFrame, type Glance } from '../tests/e2e/harness.mjs';
import { ACME_THREAD, GLOBEX_THREAD, GMAIL_URL } from './contexts';
import { inPage } from './in-page';
import { summarise, type Summary } from './stats';
import { scriptSlices, startTrace, timeStamps } from './trace';

const THREADS = [
  { token: GLOBEX_THREAD, accountId: 'sample-globex' },
  { token: ACME_THREAD, accountId: 'sample-acme' },
];

interface SidebarProbe {
  want: string | null;
  at: number | null;
  sent: number | null;
  answered: number | null;
  /** Resolves the bench's pending wait; a promise rather than polling, which would load the frame it measures. */
  done?: () => void;
}

/** The message the sidebar hands to runtime.sendMessage, as far as the bench reads it. */
interface SentMessage {
  type?: string;
  payload: { context: unknown };
}

interface FrameRuntime {
  id?: string;
  sendMessage: (message?: SentMessage, ...rest: unknown[]) => unknown;
}

/** What the bench reaches for in the sidebar frame's globals: the runtime whose sendMessage it wraps. */
interface FrameGlobals {
  browser?: { runtime: FrameRuntime };
  chrome: { runtime: FrameRuntime };
  __benchSeen?: unknown;
}

declare global {
  interface Window {
    __glanceBench?: SidebarProbe;
  }
}

export interface GmailSession {
  page: Page;
  frame: Frame;
  /** ms from navigation start until the sidebar first showed Acme. */
  firstShowMs: number;
  /** The context the content script read from the Acme thread, as the sidebar received it. */
  acmeContext: unknown;
}

export async function openGmail(glance: Glance): Promise<GmailSession> {
  await serveHost(glance.context, 'https://mail.google.com/**', 'hosts/gmail-app.html');
  const page = await glance.context.newPage();
  await page.goto(`${GMAIL_URL}#inbox/${ACME_THREAD}`);
  const frame = await sidebarFrame(page);
  await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor({ timeout: 30_000 });
  const firstShowMs = await page.evaluate(() => performance.now());
  await installProbe(frame);
  return { page, frame, firstShowMs, acmeContext: await captureContext(frame, page, `#inbox/${ACME_THREAD}`) };
}

/**
 * Watches the sidebar's DOM for the wanted account, and notes when its page.match request leaves
 * and its answer arrives (by wrapping runtime.sendMessage in the frame), to split the latency.
 */
async function installProbe(frame: Frame) {
  await inPage(frame, () => {
    const probe: SidebarProbe = { want: null, at: null, sent: null, answered: null };
    window.__glanceBench = probe;
    const now = () => performance.timeOrigin + performance.now();
    const check = () => {
      if (probe.want && probe.at === null && document.querySelector(`[data-match="matched"] [data-account-id="${probe.want}"]`)) {
        probe.at = now();
        probe.done?.();
      }
    };
    new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true });
    const g = globalThis as unknown as FrameGlobals;
    const api = g.browser?.runtime?.id ? g.browser : g.chrome;
    const send = api.runtime.sendMessage.bind(api.runtime);
    api.runtime.sendMessage = (message?: SentMessage, ...rest: unknown[]) => {
      const isMatch = message?.type === 'page.match';
      if (isMatch && probe.want && probe.sent === null) probe.sent = now();
      const reply = send(message, ...rest);
      if (isMatch && probe.want) void Promise.resolve(reply).then(() => (probe.answered ??= now()));
      return reply;
    };
  });
}

/** Sends the sidebar one page.match of its own to learn the exact context the content script produced. */
async function captureContext(frame: Frame, page: Page, hash: string): Promise<unknown> {
  await inPage(frame, () => {
    const g = globalThis as unknown as FrameGlobals;
    const api = g.browser?.runtime?.id ? g.browser : g.chrome;
    const send = api.runtime.sendMessage;
    g.__benchSeen = null;
    api.runtime.sendMessage = (message?: SentMessage, ...rest: unknown[]) => {
      if (message?.type === 'page.match' && g.__benchSeen === null) g.__benchSeen = message.payload.context;
      return send(message, ...rest);
    };
  });
  // A never-seen URL for the same thread: the sidebar must ask the background again.
  await page.evaluate((h) => (location.hash = h), `${hash}?capture=1`);
  await frame.waitForFunction(() => (globalThis as unknown as FrameGlobals).__benchSeen !== null, null, { timeout: 15_000 });
  const context = await frame.evaluate(() => (globalThis as unknown as FrameGlobals).__benchSeen);
  await page.evaluate((h) => (location.hash = h), hash);
  await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
  return context;
}

/** Arms the probe for the next account; the returned promise settles once the sidebar shows it. */
async function expectAccount(frame: Frame, accountId: string): Promise<{ shown: Promise<SidebarProbe> }> {
  await frame.evaluate(
    (want) => Object.assign(window.__glanceBench!, { want, at: null, sent: null, answered: null, done: undefined }),
    accountId,
  );
  const shown = inPage(
    frame,
    () =>
      new Promise<SidebarProbe>((resolve, reject) => {
        const probe = window.__glanceBench!;
        const { done, ...plain } = probe;
        if (probe.at !== null) return resolve(plain);
        const timer = setTimeout(() => reject(new Error(`The sidebar did not show ${probe.want} within 15 s.`)), 15_000);
        probe.done = () => {
          clearTimeout(timer);
          const { done: _, ...copy } = probe;
          resolve(copy);
        };
      }),
  );
  // Make sure the waiter is in place before the page navigates.
  await frame.evaluate(() => undefined);
  // Wrapped: an async function returning the promise itself would wait for it.
  return { shown };
}

export interface SwapSample {
  totalMs: number;
  /** Hash change until the sidebar sent page.match (content script read, post, sidebar update). */
  toRequestMs?: number;
  /** page.match round trip to the background. */
  requestMs?: number;
  /** Answer until the account was in the DOM (React render). */
  renderMs?: number;
}

/**
 * Swaps threads `count` times and times each. `fresh` gives every swap a URL the sidebar has
 * never seen (a `?n` suffix the fixture and the Gmail adapter ignore for the thread), so every
 * swap asks the background; otherwise alternating threads are answered from the sidebar's cache.
 */
export async function measureSwaps(
  session: GmailSession,
  count: number,
  fresh: boolean,
  settleMs = 60,
): Promise<{ samples: SwapSample[]; summary: Summary }> {
  const { page, frame } = session;
  const samples: SwapSample[] = [];
  for (let i = 0; i < count; i++) {
    const thread = THREADS[i % 2]!;
    const hash = fresh ? `#inbox/${thread.token}?bench=${Date.now()}-${i}` : `#inbox/${thread.token}`;
    const { shown } = await expectAccount(frame, thread.accountId);
    const t0 = await page.evaluate((h) => {
      const t = performance.timeOrigin + performance.now();
      location.hash = h;
      return t;
    }, hash);
    const probe = await shown;
    const sample: SwapSample = { totalMs: probe.at! - t0 };
    if (probe.sent !== null && probe.answered !== null) {
      sample.toRequestMs = probe.sent - t0;
      sample.requestMs = probe.answered - probe.sent;
      sample.renderMs = probe.at! - probe.answered;
    }
    samples.push(sample);
    await page.waitForTimeout(settleMs);
  }
  return { samples, summary: summarise(samples.map((s) => s.totalMs)) };
}

export interface ContentCost {
  swaps: number;
  /** Wall time of the script's slices per swap. */
  perSwap: Summary;
  /** Thread CPU time of the same slices: what the script would cost on an otherwise idle machine. */
  cpuPerSwap: Summary;
  /** Slices per swap, to tell a single read from repeated reads. */
  slicesPerSwap: number;
}

/** Main-thread time of the content script per thread swap, from a devtools.timeline trace of the host page. */
export async function measureContentCost(session: GmailSession, scriptUrl: string | string[], count: number): Promise<ContentCost> {
  const { page, frame } = session;
  const tracer = await startTrace(page);
  for (let i = 0; i < count; i++) {
    const thread = THREADS[i % 2]!;
    const { shown } = await expectAccount(frame, thread.accountId);
    await page.evaluate(
      ({ h, label }) => {
        console.timeStamp(label);
        location.hash = h;
      },
      { h: `#inbox/${thread.token}`, label: `bench-swap-${i}` },
    );
    await shown;
    // Let late observers and timers of this swap land before the next mark.
    await page.waitForTimeout(100);
  }
  await page.evaluate(() => console.timeStamp('bench-swap-end'));
  const events = await tracer.stop();
  const marks = timeStamps(events, 'bench-swap-');
  if (marks.length < count + 1) throw new Error(`The trace holds ${marks.length} swap marks, expected ${count + 1}.`);
  // No microtask checkpoints here: a swap resumes no async function of the script, and the bench's own
  // page.evaluate (the hash change) ends in one.
  const slices = scriptSlices(events, scriptUrl);
  const perSwap: number[] = [];
  const cpuPerSwap: number[] = [];
  let sliceCount = 0;
  for (let i = 0; i < count; i++) {
    const from = marks[i]!.ts;
    const to = marks[i + 1]!.ts;
    const inSwap = slices.filter((s) => s.start >= from && s.start < to);
    sliceCount += inSwap.length;
    perSwap.push(inSwap.reduce((sum, s) => sum + (s.end - s.start), 0) / 1000);
    cpuPerSwap.push(inSwap.reduce((sum, s) => sum + s.cpu, 0) / 1000);
  }
  return { swaps: count, perSwap: summarise(perSwap), cpuPerSwap: summarise(cpuPerSwap), slicesPerSwap: sliceCount / count };
}

export interface ContentStartup {
  /** Page loads measured (after the first, which is reported on its own). */
  loads: number;
  /** Thread CPU time of the script's slices per page load: what the target is judged on. */
  cpu: Summary;
  /** Wall time of the same slices (includes time descheduled by other load). */
  wall: Summary;
  /** Of the wall time, compiling and running the script's top level. */
  evaluate: Summary;
  /** The first page load in a fresh browser (no code cache yet), CPU and wall ms. */
  first: { cpuMs: number; wallMs: number };
}

/**
 * The content script's cost while a Gmail thread page loads (injection, first read, mounting the
 * sidebar), over `loads` new tabs after a first one: one load on a shared machine says little.
 */
export async function measureContentStartup(
  glance: Glance,
  scriptUrl: string | string[],
  loads = 10,
  until: ShownIn = GLANCE_SIDEBAR,
): Promise<ContentStartup> {
  const runs: { cpu: number; wall: number; evaluate: number }[] = [];
  for (let i = 0; i <= loads; i++) runs.push(await traceOneLoad(glance, scriptUrl, until));
  const [first, ...rest] = runs;
  return {
    loads,
    cpu: summarise(rest.map((r) => r.cpu)),
    wall: summarise(rest.map((r) => r.wall)),
    evaluate: summarise(rest.map((r) => r.evaluate)),
    first: { cpuMs: first!.cpu, wallMs: first!.wall },
  };
}

/** Which frame's DOM ends a page load, and what in it. */
export interface ShownIn {
  framePath: string;
  selector: string;
}
const GLANCE_SIDEBAR: ShownIn = { framePath: '/sidebar.html', selector: '[data-match="matched"] [data-account-id="sample-acme"]' };

async function traceOneLoad(
  glance: Glance,
  scriptUrl: string | string[],
  until: ShownIn,
): Promise<{ cpu: number; wall: number; evaluate: number }> {
  const page = await glance.context.newPage();
  try {
    const tracer = await startTrace(page, ['devtools.timeline', 'v8.execute']);
    await page.goto(`${GMAIL_URL}#inbox/${ACME_THREAD}`);
    let frame = page.frames().find((f) => f.url().includes(until.framePath));
    for (
      const deadline = Date.now() + 30_000;
      !frame && Date.now() < deadline;
      frame = page.frames().find((f) => f.url().includes(until.framePath))
    )
      await page.waitForTimeout(20);
    if (!frame) throw new Error(`No ${until.framePath} frame appeared on the Gmail page.`);
    await frame.locator(until.selector).first().waitFor({ state: 'attached', timeout: 30_000 });
    const events = await tracer.stop();
    // The script's async continuations (after its storage read) run in microtask checkpoints, which name no script.
    const slices = scriptSlices(events, scriptUrl, { microtasks: true });
    const sum = (xs: typeof slices) => xs.reduce((s, x) => s + (x.end - x.start), 0) / 1000;
    return {
      wall: sum(slices),
      cpu: slices.reduce((s, x) => s + x.cpu, 0) / 1000,
      evaluate: sum(slices.filter((s) => s.name === 'EvaluateScript')),
    };
  } finally {
    await page.close();
  }
}
