/**
 * The only code that speaks HTTP to api.hubapi.com. Every call goes through one budget (and search
 * calls through a second, tighter one), is retried with bounded, jittered backoff when HubSpot is
 * busy or down, and fails as a ConnectorError whose message says what to do about it.
 */
import { ConnectorError } from '../types';
import { realClock, RollingBudget, type Clock } from './limiter';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HubSpotClientOptions {
  accessToken: string;
  fetch: FetchLike;
  clock?: Clock;
  /** 0..1, Math.random by default; injected so tests can pin the jitter. */
  random?: () => number;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  /** Calls per rolling 10 s (190 for a private app on a paid tier). */
  tenSecondBudget?: number;
  /** Search calls per second. */
  searchPerSecond?: number;
  baseUrl?: string;
  /**
   * HubSpot counts calls per private app, not per client: every client made for one token (the token
   * check when connecting, the sync, the outbox) must draw on the same budgets, or together they send
   * more than the window allows and meet 429s. Made here when not given (one client, one budget).
   */
  budgets?: HubSpotBudgets;
}

export interface HubSpotBudgets {
  calls: RollingBudget;
  search: RollingBudget;
}

/** The two budgets of one private app: all calls in a rolling 10 s, and search calls per second. */
export function hubSpotBudgets(options: Pick<HubSpotClientOptions, 'clock' | 'tenSecondBudget' | 'searchPerSecond'> = {}): HubSpotBudgets {
  const clock = options.clock ?? realClock;
  return {
    calls: new RollingBudget(options.tenSecondBudget ?? 190, 10_000, clock),
    search: new RollingBudget(options.searchPerSecond ?? 5, 1000, clock),
  };
}

type Query = Record<string, string | number | boolean | undefined>;

interface CallOptions {
  query?: Query;
  body?: unknown;
  /** Search endpoints have their own, tighter budget. */
  search?: boolean;
  /**
   * Whether repeating the call is harmless. A create is not: when it fails after HubSpot may have
   * acted (a 5xx, a dropped connection), the caller looks before it tries again. A 429 always
   * means nothing was done, so it is retried either way.
   */
  idempotent?: boolean;
}

const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 30_000;
/** Without a Retry-After, the daily limit gets an hour before anyone tries again. */
const DAILY_LIMIT_WAIT_MS = 60 * 60 * 1000;

export class HubSpotClient {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly maxAttempts: number;
  private readonly baseUrl: string;
  private readonly budget: RollingBudget;
  private readonly searchBudget: RollingBudget;

  constructor(private readonly options: HubSpotClientOptions) {
    if (!options.accessToken.trim()) throw new ConnectorError('No HubSpot access token: paste the private-app token to connect', 'auth');
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? Math.random;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.baseUrl = options.baseUrl ?? 'https://api.hubapi.com';
    const budgets = options.budgets ?? hubSpotBudgets(options);
    this.budget = budgets.calls;
    this.searchBudget = budgets.search;
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.call<T>('GET', path, { query });
  }

  /** A search or batch read: safe to repeat, and counted against the search budget when `search`. */
  read<T>(path: string, body: unknown, { search = false } = {}): Promise<T> {
    return this.call<T>('POST', path, { body, search, idempotent: true });
  }

