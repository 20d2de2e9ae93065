import { describe, expect, it } from 'vitest';
import { createSalesforceConnector } from '../../../../lib/connectors/salesforce/index';
import { type Call, fakeFetch, fixture, HAS_RECORDED, NO_RECORDED_REASON, noSleep, recorded, TOKENS } from './support';

function connectWith(userinfo: unknown, organization: unknown) {
  const fake = fakeFetch((c: Call) => {
    if (c.path === '/services/oauth2/userinfo') return { status: 200, body: userinfo };
    if (c.soql === 'SELECT Name FROM Organization LIMIT 1') return { status: 200, body: organization };
    return undefined;
  });
  return {
    connector: createSalesforceConnector({ fetch: fake.fetch, tokens: () => TOKENS, refresh: async () => TOKENS, sleep: noSleep }),
    calls: fake.calls,
  };
}

describe('verify', () => {
  it("labels the connection with the org's name and My Domain and names the signed-in user", async () => {
    const { connector, calls } = connectWith(fixture('oauth2-userinfo.json'), fixture('query-organization.json'));
    expect(await connector.verify()).toEqual({
      label: 'Northpeak Software (northpeak.my.salesforce.com)',
      userId: '005dM00000aYf0qQAC',
      userEmail: 'maya.chen@example.com',
      accountUrlPrefix: 'https://northpeak.my.salesforce.com/',
    });
    expect(calls.map((c) => c.url.split('?')[0])).toEqual([
      'https://northpeak.my.salesforce.com/services/oauth2/userinfo',
      'https://northpeak.my.salesforce.com/services/data/v62.0/query',
    ]);
  });

  it('falls back to the host when the org name cannot be read', async () => {
    const { connector } = connectWith(fixture('oauth2-userinfo.json'), { totalSize: 0, done: true, records: [] });
    expect((await connector.verify()).label).toBe('northpeak.my.salesforce.com');
  });
});

describe.skipIf(!HAS_RECORDED)(`verify on the recorded userinfo (skipped when ${NO_RECORDED_REASON})`, () => {
  it('reads user id and email from the recorded answer', async () => {
    const { connector } = connectWith(recorded('oauth2-userinfo.json').body, fixture('query-organization.json'));
    expect(await connector.verify()).toMatchObject({ userId: '005dM00000awSFJQA2', userEmail: 'api-user@example.com' });
  });
});
