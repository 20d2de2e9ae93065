/**
 * The only code that speaks HTTP to Salesforce's REST API. It owns the session (one refresh and
 * retry on INVALID_SESSION_ID), short backoff on server trouble, and turns Salesforce's error
 * arrays into ConnectorErrors whose messages name the object and field.
 */
import { ConnectorError } from '../types';
import { parseTokenResponse, type SalesforceTokens, tokenUrl } from './oauth';

/** v62.0 (Winter '25): the newest version among the recorded responses Glance is tested against that every current org serves. */
export const API_VERSION = 'v62.0';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  fetch: FetchLike;
  /** The tokens in use now (the background keeps them; they never leave it). */
  tokens: () => SalesforceTokens;
  /** Trades the refresh token for a new access token and stores it; throws a ConnectorError 'auth' when refused. */
  refresh: () => Promise<SalesforceTokens>;
  sleep?: (ms: number) => Promise<void>;
  /** Attempts for 5xx and network failures before giving up as transient. */
  attempts?: number;
}

export interface SalesforceResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface QueryResult<T = Record<string, unknown>> {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: T[];
}

interface ErrorItem {
  message?: string;
  errorCode?: string;
  fields?: string[];
}

const RECONNECT = "Salesforce signed Glance out (session expired or revoked). Reconnect Salesforce in Glance's options.";
const BACKOFF_MS = [1_000, 4_000, 15_000];
/** The org's 24-hour API allowance is spent; asking again within the hour only spends the next one. */
const DAILY_LIMIT_BACKOFF_MS = 60 * 60 * 1000;

/** What a request is about, for messages: the sObject in the path or after FROM in a query. */
function subjectOf(path: string): string | undefined {
  const sobject = /\/sobjects\/([A-Za-z0-9_]+)/.exec(path);
  if (sobject) return sobject[1];
  const from = /\bFROM\s+([A-Za-z0-9_]+)/i.exec(decodeURIComponent(path.replace(/\+/g, ' ')));
  return from?.[1];
}

