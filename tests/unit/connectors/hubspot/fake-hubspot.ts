/**
 * A stand-in for api.hubapi.com: a fetch function that answers from a script or a handler, and
 * keeps every request it saw so the tests can read what the connector sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../../../lib/connectors/hubspot/limiter';
import type { HubSpotObject } from '../../../../lib/connectors/hubspot/map';

/** The shape most HubSpot answers share: a page of objects. */
export interface PageAnswer {
  results: HubSpotObject[];
  paging?: { next?: { after?: string; link?: string } };
  total?: number;
}

export interface SeenRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

export type Answer = { status?: number; body?: unknown; raw?: string; headers?: Record<string, string> } | Error;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Answer {
  return { status, body, headers };
}

export function fakeFetch(handler: (request: SeenRequest) => Answer) {
  const seen: SeenRequest[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      url: new URL(url),
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v])),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    seen.push(request);
    const answer = handler(request);
    if (answer instanceof Error) throw answer;
    const text = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    return new Response(text, {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json;charset=utf-8', ...answer.headers },
    });
  };
  return { fetch, seen };
}

/** Answers in order, one per call; the last one repeats. */
export function scripted(...answers: Answer[]) {
  let i = 0;
  return fakeFetch(() => answers[Math.min(i++, answers.length - 1)]);
}

/** Time that passes only when someone waits: sleeps are recorded and return at once. */
export function fakeClock(start = Date.parse('2026-12-01T12:00:00Z')): Clock & { sleeps: number[]; t: number } {
  const clock = {
    t: start,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

const FIXTURES = join(__dirname, '../../../fixtures/crm/hubspot');
export const fixture = <T = PageAnswer>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

/** The recorded HubSpot answers kept beside the checkout (a shared reference, never part of the project). */
export const RECORDINGS = join(__dirname, '../../../../../shared/reference/crm-api/hubspot');
export const recordingsAbsent = !existsSync(RECORDINGS);
export const recordingsNote = recordingsAbsent
  ? ' (skipped: the recorded HubSpot answers in ../shared/reference/crm-api/hubspot are not beside this checkout)'
  : '';
/** A recording's response body, whether the file is an envelope {request, response, ...} or the bare body. */
export function recorded<T = PageAnswer>(name: string): T {
  const file = JSON.parse(readFileSync(join(RECORDINGS, name), 'utf8')) as Record<string, unknown>;
  return ('response' in file && 'endpoint' in file ? file.response : file) as T;
}
export interface Envelope {
  method: string;
  endpoint: string;
  request?: { params?: Record<string, string>; data?: Record<string, unknown> };
  response: unknown;
  status: number;
  headers: Record<string, string>;
}
export function recordedEnvelope(name: string): Envelope {
  return JSON.parse(readFileSync(join(RECORDINGS, name), 'utf8')) as Envelope;
}
