/**
 * Times requests to the background from an extension page, one after another, as the sidebar
 * sends them: each sample is one round trip (sendMessage out, the handler, the reply back).
 */
import type { Page } from 'playwright-core';
import type { PageContext } from '../lib/hosts/types';
import { inPage } from './in-page';
import { summarise, type Summary } from './stats';

export interface RequestCase {
  label: string;
  type: string;
  payload: unknown;
  /** Checked on every reply, so a benchmark of a failing or wrong answer cannot pass unnoticed. */
  expect: { matchedAccountId?: string; matchStatus?: string; viewAccountId?: string };
}

type Send = (message: unknown) => Promise<{ ok: boolean; error?: string; data?: unknown }>;

/** Sends one request from an extension page as Glance's pages do; its round trip (ms) and answer. A refusal throws. */
export function request<T = unknown>(page: Page, type: string, payload: unknown): Promise<{ ms: number; data: T }> {
  return inPage(
    page,
    async ({ type, payload }) => {
      const send = (globalThis as unknown as { chrome: { runtime: { sendMessage: Send } } }).chrome.runtime.sendMessage;
      const started = performance.now();
      const reply = await send({ glance: 'request', type, payload });
      const ms = performance.now() - started;
      if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no reply'}`);
      return { ms, data: reply.data };
    },
    { type, payload },
  ) as Promise<{ ms: number; data: T }>;
}

/** The book in rank order, every account: the book page's first query. */
export const RANKED = { scope: 'all', filters: [], text: '', sort: { key: 'rank', direction: 'asc' } };

export function matchCase(label: string, context: PageContext, expect: RequestCase['expect']): RequestCase {
  return { label, type: 'page.match', payload: { context }, expect };
}

export async function timeRequests(page: Page, request: RequestCase, calls: number, warmup: number): Promise<Summary> {
  return summarise(await requestSamples(page, request, calls, warmup));
}

/** The round trips themselves (milliseconds, warm-up left out). */
export async function requestSamples(page: Page, request: RequestCase, calls: number, warmup: number): Promise<number[]> {
  return inPage(
    page,
    async ({ request, calls, warmup }) => {
      type Reply = { ok: boolean; error?: string; data?: { match?: { status?: string; accountId?: string }; account?: { id?: string } } };
      const times: number[] = [];
      for (let i = 0; i < warmup + calls; i++) {
        const started = performance.now();
        const reply = (await (
          globalThis as unknown as { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ glance: 'request', type: request.type, payload: request.payload })) as Reply;
        const elapsed = performance.now() - started;
        if (!reply?.ok) throw new Error(`${request.type}: ${reply?.error ?? 'no reply'}`);
        const { matchedAccountId, matchStatus, viewAccountId } = request.expect;
        const match = reply.data?.match;
        if (matchStatus && match?.status !== matchStatus)
          throw new Error(`${request.label}: expected ${matchStatus}, got ${JSON.stringify(match)}`);
        if (matchedAccountId && match?.accountId !== matchedAccountId)
          throw new Error(`${request.label}: matched ${JSON.stringify(match)}`);
        if (viewAccountId && reply.data?.account?.id !== viewAccountId) throw new Error(`${request.label}: wrong view`);
        if (i >= warmup) times.push(elapsed);
      }
      return times;
    },
    { request, calls, warmup },
  );
}
