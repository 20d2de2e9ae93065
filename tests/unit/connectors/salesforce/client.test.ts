import { describe, expect, it, vi } from 'vitest';
import { requestTokens, SalesforceClient, type ClientOptions } from '../../../../lib/connectors/salesforce/client';
import type { SalesforceTokens } from '../../../../lib/connectors/salesforce/oauth';
import { ConnectorError } from '../../../../lib/connectors/types';
import { type Answer, fakeFetch, fixture, HAS_RECORDED, NO_RECORDED_REASON, noSleep, recorded, sequence, TOKENS } from './support';

function clientWith(answers: Answer[], opts: Partial<ClientOptions> = {}) {
  const fake = fakeFetch(sequence(...answers));
  let tokens: SalesforceTokens = { ...TOKENS };
  const refresh = vi.fn(async () => (tokens = { ...tokens, accessToken: 'token-2' }));
  const sleep = vi.fn(noSleep);
  const client = new SalesforceClient({ fetch: fake.fetch, tokens: () => tokens, refresh, sleep, ...opts });
  return { client, calls: fake.calls, refresh, sleep };
}

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ConnectorError) return e;
    throw e;
  }
  throw new Error('expected a ConnectorError');
}

const INVALID_SESSION = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];
const EMPTY = { totalSize: 0, done: true, records: [] };