/** `[{message, errorCode, fields}]` → one readable sentence naming object and fields. */
export function describeErrors(body: unknown, path: string): { text: string; codes: string[] } {
  const items: ErrorItem[] = Array.isArray(body) ? body : body && typeof body === 'object' ? [body as ErrorItem] : [];
  const object = subjectOf(path);
  const parts = items
    .filter((e) => e && (e.message || e.errorCode))
    .map((e) => {
      const message = (e.message ?? '').replace(/\s+/g, ' ').trim();
      const fields = e.fields?.length
        ? ` (field${e.fields.length > 1 ? 's' : ''} ${e.fields.map((f) => (object ? `${object}.${f}` : f)).join(', ')})`
        : '';
      return `${e.errorCode ?? 'ERROR'}: ${message}${fields}`;
    });
  const where = object ? ` on ${object}` : '';
  return {
    text: parts.length ? `Salesforce refused the request${where}: ${parts.join('; ')}` : `Salesforce refused the request${where}`,
    codes: items.map((e) => e?.errorCode ?? ''),
  };
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export class SalesforceClient {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly attempts: number;

  constructor(private readonly opts: ClientOptions) {
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.attempts = opts.attempts ?? 3;
  }

  /** `/services/...` paths (nextRecordsUrl, Location) are used as given; others are under /services/data/<version>. */
  url(path: string): string {
    const base = this.opts.tokens().instanceUrl;
    return path.startsWith('/services/')
      ? `${base}${path}`
      : `${base}/services/data/${API_VERSION}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  async query<T = Record<string, unknown>>(soql: string): Promise<QueryResult<T>> {
    return (await this.request<QueryResult<T>>('GET', `/query?q=${encodeURIComponent(soql)}`)).body;
  }

  /** A query that also sees deleted records still in the recycle bin (what a deleted record was linked to). */
  async queryAll<T = Record<string, unknown>>(soql: string): Promise<QueryResult<T>> {
    return (await this.request<QueryResult<T>>('GET', `/queryAll?q=${encodeURIComponent(soql)}`)).body;
  }

  /** The next page of a query: the `nextRecordsUrl` of the previous one. */
  async queryMore<T = Record<string, unknown>>(nextRecordsUrl: string): Promise<QueryResult<T>> {
    return (await this.request<QueryResult<T>>('GET', nextRecordsUrl)).body;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<SalesforceResponse<T>> {
    let refreshed = false;
    // A POST whose answer was lost may have created the record: it is never repeated here; the
    // caller's next attempt looks for the record first (see push.ts).
    const attempts = method === 'POST' ? 1 : this.attempts;
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await this.opts.fetch(this.url(path), {
          method,
          headers: {
            Authorization: `Bearer ${this.opts.tokens().accessToken}`,
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (e) {
        if (attempt < attempts) {
          await this.sleep(BACKOFF_MS[attempt - 1] ?? BACKOFF_MS.at(-1)!);
          continue;
        }
        throw new ConnectorError(
          `Salesforce could not be reached (${e instanceof Error ? e.message : String(e)}); Glance will try again.`,
          'transient',
          BACKOFF_MS.at(-1),
        );
      }

      if (res.status === 401 && !refreshed) {
        refreshed = true;
        await this.refreshOrSignOut();
        attempt--;
        continue;
      }
      if (res.status >= 500 && attempt < attempts) {
        await this.sleep(retryAfterMs(res.headers) ?? BACKOFF_MS[attempt - 1] ?? BACKOFF_MS.at(-1)!);
        continue;
      }
      return this.settle<T>(res, path);
    }
  }

  private async refreshOrSignOut(): Promise<void> {
    try {
      await this.opts.refresh();
    } catch (e) {
      if (e instanceof ConnectorError && e.kind !== 'auth') throw e;
      throw new ConnectorError(RECONNECT, 'auth', undefined, 401);
    }
  }

  private async settle<T>(res: Response, path: string): Promise<SalesforceResponse<T>> {
    const text = await res.text();
    let parsed: unknown = undefined;
    if (text.trim()) {
      try {
        parsed = JSON.parse(text);
      } catch {
        // An HTML page (a proxy, a maintenance notice) instead of the API's JSON: worth another try later.
        if (res.ok || res.status >= 500)
          throw new ConnectorError(
            `Salesforce answered HTTP ${res.status} with something that is not JSON; Glance will try again.`,
            'transient',
            BACKOFF_MS.at(-1),
            res.status,
          );
      }
    }
    if (res.status === 300) {
      const urls = Array.isArray(parsed) ? parsed.join(', ') : '';
      throw new ConnectorError(
        `Salesforce found several ${subjectOf(path) ?? 'records'} with the same external id (${urls}); fix the duplicates in Salesforce.`,
        'permanent',
        undefined,
        300,
      );
    }
    if (res.ok) return { status: res.status, body: parsed as T, headers: res.headers };

    const { text: message, codes } = describeErrors(parsed, path);
    if (res.status === 401) throw new ConnectorError(RECONNECT, 'auth', undefined, 401);
    if (codes.includes('REQUEST_LIMIT_EXCEEDED')) {
      throw new ConnectorError(
        `${message}. The org's daily API allowance is used up; Glance waits before syncing again.`,
        'rate-limit',
        retryAfterMs(res.headers) ?? DAILY_LIMIT_BACKOFF_MS,
        res.status,
      );
    }
    if (res.status === 429 || res.status === 503) {
      throw new ConnectorError(
        `${message} (HTTP ${res.status}: Salesforce is busy); Glance will try again.`,
        res.status === 429 ? 'rate-limit' : 'transient',
        retryAfterMs(res.headers) ?? BACKOFF_MS.at(-1),
        res.status,
      );
    }
    if (res.status >= 500)
      throw new ConnectorError(
        `${message} (HTTP ${res.status}); Glance will try again.`,
        'transient',
        retryAfterMs(res.headers) ?? BACKOFF_MS.at(-1),
        res.status,
      );
    if (res.status === 403 && codes.some((c) => c === 'API_DISABLED_FOR_ORG' || c === 'API_CURRENTLY_DISABLED')) {
      throw new ConnectorError(`${message}. The user needs the "API Enabled" permission.`, 'auth', undefined, res.status);
    }
    throw new ConnectorError(message, 'permanent', undefined, res.status);
  }
}

/**
 * POSTs a token request (the code exchange or a refresh, bodies from oauth.ts) to the My Domain's
 * token endpoint. A refused grant is an 'auth' error; an unreachable or failing server is transient.
 */
export async function requestTokens(
  fetch: FetchLike,
  myDomain: string,
  body: URLSearchParams,
  previous?: Pick<SalesforceTokens, 'refreshToken'>,
): Promise<SalesforceTokens> {
  let res: Response;
  try {
    res = await fetch(tokenUrl(myDomain), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: body.toString(),
    });
  } catch (e) {
    throw new ConnectorError(
      `Salesforce sign-in could not be reached (${e instanceof Error ? e.message : String(e)}); Glance will try again.`,
      'transient',
      BACKOFF_MS.at(-1),
    );
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (res.status >= 500 || parsed === undefined) {
    throw new ConnectorError(
      `Salesforce sign-in answered HTTP ${res.status} without a token; Glance will try again.`,
      'transient',
      BACKOFF_MS.at(-1),
      res.status,
    );
  }
  return parseTokenResponse(parsed, previous);
}
