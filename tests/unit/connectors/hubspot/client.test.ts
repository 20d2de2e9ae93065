/**
 * The HubSpot client against a fake api.hubapi.com: what it sends, how it pages its budget, and what
 * each kind of failure becomes for the sync engine (reconnect, wait, retry later, give up).
 */
import { describe, expect, it } from 'vitest';
import { HubSpotClient, hubSpotBudgets, type FetchLike } from '../../../../lib/connectors/hubspot/client';
import { ConnectorError } from '../../../../lib/connectors/types';
import { fakeClock, fakeFetch, fixture, json, recorded, recordingsAbsent, recordingsNote, scripted, type Answer } from './fake-hubspot';

function client(answers: Answer[] | ReturnType<typeof fakeFetch>, options: { random?: () => number } = {}) {
  const fake = Array.isArray(answers) ? scripted(...answers) : answers;
  const clock = fakeClock();
  const hubspot = new HubSpotClient({ accessToken: 'pat-eu1-test', fetch: fake.fetch, clock, random: options.random ?? (() => 0.5) });
  return { hubspot, seen: fake.seen, clock };
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe('HubSpot client requests', () => {
  it('sends the private-app token as a bearer token and the query it was given, without empty values', async () => {
    const { hubspot, seen } = client([json(fixture('companies-page2.json'))]);
    await hubspot.get('/crm/v3/objects/companies', { limit: 100, properties: 'name,domain', after: undefined, associations: '' });
    expect(seen[0].url.origin).toBe('https://api.hubapi.com');
    expect(seen[0].url.pathname).toBe('/crm/v3/objects/companies');
    expect(Object.fromEntries(seen[0].url.searchParams)).toEqual({ limit: '100', properties: 'name,domain' });
    expect(seen[0].headers.authorization).toBe('Bearer pat-eu1-test');
  });

  it('refuses to start without a token, saying what is missing', () => {
    expect(() => new HubSpotClient({ accessToken: '  ', fetch: async () => new Response('{}') })).toThrow(/No HubSpot access token/);
  });
});

describe('HubSpot client failures', () => {
  it('a 401 asks for a new token and is not retried', async () => {
    const { hubspot, seen } = client([json(fixture('error-401-invalid-token.json'), 401)]);
    const error = await failure(hubspot.get('/crm/v3/owners'));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toBe('HubSpot refused the token (401): reconnect with a new private-app token');
    expect(seen).toHaveLength(1);
  });

  it('an expired token says so', async () => {
    const { hubspot } = client([
      json(
        { status: 'error', message: 'The OAuth token used to make this call expired 2 hour(s) ago.', category: 'EXPIRED_AUTHENTICATION' },
        401,
      ),
    ]);
    expect((await failure(hubspot.get('/crm/v3/owners'))).message).toBe(
      'HubSpot refused the token (401, expired): reconnect with a new private-app token',
    );
  });

  it('a 403 for missing scopes names the scope to add to the private app', async () => {
    const { hubspot, seen } = client([json(fixture('error-403-missing-scopes.json'), 403)]);
    const error = await failure(hubspot.get('/crm/v3/objects/tickets'));
    expect(error.kind).toBe('auth');
    expect(error.message).toBe(
      'HubSpot denied GET /crm/v3/objects/tickets to this token (403): it lacks the scope tickets; add it to the private app and reconnect',
    );
    expect(seen).toHaveLength(1);
  });

  it('a 403 without a scope list passes on HubSpot’s reason and where to look', async () => {
    const { hubspot } = client([
      json({ status: 'error', message: 'This user does not have permissions', category: 'USER_DOES_NOT_HAVE_PERMISSIONS' }, 403),
    ]);
    const error = await failure(hubspot.get('/crm/v3/objects/companies'));
    expect(error.kind).toBe('auth');
    expect(error.message).toBe(
      "HubSpot denied GET /crm/v3/objects/companies to this token (403 USER_DOES_NOT_HAVE_PERMISSIONS): This user does not have permissions; check the private app's scopes and that the super admin who made it still has access",
    );
  });

  it('a 429 on the ten-second window waits as long as Retry-After says, then goes on', async () => {
    const { hubspot, seen, clock } = client([
      json(fixture('error-429-ten-secondly.json'), 429, { 'retry-after': '3' }),
      json({ results: [] }),
    ]);
    await expect(hubspot.get('/crm/v3/owners')).resolves.toEqual({ results: [] });
    expect(seen).toHaveLength(2);
    expect(Math.max(...clock.sleeps)).toBeGreaterThanOrEqual(3000);
  });

  it('the daily limit is not retried: the engine hears when to come back', async () => {
    const { hubspot, seen } = client([json(fixture('error-429-daily.json'), 429)]);
    const error = await failure(hubspot.get('/crm/v3/owners'));
    expect(error.kind).toBe('rate-limit');
    expect(error.message).toMatch(/daily API limit .* used up/);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect(seen).toHaveLength(1);
  });

  it('a 429 that persists gives up after a bounded number of tries, with backoff that never exceeds its cap', async () => {
    const { hubspot, seen, clock } = client([json(fixture('error-429-ten-secondly.json'), 429)], { random: () => 1 });
    const error = await failure(hubspot.get('/crm/v3/owners'));
    expect(error.kind).toBe('rate-limit');
    expect(error.retryAfterMs).toBe(10_000);
    expect(seen).toHaveLength(4);
    expect(clock.sleeps.every((ms) => ms <= 30_000)).toBe(true);
  });

  it('a 500 then success returns the data', async () => {
    const { hubspot, seen } = client([json({ status: 'error', message: 'internal error' }, 500), json(fixture('owners.json'))]);
    const answer = await hubspot.get<{ results: unknown[] }>('/crm/v3/owners');
    expect(answer.results).toHaveLength(2);
    expect(seen).toHaveLength(2);
  });

  it('retries spread out: the waits grow and carry jitter', async () => {
    const draws = [0.9, 0.1, 0.9];
    const { hubspot, clock } = client([json({}, 503)], { random: () => draws.shift() ?? 0.5 });
    const error = await failure(hubspot.get('/crm/v3/owners'));
    expect(error.kind).toBe('transient');
    expect(error.message).toBe('HubSpot failed on GET /crm/v3/owners (503)');
    const waits = clock.sleeps.filter((ms) => ms > 100);
    expect(waits).toEqual([Math.round(0.9 * 2000), Math.round(0.1 * 4000), Math.round(0.9 * 8000)]);
  });

  it('a body that is not JSON is a transient failure naming the call, never data', async () => {
    const { hubspot, seen } = client([{ status: 200, raw: '<html><body>Bad gateway</body></html>' }]);
    const error = await failure(hubspot.get('/crm/v3/objects/companies'));
    expect(error.kind).toBe('transient');
    expect(error.message).toBe(
      'HubSpot answered GET /crm/v3/objects/companies with a body that is not JSON (starts "<html><body>Bad gateway</body></html>")',
    );
    expect(seen).toHaveLength(4);
  });

  it('a dropped connection is retried for reads', async () => {
    const { hubspot } = client([new TypeError('Failed to fetch'), json({ results: [] })]);
    await expect(hubspot.get('/crm/v3/owners')).resolves.toEqual({ results: [] });
  });

  it('a create is never repeated after HubSpot may have acted on it', async () => {
    const { hubspot, seen } = client([json({}, 502), json({ id: '1' })]);
    const error = await failure(hubspot.create('/crm/v3/objects/tasks', { properties: {} }));
    expect(error.kind).toBe('transient');
    expect(seen).toHaveLength(1);
  });

  it('a create that met a 429 is retried: HubSpot did nothing with it', async () => {
    const { hubspot, seen } = client([json(fixture('error-429-ten-secondly.json'), 429, { 'retry-after': '1' }), json({ id: '1' })]);
    await expect(hubspot.create('/crm/v3/objects/tasks', { properties: {} })).resolves.toEqual({ id: '1' });
    expect(seen).toHaveLength(2);
  });

  it('a 400 is permanent and carries HubSpot’s reason', async () => {
    const { hubspot, seen } = client([
      json({ status: 'error', message: 'Property values were not valid', category: 'VALIDATION_ERROR' }, 400),
    ]);
    const error = await failure(hubspot.read('/crm/v3/objects/contacts/search', {}));
    expect(error.kind).toBe('permanent');
    expect(error.message).toBe(
      'HubSpot rejected POST /crm/v3/objects/contacts/search (400 VALIDATION_ERROR): Property values were not valid',
    );
    expect(seen).toHaveLength(1);
  });
});

describe('HubSpot client rate budget', () => {
  it('never sends more than 190 calls in any 10 s window', async () => {
    const clock = fakeClock();
    const sentAt: number[] = [];
    const wrapped = fakeFetch(() => {
      sentAt.push(clock.now());
      return json({ results: [] });
    });
    const budgeted = new HubSpotClient({ accessToken: 't', fetch: wrapped.fetch, clock });
    await Promise.all(Array.from({ length: 400 }, () => budgeted.get('/crm/v3/owners')));
    expect(sentAt).toHaveLength(400);
    for (let i = 190; i < sentAt.length; i++) expect(sentAt[i] - sentAt[i - 190]).toBeGreaterThanOrEqual(10_000 - 1);
  });

  it('counts each call from when HubSpot answered it: a call that was slow to arrive cannot share a window with the 190th after it', async () => {
    const clock = fakeClock();
    const arrivedAt: number[] = [];
    let calls = 0;
    // Every tenth call takes 400 ms to reach HubSpot, the others arrive at once.
    const slow: FetchLike = async () => {
      if (calls++ % 10 === 0) clock.t += 400;
      arrivedAt.push(clock.now());
      return new Response('{"results":[]}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const hubspot = new HubSpotClient({ accessToken: 't', fetch: slow, clock });
    for (let i = 0; i < 400; i++) await hubspot.get('/crm/v3/owners');
    for (let i = 190; i < arrivedAt.length; i++) expect(arrivedAt[i] - arrivedAt[i - 190]).toBeGreaterThanOrEqual(10_000);
  });

  it('the token check and the sync made with one token share one budget', async () => {
    const clock = fakeClock();
    const sentAt: number[] = [];
    const fake = fakeFetch(() => {
      sentAt.push(clock.now());
      return json({ results: [] });
    });
    const budgets = hubSpotBudgets({ clock });
    const verifying = new HubSpotClient({ accessToken: 't', fetch: fake.fetch, clock, budgets });
    const syncing = new HubSpotClient({ accessToken: 't', fetch: fake.fetch, clock, budgets });
    await verifying.get('/account-info/v3/details');
    await Promise.all(Array.from({ length: 190 }, () => syncing.get('/crm/v3/objects/companies')));
    expect(sentAt).toHaveLength(191);
    expect(sentAt[190] - sentAt[0]).toBeGreaterThanOrEqual(10_000);
  });

  it('keeps search to 5 calls a second', async () => {
    const clock = fakeClock();
    const sentAt: number[] = [];
    const fake = fakeFetch(() => {
      sentAt.push(clock.now());
      return json({ results: [] });
    });
    const hubspot = new HubSpotClient({ accessToken: 't', fetch: fake.fetch, clock });
    await Promise.all(Array.from({ length: 20 }, () => hubspot.read('/crm/v3/objects/contacts/search', {}, { search: true })));
    for (let i = 5; i < sentAt.length; i++) expect(sentAt[i] - sentAt[i - 5]).toBeGreaterThanOrEqual(1000 - 1);
  });
});

describe.skipIf(recordingsAbsent)(`HubSpot client on recorded answers${recordingsNote}`, () => {
  it('the recorded 403 names the missing granular scope', async () => {
    const { hubspot } = client([json(recorded('error-403-missing-scopes.json'), 403)]);
    expect((await failure(hubspot.get('/crm/v3/schemas/contacts'))).message).toMatch(
      /lacks the scope custom-object-read; add it to the private app/,
    );
  });

  it('the recorded 400 is permanent with HubSpot’s category', async () => {
    const { hubspot } = client([json(recorded('error-400-invalid-properties.json'), 400)]);
    const error = await failure(hubspot.create('/crm/v3/objects/contacts', {}));
    expect(error.kind).toBe('permanent');
    expect(error.message).toMatch(
      /^HubSpot rejected POST \/crm\/v3\/objects\/contacts \(400 VALIDATION_ERROR\): Property values were not valid/,
    );
  });
});
