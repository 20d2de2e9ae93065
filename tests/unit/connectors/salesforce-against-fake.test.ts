// @vitest-environment node
/**
 * The real Salesforce connector against the fake org over HTTP: the OAuth web-server flow with
 * PKCE, every page of a first sync, an incremental pull that sees an edit and a deletion, records
 * that tie on SystemModstamp at a page edge, a refresh after INVALID_SESSION_ID, and a promise
 * pushed twice (also after a 500 that followed the write) that is one Task.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { requestTokens } from '../../../lib/connectors/salesforce/client';
import { createSalesforceConnector } from '../../../lib/connectors/salesforce/index';
import {
  authorizationCodeBody,
  authorizeUrl,
  createPkce,
  createState,
  parseRedirect,
  refreshTokenBody,
  type SalesforceTokens,
} from '../../../lib/connectors/salesforce/oauth';
import type { Connector, PullPage, SyncObject } from '../../../lib/connectors/types';
import type { OutboxEntry } from '../../../lib/store/db';
import { fetchTo } from '../../fakes/http.mjs';
import { startSalesforceFake } from '../../fakes/salesforce.mjs';

type Fake = Awaited<ReturnType<typeof startSalesforceFake>>;
let fake: Fake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

/** The connector as the background wires it: tokens kept outside, refreshed through the org's token endpoint. */
function connect(f: Fake, options: { externalIdField?: string | null } = {}) {
  const fetch = fetchTo(f.httpOrigin!);
  const t = f.issueTokens();
  let tokens: SalesforceTokens = {
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    instanceUrl: t.instance_url,
    identityUrl: t.id,
  };
  const refreshes: string[] = [];
  const connector = createSalesforceConnector({
    fetch,
    tokens: () => tokens,
    refresh: async () => {
      tokens = await requestTokens(
        fetch,
        f.myDomain,
        refreshTokenBody({ refreshToken: tokens.refreshToken!, clientId: f.consumerKey }),
        tokens,
      );
      refreshes.push(tokens.accessToken);
      return tokens;
    },
    now: () => new Date(f.clock.now()),
    sleep: async () => undefined,
    ...options,
  });
  return { connector, refreshes };
}

async function run(connector: Connector, object: SyncObject, cursor: string | null) {
  const pages: PullPage[] = [];
  let page: PullPage;
  do {
    page = await connector.pull(object, cursor);
    pages.push(page);
    cursor = page.cursor;
  } while (page.more);
  return {
    cursor,
    accounts: pages.flatMap((p) => p.records.accounts ?? []),
    contacts: pages.flatMap((p) => p.records.contacts ?? []),
    tickets: pages.flatMap((p) => p.records.tickets ?? []),
    activities: pages.flatMap((p) => p.records.activities ?? []),
    deleted: pages.flatMap((p) => Object.values(p.deleted ?? {}).flat()),
    resync: pages.some((p) => p.resyncRequired),
  };
}

