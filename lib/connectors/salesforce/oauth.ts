/**
 * The pure pieces of Salesforce's OAuth 2.0 web-server flow with PKCE, run against the org's own
 * My Domain (never login.salesforce.com, so that orgs with "prevent login from login.salesforce.com"
 * and sandboxes work alike). The browser part (launchWebAuthFlow) and the token POST live elsewhere;
 * everything here is strings and objects, so it is tested without a browser.
 */
import { ConnectorError } from '../types';

export const DEFAULT_SCOPES = 'api refresh_token';

/** Production (`acme.my.salesforce.com`), sandbox (`acme--uat.sandbox.my.salesforce.com`), developer edition (`acme-dev-ed.develop.my.salesforce.com`). */
const MY_DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:--[a-z0-9]+\.sandbox|\.develop)?\.my\.salesforce\.com$/;

export type MyDomainResult = { ok: true; host: string } | { ok: false; message: string };

/** Accepts what an admin pastes (a bare host, a URL, upper case, a trailing slash) and names what is wrong otherwise. */
export function parseMyDomain(input: string): MyDomainResult {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'Enter your Salesforce My Domain, e.g. acme.my.salesforce.com' };
  let host: string;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (url.protocol !== 'https:')
      return { ok: false, message: `${raw} is not an https address; enter the My Domain host, e.g. acme.my.salesforce.com` };
    host = url.hostname.toLowerCase();
  } catch {
    return { ok: false, message: `${raw} is not a host name; enter the My Domain host, e.g. acme.my.salesforce.com` };
  }
  if (MY_DOMAIN.test(host)) return { ok: true, host };
  const lightning = /^([a-z0-9-]+)(--[a-z0-9]+\.sandbox)?\.lightning\.force\.com$/.exec(host);
  if (lightning) {
    const suggestion = `${lightning[1]}${lightning[2] ?? ''}.my.salesforce.com`;
    return { ok: false, message: `${host} is the Lightning address; enter the My Domain instead: ${suggestion}` };
  }
  if (host === 'login.salesforce.com' || host === 'test.salesforce.com') {
    return {
      ok: false,
      message: `${host} is Salesforce's shared login page; enter your org's My Domain, e.g. acme.my.salesforce.com (Setup → My Domain)`,
    };
  }
  return {
    ok: false,
    message: `${host} is not a Salesforce My Domain; it ends in .my.salesforce.com (sandboxes: acme--uat.sandbox.my.salesforce.com)`,
  };
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** RFC 7636 S256: a 43-character verifier from 32 random bytes and its SHA-256 challenge. */
export async function createPkce(randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): Promise<Pkce> {
  const verifier = base64Url(randomBytes(32));
  return { verifier, challenge: await pkceChallenge(verifier) };
}

export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** An unguessable state that ties the redirect to the request that started it. */
export function createState(randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  return base64Url(randomBytes(16));
}

export interface AuthorizeParams {
  myDomain: string;
  /** The External Client App's (or connected app's) consumer key. */
  clientId: string;
  /** `https://<extension-id>.chromiumapp.org/`, as registered in the app's callback URLs. */
  redirectUri: string;
  codeChallenge: string;
  state: string;
  scope?: string;
}

export function authorizeUrl(p: AuthorizeParams): string {
  const url = new URL(`https://${p.myDomain}/services/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
    code_challenge: p.codeChallenge,
    code_challenge_method: 'S256',
    state: p.state,
    scope: p.scope ?? DEFAULT_SCOPES,
  }).toString();
  return url.toString();
}

/** The code from the redirect, or a ConnectorError saying why the user is not connected. */
export function parseRedirect(redirectUrl: string, expectedState: string, redirectUri: string): string {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    throw new ConnectorError('Salesforce sign-in ended on an address Glance cannot read; try connecting again.', 'permanent');
  }
  if (!redirectUrl.startsWith(redirectUri)) {
    throw new ConnectorError(
      `Salesforce sign-in returned to ${url.origin}, not to Glance (${redirectUri}); check the app's callback URL.`,
      'permanent',
    );
  }
  // Salesforce puts errors in the query of the callback; some flows use the fragment.
  const params = url.search ? url.searchParams : new URLSearchParams(url.hash.slice(1));
  const error = params.get('error');
  if (error === 'access_denied') {
    throw new ConnectorError(
      'Salesforce access was not allowed: you (or your admin) denied Glance. Connect again and choose Allow.',
      'auth',
    );
  }
  if (error) {
    const description = params.get('error_description');
    throw new ConnectorError(`Salesforce sign-in failed: ${error}${description ? ` (${description})` : ''}.`, 'auth');
  }
  if (params.get('state') !== expectedState) {
    throw new ConnectorError(
      'Salesforce sign-in answered a different request (state does not match); nothing was connected. Try again.',
      'auth',
    );
  }
  const code = params.get('code');
  if (!code) throw new ConnectorError('Salesforce sign-in returned no authorization code; try connecting again.', 'auth');
  return code;
}

export function tokenUrl(myDomain: string): string {
  return `https://${myDomain}/services/oauth2/token`;
}

/** The form body that trades the code for tokens (`application/x-www-form-urlencoded`). */
export function authorizationCodeBody(p: { code: string; codeVerifier: string; clientId: string; redirectUri: string }): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code: p.code,
    code_verifier: p.codeVerifier,
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
  });
}

export function refreshTokenBody(p: { refreshToken: string; clientId: string }): URLSearchParams {
  return new URLSearchParams({ grant_type: 'refresh_token', refresh_token: p.refreshToken, client_id: p.clientId });
}

export interface SalesforceTokens {
  accessToken: string;
  refreshToken?: string;
  /** Where the org's API answers; every REST call goes here. */
  instanceUrl: string;
  /** The identity URL `https://login.salesforce.com/id/<orgId>/<userId>`. */
  identityUrl: string;
  orgId?: string;
  userId?: string;
  /** ISO time the token was issued. */
  issuedAt?: string;
}

/**
 * The token endpoint's answer as tokens. A refresh answer has no refresh_token: the previous one
 * stays valid, so it is carried over. An `{error, error_description}` body becomes an auth error.
 */
export function parseTokenResponse(body: unknown, previous?: Pick<SalesforceTokens, 'refreshToken'>): SalesforceTokens {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.error === 'string') {
    const description = typeof b.error_description === 'string' ? b.error_description : '';
    const expired = b.error === 'invalid_grant';
    const message = expired
      ? `Salesforce no longer accepts Glance's sign-in (${description || b.error}); reconnect Salesforce in Glance's options.`
      : `Salesforce refused the sign-in: ${b.error}${description ? ` (${description})` : ''}.`;
    throw new ConnectorError(message, 'auth');
  }
  const missing = ['access_token', 'instance_url', 'id'].filter((k) => typeof b[k] !== 'string' || !b[k]);
  if (missing.length) throw new ConnectorError(`Salesforce's token answer lacks ${missing.join(', ')}; try connecting again.`, 'auth');
  const identityUrl = b.id as string;
  const idParts = /\/id\/([a-zA-Z0-9]{15,18})\/([a-zA-Z0-9]{15,18})\/?$/.exec(identityUrl);
  const issued = Number(b.issued_at);
  return {
    accessToken: b.access_token as string,
    refreshToken: typeof b.refresh_token === 'string' ? b.refresh_token : previous?.refreshToken,
    instanceUrl: (b.instance_url as string).replace(/\/+$/, ''),
    identityUrl,
    orgId: idParts?.[1],
    userId: idParts?.[2],
    issuedAt: Number.isFinite(issued) && issued > 0 ? new Date(issued).toISOString() : undefined,
  };
}
