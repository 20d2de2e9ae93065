import { describe, expect, it } from 'vitest';
import { decideMatch, lookupKeys } from '../../../lib/match/match';
import type { PageContext } from '../../../lib/hosts/types';
import { ANCHORS, SAMPLE_USER } from '../../../lib/sample/anchors';
import { keysAndResults, OPTS, thread } from './book';

const { acme, globex } = ANCHORS;

function decide(ctx: PageContext, remembered?: { accountId: string }) {
  const { keys, results } = keysAndResults(ctx);
  return decideMatch(ctx, keys, results, { ...OPTS, remembered });
}

const sfRecord = (object: 'account' | 'contact' | 'opportunity', id: string, relatedAccountId?: string): PageContext => ({
  host: 'salesforce',
  kind: 'record',
  url: `https://northpeak.lightning.force.com/lightning/r/${id}/view`,
  record: { crm: 'salesforce', object, id, ...(relatedAccountId ? { relatedAccountId } : {}) },
});
const hsRecord = (object: 'company' | 'contact' | 'deal', id: string, relatedAccountId?: string): PageContext => ({
  host: 'hubspot',
  kind: 'record',
  url: `https://app.hubspot.com/contacts/1/record/0-2/${id}`,
  record: { crm: 'hubspot', object, id, ...(relatedAccountId ? { relatedAccountId } : {}) },
});

describe('lookupKeys', () => {
  it('keeps external people only: drops the user, colleagues and own domains; free-mail gives no domain key', () => {
    const ctx = thread([
      { email: 'Dana.Whitfield@acmerobotics.com' },
      { email: 'jo@northpeak.io' },
      { email: 'sam@eu.northpeak.io' },
      { email: ANCHORS.freeMailStranger.email },
      { email: ANCHORS.globex.subdomainSender.email },
    ]);
    expect(lookupKeys(ctx, OPTS)).toEqual({
      salesforceIds: [],
      hubspotIds: [],
      emails: [acme.champion.email, ANCHORS.freeMailStranger.email, globex.subdomainSender.email],
      domains: [acme.domain, globex.domain],
    });
  });

  it("takes the user's company domain from the page when settings have none", () => {
    const keys = lookupKeys(thread([{ email: 'jo@northpeak.io' }, { email: acme.champion.email }]), { ownDomains: [] });
    expect(keys.emails).toEqual([acme.champion.email]);
  });

  it('a user on free-mail does not turn free-mail senders into colleagues', () => {
    const ctx = { ...thread([{ email: ANCHORS.freeMailStranger.email }]), userEmail: 'casey.personal@gmail.com' };
    expect(lookupKeys(ctx, { ownDomains: [] }).emails).toContain(ANCHORS.freeMailStranger.email);
  });

  it('normalises Salesforce ids to 18 characters, record and related account', () => {
    expect(lookupKeys(sfRecord('contact', '003Dn00000Ab1CD', acme.salesforceId15), OPTS).salesforceIds).toEqual([
      acme.champion.salesforceId18,
      acme.salesforceId18,
    ]);
    expect(lookupKeys(hsRecord('deal', '7301', '9001'), OPTS).hubspotIds).toEqual(['7301', '9001']);
  });
});

describe('decideMatch: CRM ids', () => {
  it('an Account record matches by its id; 15 and 18 characters are the same record', () => {
    expect(decide(sfRecord('account', acme.salesforceId18))).toMatchObject({ status: 'matched', accountId: acme.accountId, via: 'crm-id' });
    expect(decide(sfRecord('account', acme.salesforceId15))).toMatchObject({ status: 'matched', accountId: acme.accountId });
  });

  it('a Contact record matches through the stored contact or the Account link on the page', () => {
    expect(decide(sfRecord('contact', acme.champion.salesforceId18))).toMatchObject({
      status: 'matched',
      accountId: acme.accountId,
      via: 'crm-id',
    });
    expect(decide(sfRecord('contact', '003Dn00000Zz9ZZIAZ', acme.salesforceId18))).toMatchObject({
      status: 'matched',
      accountId: acme.accountId,
    });
    expect(decide(sfRecord('opportunity', acme.opportunitySalesforceId18, acme.salesforceId18))).toMatchObject({
      accountId: acme.accountId,
    });
  });

  it('a contact stored under one account while the page links another is ambiguous', () => {
    const r = decide(sfRecord('contact', acme.champion.salesforceId18, globex.salesforceId18));
    expect(r.status).toBe('ambiguous');
    expect(r.status === 'ambiguous' && r.candidates.map((c) => c.accountId)).toEqual([acme.accountId, globex.accountId]);
  });

  it('HubSpot companies, contacts and deals', () => {
    expect(decide(hsRecord('company', acme.hubspotCompanyId))).toMatchObject({ status: 'matched', accountId: acme.accountId });
    expect(decide(hsRecord('contact', acme.champion.hubspotContactId))).toMatchObject({ status: 'matched', accountId: acme.accountId });
    expect(decide(hsRecord('deal', acme.dealHubspotId, globex.hubspotCompanyId))).toMatchObject({
      status: 'matched',
      accountId: globex.accountId,
    });
  });

  it('a HubSpot contact id equal to some company id does not match that company', () => {
    expect(decide(hsRecord('contact', globex.hubspotCompanyId))).toMatchObject({ status: 'none' });
  });

  it('an unknown record says which id it looked for', () => {
    const r = decide(sfRecord('account', '001Dn00000Zz1ZZIAZ'));
    expect(r).toEqual({ status: 'none', reason: 'no stored account has Salesforce id 001Dn00000Zz1ZZIAZ' });
  });
});