describe('Salesforce connector against the fake org', () => {
  it('connects through the web-server flow with PKCE: code and state come back to the redirect, the verifier is checked', async () => {
    fake = await startSalesforceFake({ http: true });
    const fetch = fetchTo(fake.httpOrigin!);
    const pkce = await createPkce();
    const state = createState();
    const url = authorizeUrl({
      myDomain: fake.myDomain,
      clientId: fake.consumerKey,
      redirectUri: REDIRECT,
      codeChallenge: pkce.challenge,
      state,
    });
    const answer = await fetch(url, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const code = parseRedirect(answer.headers.get('location')!, state, REDIRECT);
    const body = authorizationCodeBody({ code, codeVerifier: pkce.verifier, clientId: fake.consumerKey, redirectUri: REDIRECT });
    const tokens = await requestTokens(fetch, fake.myDomain, body);
    expect(tokens).toMatchObject({ instanceUrl: 'https://acme-dev.my.salesforce.com', orgId: fake.orgId, userId: fake.userId });
    expect(tokens.refreshToken).toBeTruthy();
    // The code is single-use, and a code sent with another verifier is refused.
    await expect(requestTokens(fetch, fake.myDomain, body)).rejects.toMatchObject({ kind: 'auth' });
    const again = parseRedirect((await fetch(url, { redirect: 'manual' })).headers.get('location')!, state, REDIRECT);
    const wrongVerifier = authorizationCodeBody({
      code: again,
      codeVerifier: (await createPkce()).verifier,
      clientId: fake.consumerKey,
      redirectUri: REDIRECT,
    });
    await expect(requestTokens(fetch, fake.myDomain, wrongVerifier)).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/invalid code verifier/),
    });
  });

  it('a user who denies access is told so, and nothing is connected', async () => {
    fake = await startSalesforceFake({ http: true });
    fake.denyNextAuthorization();
    const state = createState();
    const url = authorizeUrl({
      myDomain: fake.myDomain,
      clientId: fake.consumerKey,
      redirectUri: REDIRECT,
      codeChallenge: (await createPkce()).challenge,
      state,
    });
    const location = (await fetchTo(fake.httpOrigin!)(url, { redirect: 'manual' })).headers.get('location')!;
    expect(() => parseRedirect(location, state, REDIRECT)).toThrow(/denied Glance/);
  });

  it('verifies with the org name and the signed-in user, then a first sync reads every page', async () => {
    fake = await startSalesforceFake({ http: true, pageSize: 20, seed: { accounts: 45 } });
    const { connector } = connect(fake);
    expect(await connector.verify()).toEqual({
      label: 'Acme Dev (acme-dev.my.salesforce.com)',
      accountUrlPrefix: 'https://acme-dev.my.salesforce.com/',
      userId: fake.userId,
      userEmail: 'casey.morgan@northpeak.io',
    });
    await run(connector, 'owners', null);
    const accounts = await run(connector, 'companies', null);
    const contacts = await run(connector, 'contacts', null);
    const tickets = await run(connector, 'tickets', null);
    expect(accounts.accounts).toHaveLength(45);
    expect(contacts.contacts).toHaveLength(90);
    expect(tickets.tickets).toHaveLength(45);
    const acme = accounts.accounts.find((a) => a.name === 'Acme Robotics');
    expect(acme).toMatchObject({ domains: ['acmerobotics.com'], owner: 'casey.morgan@northpeak.io' });
    expect(acme?.renewalDate).toMatch(/^\d{4}-\d{2}-\d{2}/);
    // Opportunities carry no records of their own: they re-read their accounts' renewals.
    expect((await run(connector, 'deals', null)).accounts).toHaveLength(45);
    const activities = (await run(connector, 'activities', null)).activities;
    expect(activities).toHaveLength(45);
    expect(activities.find((a) => a.accountId === acme?.id)).toMatchObject({ type: 'qbr', summary: 'Quarterly business review' });
    expect(fake.log.filter((r) => r.status >= 400)).toEqual([]);
    // 45 accounts at 20 a page: one query and two nextRecordsUrl reads.
    expect(fake.log.filter((r) => /\/query\/01g/.test(r.path) && r.body === '' && r.status === 200).length).toBeGreaterThanOrEqual(2);
  });

  it('an incremental pull picks up an edited account and a deleted contact', async () => {
    fake = await startSalesforceFake({ http: true, seed: { accounts: 10 } });
    const { connector } = connect(fake);
    const first = { accounts: await run(connector, 'companies', null), contacts: await run(connector, 'contacts', null) };
    fake.clock.advance(2 * 60_000);
    const account = fake.records('Account')[4];
    fake.edit('Account', String(account.Id), { Name: 'Account Four Renamed' });
    const contact = fake.records('Contact')[2];
    fake.delete('Contact', String(contact.Id));
    // Salesforce reports deletions in whole minutes: the next sync comes later than that.
    fake.clock.advance(2 * 60_000);

    const accounts = await run(connector, 'companies', first.accounts.cursor);
    expect(accounts.accounts.map((a) => a.name)).toEqual(['Account Four Renamed']);
    const contacts = await run(connector, 'contacts', first.contacts.cursor);
    expect(contacts.contacts).toEqual([]);
    expect(contacts.deleted).toEqual([`salesforce:${contact.Id}`]);
  });

  it('records that share a SystemModstamp across a page edge are each read once, even when the query locator has expired', async () => {
    fake = await startSalesforceFake({ http: true, pageSize: 2, seed: { accounts: 3 } });
    const { connector } = connect(fake);
    const first = await run(connector, 'companies', null);
    fake.clock.advance(60_000);
    fake.touchMany('Account', 3);
    const page1 = await connector.pull('companies', first.cursor);
    expect(page1.more).toBe(true);
    fake.failNext(/^GET \/services\/data\/v\d+\.\d\/query\/01g/, {
      as: 400,
      body: [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }],
    });
    const rest = await run(connector, 'companies', page1.cursor);
    const ids = [...(page1.records.accounts ?? []), ...rest.accounts].map((a) => a.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('an expired session is refreshed once and the call goes through; a revoked refresh token asks to reconnect', async () => {
    fake = await startSalesforceFake({ http: true });
    const { connector, refreshes } = connect(fake);
    fake.expireSessions();
    await expect(connector.verify()).resolves.toMatchObject({ userEmail: 'casey.morgan@northpeak.io' });
    expect(refreshes).toHaveLength(1);
    fake.expireSessions();
    fake.revokeRefreshTokens();
    await expect(connector.verify()).rejects.toMatchObject({ kind: 'auth', message: expect.stringMatching(/Reconnect Salesforce/) });
  });

  describe('write-back', () => {
    const entry = (accountId: string): OutboxEntry => ({
      createdAt: '2026-12-01T10:00:00.000Z',
      entity: 'commitment',
      entityId: 'commitment-sso-guide',
      accountId,
      op: 'upsert',
      record: {
        id: 'commitment-sso-guide',
        accountId,
        text: 'Send the SSO setup guide by Friday',
        kind: 'sales-promise',
        owner: 'us',
        status: 'open',
        dueDate: '2026-12-11',
      },
      status: 'pending',
      attempts: 0,
    });

    it('without an external id field: pushed twice, and after a 500 that followed the write, it is one Task on the account', async () => {
      fake = await startSalesforceFake({ http: true });
      const accountId = `salesforce:${String(fake.records('Account')[0].Id)}`;
      const { connector } = connect(fake);
      fake.failNext(/^POST \/services\/data\/v\d+\.\d\/sobjects\/Task\/?$/, { as: 500, afterHandling: true });
      await expect(connector.push(entry(accountId))).rejects.toMatchObject({ kind: 'transient' });
      const first = await connector.push(entry(accountId));
      const second = await connector.push(entry(accountId));
      expect(fake.tasks()).toHaveLength(1);
      expect(second.remoteId).toBe(first.remoteId);
      expect(fake.tasks()[0]).toMatchObject({ WhatId: fake.records('Account')[0].Id, Status: 'Not Started', ActivityDate: '2026-12-11' });
    });

    it('two Tasks carrying the same external id are named as duplicates to fix, and nothing is written', async () => {
      fake = await startSalesforceFake({ http: true, externalIdField: 'Glance_Id__c' });
      const account = fake.records('Account')[0];
      for (let i = 0; i < 2; i++) fake.create('Task', { Subject: `Copy ${i}`, WhatId: account.Id, Glance_Id__c: 'commitment-sso-guide' });
      const { connector } = connect(fake);
      await expect(connector.push(entry(`salesforce:${String(account.Id)}`))).rejects.toMatchObject({
        kind: 'permanent',
        status: 300,
        message: expect.stringMatching(/several Task with the same external id/),
      });
      expect(fake.tasks().map((t) => t.Subject)).toEqual(['Copy 0', 'Copy 1']);
    });

    it('with an external id field on Task: an upsert, one Task however often it is sent', async () => {
      fake = await startSalesforceFake({ http: true, externalIdField: 'Glance_Id__c' });
      const accountId = `salesforce:${String(fake.records('Account')[0].Id)}`;
      const { connector } = connect(fake);
      fake.failNext(/^PATCH \/services\/data\/v\d+\.\d\/sobjects\/Task\/Glance_Id__c\//, { as: 500, afterHandling: true });
      const first = await connector.push(entry(accountId));
      const second = await connector.push(entry(accountId));
      expect(fake.tasks()).toHaveLength(1);
      expect(fake.tasks()[0]).toMatchObject({ Glance_Id__c: 'commitment-sso-guide' });
      expect(second.remoteId).toBe(first.remoteId);
      expect(fake.log.filter((r) => r.path.includes('/sobjects/Task/Glance_Id__c/')).map((r) => r.status)).toEqual([500, 200, 200]);
    });
  });
});
