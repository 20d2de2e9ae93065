/**
 * Chromium performance traces over CDP, and what a given script cost the main thread in them.
 * Only top-level slices count: a FunctionCall nested inside another (a listener firing during a
 * DOM call) must not be counted twice.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) duration, where the platform reports it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown> & { url?: string; message?: string } };
}

export interface Tracer {
  stop(): Promise<TraceEvent[]>;
}

export async function startTrace(page: Page, categories = ['devtools.timeline']): Promise<Tracer> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await session.send('Tracing.start', { categories: categories.join(','), transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
      await session.send('Tracing.end');
      await complete;
      await session.detach().catch(() => undefined);
      return events;
    },
  };
}

/** Slices the script ran in: compiling/evaluating it and every call into it (listeners, timers, observers). */
const SCRIPT_SLICES = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule']);

export interface Slice {
  /** µs, trace clock. */
  start: number;
  end: number;
  /** Thread CPU time in µs: wall time minus time the thread was descheduled, which other load on the machine inflates. */
  cpu: number;
  name: string;
}

/**
 * Top-level slices of the scripts at `scriptUrls`: nested ones are already inside their parent's time.
 * An entry starting with "/" is a path on any extension origin: a module served from a per-session address
 * (`use_dynamic_url`, like the mail hosts' message readers the page script imports) has no fixed URL.
 * With `microtasks`, also the microtask checkpoints (RunMicrotasks) on the threads the script runs on:
 * an async function resumed after an `await` (an extension API's answer) runs there, in no
 * FunctionCall of its own and with no URL. Only for pages that queue no microtasks of their own (the
 * fixtures), since a checkpoint names no script.
 */
export function scriptSlices(events: TraceEvent[], scriptUrls: string | string[], { microtasks = false } = {}): Slice[] {
  const threadOf = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const wanted = [scriptUrls].flat();
  const isWanted = (url: string | undefined) =>
    url !== undefined &&
    wanted.some((w) => url === w || (w.startsWith('/') && /^(chrome|moz)-extension:/.test(url) && new URL(url).pathname === w));
  const own = events.filter((e) => e.ph === 'X' && e.dur !== undefined && SCRIPT_SLICES.has(e.name) && isWanted(urlOf(e)));
  const threads = new Set(own.map(threadOf));
  const checkpoints = microtasks
    ? events.filter((e) => e.ph === 'X' && e.dur !== undefined && e.name === 'RunMicrotasks' && threads.has(threadOf(e)))
    : [];
  const raw = [...own, ...checkpoints]
    .map((e) => ({ start: e.ts, end: e.ts + e.dur!, cpu: e.tdur ?? e.dur!, name: e.name, thread: threadOf(e) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Slice[] = [];
  const openEnd = new Map<string, number>();
  for (const { thread, ...slice } of raw) {
    if (slice.start < (openEnd.get(thread) ?? -Infinity)) continue;
    openEnd.set(thread, slice.end);
    out.push(slice);
  }
  return out;
}

function urlOf(e: TraceEvent): string | undefined {
  const data = e.args?.data as { url?: string; fileName?: string } | undefined;
  return data?.url ?? data?.fileName;
}

/** `console.timeStamp(label)` marks in the trace, in order. */
export function timeStamps(events: TraceEvent[], prefix: string): { label: string; ts: number }[] {
  return events
    .filter((e) => e.name === 'TimeStamp' && String(e.args?.data?.message ?? '').startsWith(prefix))
    .map((e) => ({ label: String(e.args!.data!.message), ts: e.ts }))
    .sort((a, b) => a.ts - b.ts);
}
