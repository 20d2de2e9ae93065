import { describe, expect, it } from 'vitest';
import {
  authorizationCodeBody,
  authorizeUrl,
  createPkce,
  parseMyDomain,
  parseRedirect,
  parseTokenResponse,
  pkceChallenge,
  refreshTokenBody,
} from '../../../../lib/connectors/salesforce/oauth';
import { ConnectorError } from '../../../../lib/connectors/types';
import { fixture, HAS_RECORDED, NO_RECORDED_REASON, recorded } from './support';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

function thrown(f: () => unknown): ConnectorError {
  try {
    f();
  } catch (e) {
    if (e instanceof ConnectorError) return e;
    throw e;
  }
  throw new Error('expected a ConnectorError');
}

describe('My Domain input', () => {
  it('accepts production, sandbox and developer-edition My Domains however they are pasted', () => {
    expect(parseMyDomain('acme.my.salesforce.com')).toEqual({ ok: true, host: 'acme.my.salesforce.com' });
    expect(parseMyDomain(' https://Acme--UAT.sandbox.my.salesforce.com/ ')).toEqual({
      ok: true,
      host: 'acme--uat.sandbox.my.salesforce.com',
    });
    expect(parseMyDomain('https://acme-dev-ed.develop.my.salesforce.com/lightning/page/home')).toEqual({
      ok: true,
      host: 'acme-dev-ed.develop.my.salesforce.com',
    });
  });

  it('rejects other hosts with a message that says what to enter', () => {
    const lightning = parseMyDomain('acme.lightning.force.com');
    expect(lightning).toEqual({ ok: false, message: expect.stringContaining('acme.my.salesforce.com') });
    expect(parseMyDomain('login.salesforce.com')).toEqual({ ok: false, message: expect.stringContaining("your org's My Domain") });
    expect(parseMyDomain('acme.my.salesforce.com.evil.example')).toEqual({
      ok: false,
      message: expect.stringContaining('is not a Salesforce My Domain'),
    });
    expect(parseMyDomain('http://acme.my.salesforce.com')).toEqual({ ok: false, message: expect.stringContaining('not an https address') });
    expect(parseMyDomain('')).toEqual({ ok: false, message: expect.stringContaining('Enter your Salesforce My Domain') });
  });
});

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a 43-character URL-safe verifier from 32 random bytes', async () => {
    const { verifier, challenge } = await createPkce();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(challenge).toBe(await pkceChallenge(verifier));
    expect((await createPkce()).verifier).not.toBe(verifier);
  });
});

describe('authorize request', () => {
  it("goes to the org's My Domain with the code flow, the consumer key, PKCE and state", () => {
    const url = new URL(
      authorizeUrl({
        myDomain: 'acme.my.salesforce.com',
        clientId: '3MVG9key',
        redirectUri: REDIRECT,
        codeChallenge: 'chal',
        state: 'st8',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://acme.my.salesforce.com/services/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: '3MVG9key',
      redirect_uri: REDIRECT,
      code_challenge: 'chal',
      code_challenge_method: 'S256',
      state: 'st8',
      scope: 'api refresh_token',
    });
  });
});

describe('redirect', () => {
  it('yields the code when the state is the one sent', () => {
    expect(parseRedirect(`${REDIRECT}?code=aPrx%3D%3D&state=st8`, 'st8', REDIRECT)).toBe('aPrx==');
  });

  it('explains a denied consent in plain words', () => {
    const e = thrown(() =>
      parseRedirect(`${REDIRECT}?error=access_denied&error_description=end-user+denied+authorization&state=st8`, 'st8', REDIRECT),
    );
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/denied Glance/);
  });

  it('refuses a redirect answering another request or landing elsewhere', () => {
    expect(thrown(() => parseRedirect(`${REDIRECT}?code=abc&state=other`, 'st8', REDIRECT)).message).toMatch(/state does not match/);
    expect(thrown(() => parseRedirect('https://evil.example/?code=abc&state=st8', 'st8', REDIRECT)).message).toMatch(/callback URL/);
    expect(thrown(() => parseRedirect(`${REDIRECT}?state=st8`, 'st8', REDIRECT)).message).toMatch(/no authorization code/);
  });
});

describe('token requests', () => {
  it('trades the code with the verifier, and refreshes with the refresh token', () => {
    const code = authorizationCodeBody({ code: 'c0de', codeVerifier: 'ver', clientId: '3MVG9key', redirectUri: REDIRECT });
    expect(Object.fromEntries(code)).toEqual({
      grant_type: 'authorization_code',
      code: 'c0de',
      code_verifier: 'ver',
      client_id: '3MVG9key',
      redirect_uri: REDIRECT,
    });
    expect(Object.fromEntries(refreshTokenBody({ refreshToken: 'r1', clientId: '3MVG9key' }))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'r1',
      client_id: '3MVG9key',
    });
  });

  it('reads a web-server flow answer: tokens, instance, org and user from the identity URL, issue time', () => {
    expect(parseTokenResponse(fixture('oauth2-token-web-server.json'))).toEqual({
      accessToken: '00Dxx0000001gPL!AR8AQJXg5oj8jXSgxJfA0lBog',
      refreshToken: '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJo7Xz',
      instanceUrl: 'https://northpeak.my.salesforce.com',
      identityUrl: 'https://login.salesforce.com/id/00DdM00000vfgTuUAI/005dM00000aYf0qQAC',
      orgId: '00DdM00000vfgTuUAI',
      userId: '005dM00000aYf0qQAC',
      issuedAt: '2025-12-01T09:00:00.000Z',
    });
  });

  it('names what is missing from a token answer', () => {
    expect(thrown(() => parseTokenResponse({ access_token: 'x' })).message).toMatch(/lacks instance_url, id/);
  });
});

describe.skipIf(!HAS_RECORDED)(`recorded token answers (skipped when ${NO_RECORDED_REASON})`, () => {
  it('reads the recorded token answer', () => {
    const tokens = parseTokenResponse(recorded('oauth2-token-success.json').body);
    expect(tokens).toMatchObject({
      instanceUrl: 'https://na1.salesforce.com',
      orgId: '00Dx0000000BV7z',
      userId: '005x00000012Q9P',
      issuedAt: '2010-07-06T20:40:32.702Z',
    });
  });

  it('keeps the refresh token across a refresh answer, which carries none', () => {
    const tokens = parseTokenResponse(recorded('oauth2-token-refresh-success.json').body, { refreshToken: 'kept' });
    expect(tokens.accessToken).toBe('refreshed_access_token');
    expect(tokens.refreshToken).toBe('kept');
  });

  it('turns an expired refresh token into a request to reconnect', () => {
    const e = thrown(() => parseTokenResponse(recorded('oauth2-token-refresh-error-expired.json').body));
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/expired access\/refresh token.*reconnect Salesforce/);
  });
});
