import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LookupKeys } from '../../../lib/match/types';
import { GlanceDB } from '../../../lib/store/db';
import { lookupForPage } from '../../../lib/store/lookup';
import { writeRecords } from '../../../lib/store/records';

const log = { at: '2026-11-01T09:00:00.000Z', source: 'file' as const, name: 'book.json', rejected: 0 };
const keys = (k: Partial<LookupKeys>): LookupKeys => ({ salesforceIds: [], hubspotIds: [], emails: [], domains: [], ...k });

let n = 0;
let db: GlanceDB;
beforeEach(async () => {
  db = new GlanceDB(`glance-lookup-${++n}`);
  await writeRecords(
    db,
    {
      accounts: [
        { id: 'acc-globex', name: 'Globex', domains: ['globex.com'], crm: { salesforceId: '001A0000006Vm9r', hubspotId: '4401' } },
        { id: 'acc-globex-eu', name: 'Globex EU', domains: ['https://www.globex.com', 'globex.de'] },
        { id: 'acc-initech', name: 'Initech', domains: ['initech.io'], crm: { hubspotId: ' 77 ' } },
      ],
      contacts: [
        {
          id: 'con-ana',
          accountId: 'acc-initech',
          name: 'Ana',
          email: 'Ana@Globex.com',
          crm: { salesforceId: '003A0000006Vm9r', hubspotId: '901' },
        },
      ],
    },
    log,
  );
});
afterEach(() => db.close());
const results = async (k: LookupKeys, pageKey?: string) => (await lookupForPage(db, k, pageKey)).results;

describe('lookupForPage: what the keys find', () => {
  it('finds contacts by whole name (Outlook shows recipients by name only), with their accounts, index fields removed', async () => {
    await writeRecords(db, { contacts: [{ id: 'con-raj', accountId: 'acc-globex-eu', name: 'Raj  Patel', email: 'raj@globex.de' }] }, log);
    const found = await results(keys({ names: ['raj patel', 'ana'] }));
    expect(found.contactsByName).toEqual({
      'raj patel': [{ id: 'con-raj', accountId: 'acc-globex-eu', name: 'Raj  Patel', email: 'raj@globex.de' }],
    });
    expect(Object.keys(found.accountsById)).toEqual(['acc-globex-eu']);
  });

  it('finds accounts by 18-character Salesforce id and by HubSpot id, index fields removed', async () => {
    const found = await results(keys({ salesforceIds: ['001A0000006Vm9rIAC'], hubspotIds: ['4401'] }));
    expect(found.accountsBySalesforceId['001A0000006Vm9rIAC'].map((a) => a.id)).toEqual(['acc-globex']);
    expect(found.accountsByHubspotId['4401'].map((a) => a.id)).toEqual(['acc-globex']);
    expect(Object.keys(found.accountsById['acc-globex']).filter((k) => k.startsWith('_'))).toEqual([]);
  });

  it('finds HubSpot ids written with stray spaces', async () => {
    const found = await results(keys({ hubspotIds: ['77'] }));
    expect(found.accountsByHubspotId['77']?.map((a) => a.id)).toEqual(['acc-initech']);
  });

  it('finds contacts by CRM id and by email whatever its letter case, with their accounts', async () => {
    const found = await results(keys({ salesforceIds: ['003A0000006Vm9rIAC'], hubspotIds: ['901'], emails: ['ana@globex.com'] }));
    expect(found.contactsBySalesforceId['003A0000006Vm9rIAC'].map((c) => c.id)).toEqual(['con-ana']);
    expect(found.contactsByHubspotId['901'].map((c) => c.id)).toEqual(['con-ana']);
    expect(found.contactsByEmail['ana@globex.com']).toEqual([
      {
        id: 'con-ana',
        accountId: 'acc-initech',
        name: 'Ana',
        email: 'Ana@Globex.com',
        crm: { salesforceId: '003A0000006Vm9r', hubspotId: '901' },
      },
    ]);
    // The contact's account comes along though no key named it: the matcher needs its name.
    expect(found.accountsById['acc-initech']?.name).toBe('Initech');
  });

  it('finds every account listing a registrable domain, once each', async () => {
    const found = await results(keys({ domains: ['globex.com', 'globex.de', 'unknown.org'] }));
    expect(found.accountsByDomain['globex.com'].map((a) => a.id).sort()).toEqual(['acc-globex', 'acc-globex-eu']);
    expect(found.accountsByDomain['globex.de'].map((a) => a.id)).toEqual(['acc-globex-eu']);
    expect(found.accountsByDomain['unknown.org']).toBeUndefined();
    expect(Object.keys(found.accountsById).sort()).toEqual(['acc-globex', 'acc-globex-eu']);
  });

  it('loads extra accounts asked for by id (a remembered choice), and finds nothing for no keys', async () => {
    await db.matchChoices.bulkPut([
      { pageKey: 'gmail:thread:chosen', accountId: 'acc-initech', at: '2026-11-02T09:00:00.000Z' },
      { pageKey: 'gmail:thread:removed', accountId: 'acc-gone', at: '2026-11-02T09:00:00.000Z' },
    ]);
    const found = await results(keys({}), 'gmail:thread:chosen');
    expect(Object.keys(found.accountsById)).toEqual(['acc-initech']);
    expect(found.contactsByEmail).toEqual({});
    expect(found.accountsByDomain).toEqual({});
    expect((await results(keys({}), 'gmail:thread:removed')).accountsById).toEqual({});
  });
});

describe('lookupForPage', () => {
  it("brings the account the user chose for this page beside what the page's keys find", async () => {
    await db.matchChoices.put({ pageKey: 'gmail:thread:t1', accountId: 'acc-initech', at: '2026-11-02T09:00:00.000Z' });
    const { choice, results } = await lookupForPage(db, keys({ domains: ['globex.com'] }), 'gmail:thread:t1');
    expect(choice?.accountId).toBe('acc-initech');
    expect(Object.keys(results.accountsById).sort()).toEqual(['acc-globex', 'acc-globex-eu', 'acc-initech']);
  });

  it('has no choice for a page the user chose nothing on, or one without a key', async () => {
    expect((await lookupForPage(db, keys({ domains: ['globex.com'] }), 'gmail:thread:t2')).choice).toBeUndefined();
    const { choice, results } = await lookupForPage(db, keys({ emails: ['ana@globex.com'] }), undefined);
    expect(choice).toBeUndefined();
    expect(Object.keys(results.accountsById)).toEqual(['acc-initech']);
  });
});