describe('decideMatch: email and domain', () => {
  it('an exact contact email matches', () => {
    const r = decide(thread([{ name: 'Dana Whitfield', email: acme.champion.email }, { email: acme.economicBuyer.email }]));
    expect(r).toMatchObject({ status: 'matched', accountId: acme.accountId, via: 'email' });
    expect(r.status === 'matched' && r.reason).toContain(acme.champion.email);
  });

  it('a contact email beats a domain match for another account', () => {
    const r = decide(thread([{ email: globex.subdomainSender.email }, { email: acme.champion.email }]));
    expect(r).toMatchObject({ status: 'matched', accountId: acme.accountId, via: 'email' });
  });

  it('contacts of two different accounts on one thread are ambiguous', () => {
    const r = decide(thread([{ email: acme.champion.email }, { email: globex.contact.email }]));
    expect(r).toMatchObject({ status: 'ambiguous', via: 'email' });
    expect(r.status === 'ambiguous' && r.candidates.map((c) => c.name)).toEqual([acme.name, globex.name]);
  });

  it('a subdomain sender matches by registrable domain', () => {
    const r = decide(thread([{ email: globex.subdomainSender.email }]));
    expect(r).toMatchObject({ status: 'matched', accountId: globex.accountId, via: 'domain' });
    expect(r.status === 'matched' && r.reason).toBe(`${globex.subdomainSender.email} writes from globex.co.uk, a domain of ${globex.name}`);
  });

  it('a domain shared by two accounts is ambiguous, with both candidates', () => {
    const r = decide(thread([{ email: ANCHORS.initechStranger.email }]));
    expect(r).toMatchObject({ status: 'ambiguous', via: 'domain' });
    expect(r.status === 'ambiguous' && r.candidates.map((c) => c.accountId)).toEqual([
      ANCHORS.initechUs.accountId,
      ANCHORS.initechEmea.accountId,
    ]);
  });

  it('free-mail never matches by domain, and says so', () => {
    expect(decide(thread([{ email: ANCHORS.freeMailStranger.email }]))).toEqual({
      status: 'none',
      reason: 'no stored contact or account domain matches pat.doe.consulting@gmail.com (free-mail)',
    });
  });

  it("the user's own company never matches, even if an account lists it", () => {
    const ctx = thread([{ email: 'jo@northpeak.io' }]);
    const { keys, results } = keysAndResults(ctx);
    results.accountsByDomain[SAMPLE_USER.ownDomain] = [{ id: 'x', name: 'Northpeak' }];
    expect(decideMatch(ctx, keys, results, OPTS)).toEqual({ status: 'none', reason: 'only you and your colleagues are on this thread' });
  });

  it('lists and unreadable pages match nothing', () => {
    const list: PageContext = { host: 'gmail', kind: 'list', url: 'https://mail.google.com/mail/u/0/#inbox' };
    const broken: PageContext = { host: 'gmail', kind: 'unreadable', url: list.url, reason: 'no thread heading' };
    expect(decide(list).status).toBe('none');
    expect(decide(broken)).toEqual({ status: 'none', reason: 'no thread heading' });
  });
});

describe('decideMatch: manual choice', () => {
  it('a remembered choice wins over every other step when the account is known', () => {
    const ctx = thread([{ email: ANCHORS.initechStranger.email }]);
    const { keys, results } = keysAndResults(ctx);
    results.accountsById[ANCHORS.initechEmea.accountId] = { id: ANCHORS.initechEmea.accountId, name: ANCHORS.initechEmea.name };
    expect(decideMatch(ctx, keys, results, { ...OPTS, remembered: { accountId: ANCHORS.initechEmea.accountId } })).toMatchObject({
      status: 'matched',
      accountId: ANCHORS.initechEmea.accountId,
      via: 'manual',
    });
  });

  it('a remembered account that no longer exists is ignored', () => {
    expect(decide(thread([{ email: acme.champion.email }]), { accountId: 'deleted' })).toMatchObject({
      via: 'email',
      accountId: acme.accountId,
    });
  });
});
