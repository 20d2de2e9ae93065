/**
 * The plumbing the CRM end-to-end tests stand on, proved without any sync UI: Chromium sends
 * api.hubapi.com and the org's My Domain to the local fakes, the extension's service worker reaches
 * HubSpot once the optional host permission is granted from chrome://extensions, and
 * identity.launchWebAuthFlow completes against the fake Salesforce authorize endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUBSPOT_TOKEN } from '../fakes/hubspot.mjs';
import { grantHostPermission, type Glance } from './harness.mjs';
import { extensionWithCrmPermissions, launchWithCrmFakes, startCrmFakes } from './crm-fakes';

interface WorkerChrome {
  chrome: {
    identity: {
      getRedirectURL(path?: string): string;
      launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
    };
    permissions: { contains(p: { origins: string[] }): Promise<boolean>; request(p: { origins: string[] }): Promise<boolean> };
  };
}

describe('CRM fakes reached from the extension', () => {
  let fakes: Awaited<ReturnType<typeof startCrmFakes>>;
  let extension: ReturnType<typeof extensionWithCrmPermissions>;
  let glance: Glance;

  beforeAll(async () => {
    fakes = await startCrmFakes({ hubspot: { seed: { companies: 3 } }, salesforce: { seed: { accounts: 3 } } });
    extension = extensionWithCrmPermissions();
    glance = await launchWithCrmFakes(fakes, { extensionDir: extension.dir });
  });
  afterAll(async () => {
    await glance?.close();
    await fakes?.close();
    extension?.remove();
  });

  /** What a fetch from the service worker to the real HubSpot URL gives: the status and portal, or the error. */
  const accountInfoFromWorker = () =>
    glance.worker.evaluate(async (token) => {
      try {
        const answer = await fetch('https://api.hubapi.com/account-info/v3/details', { headers: { Authorization: `Bearer ${token}` } });
        return { status: answer.status, portalId: ((await answer.json()) as { portalId?: number }).portalId };
      } catch (error) {
        return { error: String(error) };
      }
    }, HUBSPOT_TOKEN);

  it('a fetch to api.hubapi.com from the service worker reaches the fake once the permission is granted and requested', async () => {
    expect(await accountInfoFromWorker()).toHaveProperty('error');
    // Granted beforehand, as the user would in the prompt headless never shows; then the extension's
    // own request, made from its page as the Connections panel does on "Connect HubSpot", resolves true.
    await grantHostPermission(glance, 'https://api.hubapi.com/*');
    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    const requested = await page.evaluate(() =>
      (globalThis as unknown as WorkerChrome).chrome.permissions.request({ origins: ['https://api.hubapi.com/*'] }),
    );
    await page.close();
    expect(requested).toBe(true);
    expect(await accountInfoFromWorker()).toEqual({ status: 200, portalId: fakes.hubspot.portalId });
    expect(fakes.hubspot.log.some((r) => r.method === 'GET' && r.path === '/account-info/v3/details' && r.status === 200)).toBe(true);
  });

  it('launchWebAuthFlow against the fake My Domain comes back to the chromiumapp.org redirect with a code, which trades for tokens', async () => {
    // No grant needed here: the content script's *.my.salesforce.com match already gives the extension that host.
    const result = await glance.worker.evaluate(
      async ({ host, clientId }) => {
        const { chrome } = globalThis as unknown as WorkerChrome;
        const b64url = (bytes: Uint8Array) =>
          btoa(String.fromCharCode(...bytes))
            .replace(/\+/g, '-')
            .replace(/\//g, '_')
            .replace(/=+$/, '');
        const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
        const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
        const redirectUri = chrome.identity.getRedirectURL();
        const query = new URLSearchParams({
          response_type: 'code',
          client_id: clientId,
          redirect_uri: redirectUri,
          code_challenge: challenge,
          code_challenge_method: 'S256',
          state: 'state-1',
          scope: 'api refresh_token',
        });
        const back = await chrome.identity.launchWebAuthFlow({
          url: `https://${host}/services/oauth2/authorize?${query}`,
          interactive: false,
        });
        const code = new URL(back ?? '').searchParams.get('code') ?? '';
        const token = await fetch(`https://${host}/services/oauth2/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            code_verifier: verifier,
            client_id: clientId,
            redirect_uri: redirectUri,
          }).toString(),
        });
        const body = (await token.json()) as { instance_url?: string; refresh_token?: string };
        return { redirectUri, back, status: token.status, instanceUrl: body.instance_url, hasRefresh: !!body.refresh_token };
      },
      { host: fakes.salesforce.myDomain, clientId: fakes.salesforce.consumerKey },
    );
    expect(result.redirectUri).toBe(`https://${glance.extensionId}.chromiumapp.org/`);
    expect(result.back).toMatch(new RegExp(`^https://${glance.extensionId}\\.chromiumapp\\.org/\\?code=[^&]+&state=state-1$`));
    expect(result).toMatchObject({ status: 200, instanceUrl: 'https://acme-dev.my.salesforce.com', hasRefresh: true });
  });
});
