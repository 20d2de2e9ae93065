/**
 * Test support: the hand-written fixtures, the recorded Salesforce answers in ../shared (read at
 * test time only, never copied), and a fake fetch that answers by route and records every call.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SalesforceTokens } from '../../../../lib/connectors/salesforce/oauth';

const REPO = resolve(__dirname, '../../../..');
export const RECORDED_DIR = resolve(REPO, '../shared/reference/crm-api/salesforce');
export const HAS_RECORDED = existsSync(RECORDED_DIR);
export const NO_RECORDED_REASON = 'recorded Salesforce answers (../shared/reference/crm-api/salesforce) are not beside this checkout';

export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(resolve(REPO, 'tests/fixtures/crm/salesforce', name), 'utf8')) as T;
}

/** A recorded answer: the response body of an envelope recording, or a bare body file as it is. */
export function recorded<T = unknown>(name: string): { body: T; status: number; endpoint?: string } {
  const data = JSON.parse(readFileSync(resolve(RECORDED_DIR, name), 'utf8'));
  if (data && typeof data === 'object' && !Array.isArray(data) && 'response' in data && 'endpoint' in data) {
    return { body: data.response as T, status: data.status as number, endpoint: data.endpoint as string };
  }
  return { body: data as T, status: 200 };
}

export const TOKENS: SalesforceTokens = {
  accessToken: 'token-1',
  refreshToken: 'refresh-1',
  instanceUrl: 'https://northpeak.my.salesforce.com',
  identityUrl: 'https://login.salesforce.com/id/00DdM00000vfgTuUAI/005dM00000aYf0qQAC',
};

export interface Call {
  method: string;
  url: string;
  path: string;
  /** The decoded SOQL of a query call. */
  soql?: string;
  auth: string | null;
  body?: unknown;
}

/** JSON bodies as objects; form bodies (token requests) as their fields. */
function readBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}

export type Answer = { status: number; body?: unknown; raw?: string; headers?: Record<string, string> } | Error;
type Handler = (call: Call) => Answer | undefined;

/** Answers calls with the first handler that returns something; an unanswered call fails the test loudly. */
export function fakeFetch(...handlers: Handler[]) {
  const calls: Call[] = [];
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const q = url.searchParams.get('q');
    const call: Call = {
      method: init?.method ?? 'GET',
      url: input,
      path: url.pathname + url.search,
      soql: q ?? undefined,
      auth: new Headers(init?.headers).get('authorization'),
      body: typeof init?.body === 'string' ? readBody(init.body) : undefined,
    };
    calls.push(call);
    for (const h of handlers) {
      const answer = h(call);
      if (!answer) continue;
      if (answer instanceof Error) throw answer;
      const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      return new Response(answer.status === 204 ? null : text, { status: answer.status, headers: answer.headers });
    }
    throw new Error(`no fake answer for ${call.method} ${call.path}`);
  };
  return { fetch, calls };
}

/** One answer per call, in order, then the last one again. */
export function sequence(...answers: Answer[]): Handler {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)];
}

export const noSleep = async () => {};
