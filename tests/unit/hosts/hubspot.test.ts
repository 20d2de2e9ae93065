import { describe, expect, it } from 'vitest';
import { companyIdFromHref, hubspotRecordFromPath, readHubspot } from '../../../lib/hosts/hubspot';
import { ANCHORS } from '../../../lib/sample/anchors';
import { loadFixture } from './load-fixture';

const APP = 'https://app.hubspot.com/contacts/4417291';
const acme = ANCHORS.acme;
const read = (url: string, file?: string) =>
  readHubspot(new URL(url), file ? loadFixture(file) : new DOMParser().parseFromString('<html><body></body></html>', 'text/html'));

describe('hubspot records', () => {
  it('reads a company record', () => {
    const ctx = read(`${APP}/record/0-2/${acme.hubspotCompanyId}`, 'hubspot-company.html');
    expect(ctx).toMatchObject({
      kind: 'record',
      record: { crm: 'hubspot', object: 'company', id: acme.hubspotCompanyId, title: 'Acme Robotics' },
    });
    expect(ctx.kind === 'record' && ctx.record.relatedAccountId).toBeUndefined();
  });

  it("reads a contact's company from the association card", () => {
    const ctx = read(`${APP}/record/0-1/${acme.champion.hubspotContactId}/view/1`, 'hubspot-contact.html');
    expect(ctx).toMatchObject({
      record: { object: 'contact', id: acme.champion.hubspotContactId, relatedAccountId: acme.hubspotCompanyId, title: 'Dana Whitfield' },
    });
  });

  it("reads a deal's company on the EU host from a legacy /company/<id> link", () => {
    const ctx = read(`https://app-eu1.hubspot.com/contacts/4417291/record/0-3/${acme.dealHubspotId}`, 'hubspot-deal.html');
    expect(ctx).toMatchObject({ record: { object: 'deal', id: acme.dealHubspotId, relatedAccountId: acme.hubspotCompanyId } });
  });

  it('reads the older URL forms and tickets', () => {
    expect(read(`${APP}/company/${acme.hubspotCompanyId}`)).toMatchObject({ record: { object: 'company', id: acme.hubspotCompanyId } });
    expect(read(`${APP}/contact/${acme.champion.hubspotContactId}/`)).toMatchObject({ record: { object: 'contact' } });
    expect(read(`${APP}/record/0-5/88`)).toMatchObject({ record: { object: 'ticket', id: '88' } });
  });

  it('lists and other objects are lists', () => {
    expect(read(`${APP}/objects/0-2/views/all/list`, 'hubspot-list.html').kind).toBe('list');
    expect(read(`${APP}/companies`).kind).toBe('list');
    expect(read(`${APP}/record/0-48/12`).kind).toBe('list');
    expect(read('https://app.hubspot.com/reports-dashboard/4417291').kind).toBe('list');
  });
});

describe('hubspot url helpers', () => {
  it('parses record paths and company links', () => {
    expect(hubspotRecordFromPath('/contacts/1/record/0-2/9001')).toEqual({ object: 'company', id: '9001' });
    expect(hubspotRecordFromPath('/contacts/1/record/0-2/abc')).toBeNull();
    expect(companyIdFromHref('/contacts/1/record/0-2/9001?tab=x')).toBe('9001');
    expect(companyIdFromHref('https://app.hubspot.com/contacts/1/company/9001/')).toBe('9001');
    expect(companyIdFromHref('/contacts/1/record/0-1/5101')).toBeNull();
  });
});
