/**
 * What both fake CRMs share: HTTPS on 127.0.0.1 with a certificate made at start by the `openssl`
 * CLI (so a browser with --ignore-certificate-errors, or Node trusting the certificate, talks to it
 * under the real host names), a clock tests can move, a request log, and faults injected into the
 * next N requests to a path. Plain Node: no packages.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The production hosts the browser is pointed at the fakes under. */
export const CERTIFICATE_HOSTS = [
  'api.hubapi.com',
  '*.my.salesforce.com',
  '*.sandbox.my.salesforce.com',
  '*.develop.my.salesforce.com',
  'localhost',
];

/**
 * A self-signed certificate for the CRM hosts and 127.0.0.1, written to a temp dir removed at once.
 * @returns {{ key: string; cert: string }}
 */
export function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'glance-fake-cert-'));
  try {
    const san = [...CERTIFICATE_HOSTS.map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',');
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', '/CN=glance-fake-crm'];
    execFileSync('openssl', [...args, '-addext', `subjectAltName=${san}`, '-keyout', keyPath, '-out', certPath], { stdio: 'ignore' });
    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The fake's time: real time plus an offset, so what the fake stamps and what a connector reading
 * the same clock computes agree, and a test can jump forward (Salesforce counts deletions in whole
 * minutes) or pin a tie.
 */
export function createClock() {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    /** @param {number | string} at epoch ms or ISO */
    set(at) {
      offset = (typeof at === 'number' ? at : Date.parse(at)) - Date.now();
    },
    /** @param {number} ms */
    advance(ms) {
      offset += ms;
    },
  };
}

/**
 * @typedef {object} Fault
 * @property {string | RegExp} match a path prefix (query excluded) or a RegExp on `METHOD /path`
 * @property {number} times
 * @property {number | 'malformed' | 'drop'} as an HTTP status, a 200 whose body is not JSON, or a dropped connection
 * @property {boolean} [afterHandling] answer the fault only after the fake acted (a write that succeeded but whose answer was lost)
 * @property {number} [retryAfter] seconds, sent as Retry-After
 * @property {unknown} [body]
 */

/** Faults for the next requests that match, in the order they were added. */
export function createFaults() {
  /** @type {Fault[]} */
  const pending = [];
  return {
    /**
     * @param {string | RegExp} match
     * @param {Partial<Omit<Fault, 'match'>>} [fault]
     */
    failNext(match, fault = {}) {
      pending.push({ match, times: fault.times ?? 1, as: fault.as ?? 500, ...fault });
    },
    clear() {
      pending.length = 0;
    },
    /**
     * @param {string} method
     * @param {string} path
     * @returns {Fault | undefined}
     */
    take(method, path) {
      const fault = pending.find((f) => (typeof f.match === 'string' ? path.startsWith(f.match) : f.match.test(`${method} ${path}`)));
      if (!fault) return undefined;
      if (--fault.times <= 0) pending.splice(pending.indexOf(fault), 1);
      return fault;
    },
  };
}

/**
 * @typedef {object} FakeRequest
 * @property {string} method
 * @property {URL} url
 * @property {string} path
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {string} text
 */

/**
 * @typedef {object} FakeResponse
 * @property {number} status
 * @property {Record<string, string>} [headers]
 * @property {unknown} [json]
 * @property {string} [text]
 */

/**
 * Serves `handle` over HTTPS (and plain HTTP when asked) on 127.0.0.1, with the faults applied and
 * every request logged.
 * @param {(req: FakeRequest) => FakeResponse | Promise<FakeResponse>} handle
 * @param {{ faults: ReturnType<typeof createFaults>; errorBody: (status: number) => unknown; http?: boolean }} options
 */
export async function serve(handle, { faults, errorBody, http = false }) {
  const { key, cert } = makeCertificate();
  /** @type {Array<{ method: string; path: string; query: string; status: number; body: string; at: number; answeredAt: number }>} */
  const log = [];
  /** @type {import('node:http').RequestListener} */
  const listener = (req, res) => {
    const chunks = /** @type {Buffer[]} */ ([]);
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', `https://${req.headers.host ?? '127.0.0.1'}`);
      const request = {
        method: req.method ?? 'GET',
        url,
        path: url.pathname,
        headers: req.headers,
        text: Buffer.concat(chunks).toString('utf8'),
      };
      // Real time (not the fake clock): when the request arrived and when its answer went out, for throughput.
      const entry = {
        method: request.method,
        path: url.pathname,
        query: url.search,
        status: 0,
        body: request.text,
        at: Date.now(),
        answeredAt: 0,
      };
      log.push(entry);
      const fault = faults.take(request.method, url.pathname);
      /** @type {FakeResponse} */
      let answer;
      try {
        answer = fault && !fault.afterHandling ? faultAnswer(fault, errorBody) : await handle(request);
        if (fault?.afterHandling) answer = faultAnswer(fault, errorBody);
      } catch (error) {
        answer = {
          status: 500,
          json: errorBody(500),
          headers: { 'x-fake-error': String(error instanceof Error ? error.message : error).slice(0, 200) },
        };
      }
      entry.status = answer.status;
      entry.answeredAt = Date.now();
      if (fault?.as === 'drop') {
        req.socket.destroy();
        return;
      }
      const body = answer.text ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
      const type = answer.json !== undefined ? { 'content-type': 'application/json;charset=utf-8' } : {};
      res.writeHead(answer.status, { ...type, ...answer.headers });
      res.end(answer.status === 204 ? undefined : body);
    });
  };
  const secure = createHttpsServer({ key, cert }, listener);
  await new Promise((resolve) => secure.listen(0, '127.0.0.1', () => resolve(undefined)));
  const plain = http ? createHttpServer(listener) : undefined;
  if (plain) await new Promise((resolve) => plain.listen(0, '127.0.0.1', () => resolve(undefined)));
  const portOf = (/** @type {import('node:net').Server} */ s) => /** @type {import('node:net').AddressInfo} */ (s.address()).port;
  return {
    cert,
    port: portOf(secure),
    httpsOrigin: `https://127.0.0.1:${portOf(secure)}`,
    httpOrigin: plain ? `http://127.0.0.1:${portOf(plain)}` : undefined,
    log,
    async close() {
      for (const server of [secure, plain]) {
        if (!server) continue;
        server.closeAllConnections?.();
        await new Promise((resolve) => server.close(() => resolve(undefined)));
      }
    },
  };
}

/**
 * @param {Fault} fault
 * @param {(status: number) => unknown} errorBody
 * @returns {FakeResponse}
 */
function faultAnswer(fault, errorBody) {
  const retry = fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
  if (fault.as === 'malformed' || fault.as === 'drop')
    return { status: 200, text: '<html><body>502 Bad Gateway</body></html', headers: { 'content-type': 'application/json;charset=utf-8' } };
  return { status: fault.as, json: fault.body ?? errorBody(fault.as), headers: retry };
}

export const correlationId = () => randomUUID();

/** @param {string} text */
export function parseJson(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: undefined };
  }
}

/**
 * A fetch for Node tests: the connector's real URL (https://api.hubapi.com/..., https://acme.my.salesforce.com/...)
 * is sent to the fake's plain-HTTP origin, path and query unchanged.
 * @param {string} origin
 * @returns {(input: string | URL | Request, init?: RequestInit) => Promise<Response>}
 */
export function fetchTo(origin) {
  return (input, init) => {
    const real = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return fetch(`${origin}${real.pathname}${real.search}`, {
      ...init,
      headers: { ...Object.fromEntries(new Headers(init?.headers)), 'x-forwarded-host': real.host },
    });
  };
}
