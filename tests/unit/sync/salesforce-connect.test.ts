import { afterEach, describe, expect, it, vi } from 'vitest';
import { SidebarRegistry } from '../../../lib/access/sidebar-registry';
import type { Caller } from '../../../lib/messages/server';
import { createService } from '../../../lib/service/handlers';
import { GlanceDB } from '../../../lib/store/db';
import { readSecret } from '../../../lib/store/sync-state';
import { realConnectors, type SyncPlatform } from '../../../lib/sync/connectors';
import { freshDbName, memoryStorage } from '../service/harness';

const open: GlanceDB[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The org's My Domain: authorize (in the sign-in window), token, userinfo and REST, as Salesforce answers them. */
function org() {
  const calls: Array<{ url: string; body?: string }> = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    calls.push({ url, body: init?.body as string | undefined });
    const path = new URL(url).pathname;
    if (path === '/services/oauth2/token')
      return json({
        access_token: '00Dxx!access',
        refresh_token: '5Aep-refresh',
        instance_url: 'https://acme.my.salesforce.com',
        id: 'https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA',
        issued_at: '1764583200000',
      });
    if (path === '/services/oauth2/userinfo') return json({ user_id: '005000000000001AAA', email: 'Maya.Chen@acme.com' });
    if (path.endsWith('/query')) return json({ totalSize: 0, done: true, records: [] });
    return json([{ errorCode: 'NOT_FOUND', message: 'not here' }], 404);
  });
  return { fetch, calls };
}

function service(platform: Partial<SyncPlatform>, fetch: SyncPlatform['fetch']) {
  const db = new GlanceDB(freshDbName());
  open.push(db);
  const full: SyncPlatform = {
    fetch,
    hasHostPermission: async (pattern) => pattern === 'https://acme.my.salesforce.com/*',
    redirectUrl: () => REDIRECT,
    launchWebAuthFlow: async () => REDIRECT,
    ...platform,
  };
  const { handlers } = createService({
    db,
    now: () => new Date('2026-12-01T10:00:00.000Z'),
    broadcast: vi.fn(),
    sidebars: new SidebarRegistry(memoryStorage()),
    sync: { platform: full, connectors: realConnectors(fetch), drainDelayMs: 0 },
  });
  const caller: Caller = { role: 'page', sender: {} };
  return {
    db,
    connect: (input: { myDomain: string; consumerKey: string }) => handlers['sync.connect']({ source: 'salesforce', ...input }, caller),
  };
}

describe('Connecting Salesforce', () => {
  it('signs in with PKCE at the org’s My Domain, trades the code there, and keeps the tokens to the background', async () => {
    const { fetch, calls } = org();
    let authorize: URL | undefined;
    const s = service(
      {
        launchWebAuthFlow: async (url) => {
          authorize = new URL(url);
          return `${REDIRECT}?code=aPrx-code&state=${authorize.searchParams.get('state')}`;
        },
      },
      fetch,
    );
    const status = await s.connect({ myDomain: 'https://ACME.my.salesforce.com/', consumerKey: '3MVG9-key' });

    expect(authorize?.origin + authorize!.pathname).toBe('https://acme.my.salesforce.com/services/oauth2/authorize');
    expect(Object.fromEntries(authorize!.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: '3MVG9-key',
      redirect_uri: REDIRECT,
      code_challenge_method: 'S256',
    });
    const exchange = calls.find((c) => c.url === 'https://acme.my.salesforce.com/services/oauth2/token')!;
    expect(Object.fromEntries(new URLSearchParams(exchange.body))).toMatchObject({
      grant_type: 'authorization_code',
      code: 'aPrx-code',
      client_id: '3MVG9-key',
    });
    expect(new URLSearchParams(exchange.body).get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Every call went to the org's own host.
    expect(new Set(calls.map((c) => new URL(c.url).origin))).toEqual(new Set(['https://acme.my.salesforce.com']));

    expect(status).toMatchObject({
      source: 'salesforce',
      label: 'acme.my.salesforce.com',
      ownerEmail: 'maya.chen@acme.com',
      myDomain: 'acme.my.salesforce.com',
    });
    expect(JSON.stringify(status)).not.toMatch(/access|refresh|3MVG9/);
    expect(await readSecret(s.db, 'salesforce')).toMatchObject({
      tokens: { accessToken: '00Dxx!access', refreshToken: '5Aep-refresh' },
      clientId: '3MVG9-key',
    });
  });

  it('names what is wrong: not a My Domain, or the host not granted', async () => {
    const { fetch } = org();
    await expect(service({}, fetch).connect({ myDomain: 'acme.lightning.force.com', consumerKey: 'k' })).rejects.toThrow(
      'acme.lightning.force.com is the Lightning address; enter the My Domain instead: acme.my.salesforce.com',
    );
    await expect(
      service({ hasHostPermission: async () => false }, fetch).connect({ myDomain: 'acme.my.salesforce.com', consumerKey: 'k' }),
    ).rejects.toThrow(/Glance may not reach https:\/\/acme\.my\.salesforce\.com yet/);
  });
});