describe('Salesforce client', () => {
  it("queries the org's instance under the API version, with the bearer token", async () => {
    const { client, calls } = clientWith([{ status: 200, body: EMPTY }]);
    await client.query("SELECT Id FROM Account WHERE Name = 'A&B'");
    expect(calls[0].url.startsWith('https://northpeak.my.salesforce.com/services/data/v62.0/query?q=')).toBe(true);
    expect(calls[0].soql).toBe("SELECT Id FROM Account WHERE Name = 'A&B'");
    expect(calls[0].auth).toBe('Bearer token-1');
  });

  it('follows nextRecordsUrl as given, on the instance', async () => {
    const { client, calls } = clientWith([
      { status: 200, body: fixture('query-accounts-page1.json') },
      { status: 200, body: fixture('query-accounts-page2-last.json') },
    ]);
    const first = await client.query('SELECT Id FROM Account');
    const second = await client.queryMore(first.nextRecordsUrl!);
    expect(calls[1].url).toBe('https://northpeak.my.salesforce.com/services/data/v62.0/query/01gxx0000001AbcAAE-2');
    expect([...first.records, ...second.records].map((r) => r.Name)).toEqual(['Northpeak Logistics', 'GenePoint', 'Edge Communications']);
    expect(second.done).toBe(true);
  });

  it('refreshes the session once on INVALID_SESSION_ID and retries with the new token', async () => {
    const { client, calls, refresh } = clientWith([
      { status: 401, body: INVALID_SESSION },
      { status: 200, body: EMPTY },
    ]);
    await expect(client.query('SELECT Id FROM Account')).resolves.toEqual(EMPTY);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.auth)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('asks to reconnect when the refresh is refused', async () => {
    const refresh = vi.fn(async (): Promise<SalesforceTokens> => {
      throw new ConnectorError('expired access/refresh token', 'auth');
    });
    const { client, calls } = clientWith([{ status: 401, body: INVALID_SESSION }], { refresh });
    const e = await failure(client.query('SELECT Id FROM Account'));
    expect(e.kind).toBe('auth');
    expect(e.message).toMatch(/Reconnect Salesforce/);
    expect(calls).toHaveLength(1);
  });

  it('asks to reconnect when the refreshed session is refused too, without refreshing again', async () => {
    const { client, calls, refresh } = clientWith([{ status: 401, body: INVALID_SESSION }]);
    const e = await failure(client.query('SELECT Id FROM Account'));
    expect(e).toMatchObject({ kind: 'auth', status: 401 });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(2);
  });

  it('backs off and retries a 500, then succeeds', async () => {
    const { client, calls, sleep } = clientWith([
      { status: 500, body: [{ message: 'An unexpected error occurred', errorCode: 'UNKNOWN_EXCEPTION' }] },
      { status: 200, body: EMPTY },
    ]);
    await expect(client.query('SELECT Id FROM Case')).resolves.toEqual(EMPTY);
    expect(calls).toHaveLength(2);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it('gives up on a lasting 503 as transient, honouring Retry-After', async () => {
    const { client, calls } = clientWith([{ status: 503, raw: '<html>Service Unavailable</html>', headers: { 'Retry-After': '120' } }]);
    const e = await failure(client.query('SELECT Id FROM Case'));
    expect(e).toMatchObject({ kind: 'transient', status: 503 });
    expect(calls).toHaveLength(3);
  });

  it('retries a dropped connection, then reports it as transient', async () => {
    const { client, calls } = clientWith([new TypeError('Failed to fetch')]);
    const e = await failure(client.query('SELECT Id FROM Case'));
    expect(e.kind).toBe('transient');
    expect(e.message).toMatch(/could not be reached \(Failed to fetch\)/);
    expect(calls).toHaveLength(3);
  });

  it('never repeats a POST whose answer was lost: it may have created the record', async () => {
    const { client, calls } = clientWith([
      new TypeError('Failed to fetch'),
      { status: 201, body: { id: '00TdM00000Kx1aAUAR', success: true, errors: [] } },
    ]);
    expect((await failure(client.request('POST', '/sobjects/Task/', { Subject: 'x' }))).kind).toBe('transient');
    expect(calls).toHaveLength(1);
  });

  it('stops at the daily API limit with a long wait, without retrying', async () => {
    const { client, calls } = clientWith([{ status: 403, body: fixture('error-request-limit-exceeded.json') }]);
    const e = await failure(client.query('SELECT Id FROM Account'));
    expect(e.kind).toBe('rate-limit');
    expect(e.retryAfterMs).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect(e.message).toMatch(/daily API allowance/);
    expect(calls).toHaveLength(1);
  });

  it('names the object and field of a refused write', async () => {
    const { client } = clientWith([{ status: 400, body: fixture('error-400-required-field.json') }]);
    const e = await failure(client.request('POST', '/sobjects/Task/', {}));
    expect(e).toMatchObject({ kind: 'permanent', status: 400 });
    expect(e.message).toBe(
      'Salesforce refused the request on Task: REQUIRED_FIELD_MISSING: Required fields are missing: [Subject] (field Task.Subject)',
    );
  });

  it('treats a success answer that is not JSON as transient', async () => {
    const { client } = clientWith([{ status: 200, raw: '{"totalSize": 1, "done": tr' }]);
    const e = await failure(client.query('SELECT Id FROM Account'));
    expect(e.kind).toBe('transient');
    expect(e.message).toMatch(/not JSON/);
  });

  it('accepts 204 No Content', async () => {
    const { client } = clientWith([{ status: 204 }]);
    await expect(client.request('PATCH', '/sobjects/Task/00TdM00000Kx1aAUAR', { Status: 'Completed' })).resolves.toMatchObject({
      status: 204,
      body: undefined,
    });
  });
});

describe.skipIf(!HAS_RECORDED)(`client against recorded answers (skipped when ${NO_RECORDED_REASON})`, () => {
  it('pages the recorded accounts through nextRecordsUrl: 2086 accounts in two pages', async () => {
    const page1 = recorded<{ nextRecordsUrl: string }>('query-accounts-page1.json');
    const page2 = recorded('query-accounts-page2-last.json');
    const { client, calls } = clientWith([
      { status: page1.status, body: page1.body },
      { status: page2.status, body: page2.body },
    ]);
    const first = await client.query('SELECT Id FROM Account ORDER BY SystemModstamp');
    const second = await client.queryMore(first.nextRecordsUrl!);
    expect(new URL(calls[1].url).pathname).toBe(page2.endpoint);
    expect(first.records.length + second.records.length).toBe(first.totalSize);
    expect(second.done).toBe(true);
  });

  it('refreshes on the recorded INVALID_SESSION_ID answer', async () => {
    const { client, refresh } = clientWith([
      { status: 401, body: recorded('error-401-invalid-session-id.json').body },
      { status: 200, body: recorded('query-empty-result.json').body },
    ]);
    await expect(client.query('SELECT Id FROM CaseComment')).resolves.toMatchObject({ totalSize: 0, done: true });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('explains the recorded field and SOQL errors, naming the object', async () => {
    const field = clientWith([{ status: 400, body: recorded('error-400-invalid-field.json').body }]);
    expect((await failure(field.client.request('PATCH', '/sobjects/Account/001dM00003jU9GxQAK', {}))).message).toBe(
      "Salesforce refused the request on Account: INVALID_FIELD: No such column 'AccountNumer' on sobject of type Account",
    );
    const soql = clientWith([{ status: 400, body: recorded('error-400-invalid-type-malformed-soql.json').body }]);
    const e = await failure(soql.client.query('SELECT Id, Name,BillingCity,IsDeleted FROM Accout'));
    expect(e.kind).toBe('permanent');
    expect(e.message).toMatch(
      /^Salesforce refused the request on Accout: INVALID_TYPE: Name,BillingCity,IsDeleted FROM Accout \^ ERROR at Row:1:Column:43 sObject type 'Accout' is not supported/,
    );
  });

  it('reports several records under one external id (HTTP 300) as a duplicate to fix', async () => {
    const { client } = clientWith([{ status: 300, body: recorded('upsert-multiple-matches-300.json').body }]);
    const e = await failure(client.request('PATCH', '/sobjects/Task/Glance_Id__c/cmt-1', {}));
    expect(e.kind).toBe('permanent');
    expect(e.message).toMatch(
      /several Task with the same external id \(\/services\/data\/v23.0\/sobjects\/Whizbang\/foo, .*fix the duplicates/,
    );
  });

  it('reads the recorded 201 create and 204 delete', async () => {
    const created = recorded<{ id: string }>('sobject-create-201.json');
    const { client } = clientWith([{ status: created.status, body: created.body }, { status: recorded('sobject-delete-204.json').status }]);
    await expect(client.request('POST', '/sobjects/Account/', { Name: 'x' })).resolves.toMatchObject({
      status: 201,
      body: { id: '001dM00003kRs59QAC', success: true },
    });
    await expect(client.request('DELETE', '/sobjects/Account/001dM00003kS5tZQAS')).resolves.toMatchObject({ status: 204 });
  });
});

describe('token requests over HTTP', () => {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: '3MVG9key' });

  it("POSTs the form to the My Domain's token endpoint and keeps the refresh token a refresh answer omits", async () => {
    const answer = {
      ...fixture<Record<string, unknown>>('oauth2-token-web-server.json'),
      refresh_token: undefined,
      access_token: 'token-2',
    };
    const fake = fakeFetch(() => ({ status: 200, body: answer }));
    const tokens = await requestTokens(fake.fetch, 'northpeak.my.salesforce.com', body, { refreshToken: 'refresh-1' });
    expect(fake.calls[0]).toMatchObject({
      method: 'POST',
      url: 'https://northpeak.my.salesforce.com/services/oauth2/token',
      body: { grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: '3MVG9key' },
    });
    expect(tokens).toMatchObject({ accessToken: 'token-2', refreshToken: 'refresh-1', instanceUrl: 'https://northpeak.my.salesforce.com' });
  });

  it('reports a refused refresh as auth, a failing server or a lost connection as transient', async () => {
    const refused = fakeFetch(() => ({ status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' } }));
    expect(await failure(requestTokens(refused.fetch, 'northpeak.my.salesforce.com', body))).toMatchObject({ kind: 'auth' });
    const down = fakeFetch(() => ({ status: 503, raw: '<html>Maintenance</html>' }));
    expect(await failure(requestTokens(down.fetch, 'northpeak.my.salesforce.com', body))).toMatchObject({ kind: 'transient', status: 503 });
    const lost = fakeFetch(() => new TypeError('Failed to fetch'));
    expect(await failure(requestTokens(lost.fetch, 'northpeak.my.salesforce.com', body))).toMatchObject({ kind: 'transient' });
  });
});
