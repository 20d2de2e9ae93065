/**
 * The fake org's OAuth 2.0 web-server flow with PKCE, as Salesforce runs it on a My Domain: the
 * authorize endpoint answers 302 to the registered redirect_uri with `code` and `state` (or an
 * `error`), the token endpoint checks the code, the redirect and the S256 verifier, and trades
 * refresh tokens for new access tokens (a refresh answer has no refresh_token).
 */
import { createHash, randomBytes } from 'node:crypto';

/**
 * @param {{ clock: { now(): number }; consumerKey: string; callback: RegExp; myDomain: string; orgId: string; userId: string }} org
 */
export function createOAuth({ clock, consumerKey, callback, myDomain, orgId, userId }) {
  /** @type {Map<string, { challenge: string; redirectUri: string; expires: number }>} */
  const codes = new Map();
  const accessTokens = new Set();
  const refreshTokens = new Set();
  let denyNext = false;
  const oauthError = (/** @type {string} */ error, /** @type {string} */ description, status = 400) => ({
    status,
    json: { error, error_description: description },
  });
  const token = (/** @type {string} */ kind) => `${orgId.slice(0, 15)}!${kind}${randomBytes(24).toString('base64url')}`;
  const identity = `https://login.salesforce.com/id/${orgId}/${userId}`;

  function issueTokens(withRefresh = true) {
    const access = token('AQ');
    accessTokens.add(access);
    const refresh = withRefresh ? token('RT') : undefined;
    if (refresh) refreshTokens.add(refresh);
    const body = {
      access_token: access,
      ...(refresh ? { refresh_token: refresh } : {}),
      signature: randomBytes(32).toString('base64'),
      scope: 'refresh_token api',
      instance_url: `https://${myDomain}`,
      id: identity,
      token_type: 'Bearer',
      issued_at: String(clock.now()),
    };
    return body;
  }

  /** @param {URL} url @returns {import('./http.mjs').FakeResponse} */
  function authorize(url) {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== consumerKey)
      return {
        status: 400,
        text: '<html><body>OAuth Error: error=invalid_client_id</body></html>',
        headers: { 'content-type': 'text/html' },
      };
    if (!callback.test(redirectUri))
      return {
        status: 400,
        text: '<html><body>OAuth Error: error=redirect_uri_mismatch</body></html>',
        headers: { 'content-type': 'text/html' },
      };
    const back = new URL(redirectUri);
    const state = q.get('state');
    const say = (/** @type {Record<string, string>} */ params) => {
      for (const [k, v] of Object.entries(params)) back.searchParams.set(k, v);
      if (state !== null) back.searchParams.set('state', state);
      return { status: 302, headers: { location: back.toString() } };
    };
    if (q.get('response_type') !== 'code')
      return say({ error: 'unsupported_response_type', error_description: 'response type not supported' });
    if (!q.get('code_challenge') || q.get('code_challenge_method') !== 'S256')
      return say({ error: 'invalid_request', error_description: 'missing required code challenge' });
    if (denyNext) return ((denyNext = false), say({ error: 'access_denied', error_description: 'end-user denied authorization' }));
    const code = `aPrx${randomBytes(24).toString('base64')}`;
    codes.set(code, { challenge: /** @type {string} */ (q.get('code_challenge')), redirectUri, expires: clock.now() + 15 * 60_000 });
    return say({ code });
  }

  /** @param {URLSearchParams} form @returns {import('./http.mjs').FakeResponse} */
  function exchange(form) {
    if (form.get('client_id') !== consumerKey) return oauthError('invalid_client_id', 'client identifier invalid');
    if (form.get('grant_type') === 'refresh_token') {
      if (!refreshTokens.has(form.get('refresh_token') ?? '')) return oauthError('invalid_grant', 'expired access/refresh token');
      return { status: 200, json: issueTokens(false) };
    }
    if (form.get('grant_type') !== 'authorization_code') return oauthError('unsupported_grant_type', 'grant type not supported');
    const code = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    if (!code || code.expires < clock.now()) return oauthError('invalid_grant', 'expired authorization code');
    if (form.get('redirect_uri') !== code.redirectUri) return oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge)
      return oauthError('invalid_grant', 'invalid code verifier');
    return { status: 200, json: issueTokens(true) };
  }

  return {
    identity,
    authorize,
    exchange,
    issueTokens,
    /** @param {string | undefined} access */
    accepts: (access) => !!access && accessTokens.has(access),
    expireSessions: () => accessTokens.clear(),
    revokeRefreshTokens: () => refreshTokens.clear(),
    denyNextAuthorization: () => void (denyNext = true),
  };
}