  /** A create: never repeated here after HubSpot may have acted on it. */
  create<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, { body, idempotent: false });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PATCH', path, { body });
  }

  private url(path: string, query?: Query): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') params.set(key, String(value));
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  /** Full jitter over an exponential ceiling: retries from many callers spread out instead of arriving together. */
  private backoff(attempt: number): number {
    return Math.round(this.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
  }

  private async call<T>(method: string, path: string, { query, body, search, idempotent = true }: CallOptions): Promise<T> {
    const what = `${method} ${path}`;
    let lastError: ConnectorError | undefined;
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      if (lastError) await this.clock.sleep(Math.max(lastError.retryAfterMs ?? 0, this.backoff(attempt)));
      const answered = await this.budget.take();
      const searchAnswered = search ? await this.searchBudget.take() : undefined;
      let response: Response;
      try {
        response = await this.options.fetch(this.url(path, query), {
          method,
          headers: {
            Authorization: `Bearer ${this.options.accessToken}`,
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (cause) {
        answered();
        searchAnswered?.();
        lastError = new ConnectorError(
          `HubSpot could not be reached (${what}): ${cause instanceof Error ? cause.message : String(cause)}`,
          'transient',
        );
        if (!idempotent) throw lastError;
        continue;
      }
      // HubSpot has counted the call by now: its place in the budget runs from here.
      answered();
      searchAnswered?.();
      const text = await response.text();
      if (response.ok) {
        if (response.status === 204 || text.trim() === '') return undefined as T;
        try {
          return JSON.parse(text) as T;
        } catch {
          // A proxy's HTML page or a cut-off body: worth another try, never worth storing.
          lastError = new ConnectorError(
            `HubSpot answered ${what} with a body that is not JSON (${describeBody(text)})`,
            'transient',
            undefined,
            response.status,
          );
          if (!idempotent) throw lastError;
          continue;
        }
      }
      const failure = this.failure(response, text, what);
      if (failure.kind === 'auth' || failure.kind === 'permanent') throw failure;
      if (failure.kind === 'rate-limit') {
        // Hold back only the budget HubSpot says is spent: a search limit does not stop list reads.
        (search ? this.searchBudget : this.budget).drain();
        if (isDaily(text)) throw failure;
      } else if (!idempotent) throw failure;
      lastError = failure;
    }
    throw lastError!;
  }

  private failure(response: Response, text: string, what: string): ConnectorError {
    const status = response.status;
    const body = parseErrorBody(text);
    const detail = body.message ? `: ${body.message}` : '';
    if (status === 401) {
      const expired = body.category === 'EXPIRED_AUTHENTICATION' ? ', expired' : '';
      return new ConnectorError(
        `HubSpot refused the token (401${expired}): reconnect with a new private-app token`,
        'auth',
        undefined,
        status,
      );
    }
    if (status === 403) {
      const n = body.scopes.length;
      const advice = n
        ? `it lacks the scope${n > 1 ? 's' : ''} ${body.scopes.join(', ')}; add ${n > 1 ? 'them' : 'it'} to the private app and reconnect`
        : `${body.message ?? 'no reason given'}; check the private app's scopes and that the super admin who made it still has access`;
      return new ConnectorError(
        `HubSpot denied ${what} to this token (403${body.category && !n ? ` ${body.category}` : ''}): ${advice}`,
        'auth',
        undefined,
        status,
      );
    }
    if (status === 429) {
      const retryAfter = retryAfterMs(response.headers.get('retry-after'));
      if (isDaily(text)) {
        return new ConnectorError(
          `HubSpot's daily API limit for this portal is used up (429 ${body.policyName ?? 'DAILY'}): syncing resumes after the limit resets at midnight in the portal's time zone`,
          'rate-limit',
          retryAfter ?? DAILY_LIMIT_WAIT_MS,
          status,
        );
      }
      return new ConnectorError(
        `HubSpot asked to slow down (429 ${body.policyName ?? 'rate limit'}) on ${what}`,
        'rate-limit',
        retryAfter ?? (body.policyName === 'TEN_SECONDLY_ROLLING' ? 10_000 : 1000),
        status,
      );
    }
    if (status >= 500)
      return new ConnectorError(
        `HubSpot failed on ${what} (${status})${detail}`,
        'transient',
        retryAfterMs(response.headers.get('retry-after')),
        status,
      );
    return new ConnectorError(
      `HubSpot rejected ${what} (${status}${body.category ? ` ${body.category}` : ''})${detail}`,
      'permanent',
      undefined,
      status,
    );
  }
}

interface ErrorBody {
  message?: string;
  category?: string;
  policyName?: string;
  scopes: string[];
}

function parseErrorBody(text: string): ErrorBody {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const context = (body.context ?? {}) as Record<string, unknown>;
    const scopes = [context.requiredGranularScopes, context.requiredScopes].find(Array.isArray) as unknown[] | undefined;
    return {
      message: typeof body.message === 'string' ? body.message.slice(0, 300) : undefined,
      category: typeof body.category === 'string' ? body.category : undefined,
      policyName: typeof body.policyName === 'string' ? body.policyName : undefined,
      scopes: (scopes ?? []).filter((s): s is string => typeof s === 'string'),
    };
  } catch {
    return { scopes: [] };
  }
}

function isDaily(text: string): boolean {
  return /DAILY/i.test(parseErrorBody(text).policyName ?? '');
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function describeBody(text: string): string {
  const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
  return start ? `starts "${start}"` : 'empty';
}
