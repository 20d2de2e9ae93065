import { describe, expect, it } from 'vitest';
import { accountIdFromHref, readSalesforce, salesforceIdFromPath } from '../../../lib/hosts/salesforce';
import { ANCHORS } from '../../../lib/sample/anchors';
import { loadFixture } from './load-fixture';

const LIGHTNING = 'https://northpeak.lightning.force.com';
const CLASSIC = 'https://northpeak.my.salesforce.com';
const acme = ANCHORS.acme;
const read = (url: string, file?: string) =>
  readSalesforce(new URL(url), file ? loadFixture(file) : new DOMParser().parseFromString('<html><body></body></html>', 'text/html'));

describe('salesforce lightning records', () => {
  it('reads an Account record', () => {
    const ctx = read(`${LIGHTNING}/lightning/r/Account/${acme.salesforceId18}/view`, 'salesforce-account.html');
    expect(ctx).toMatchObject({
      kind: 'record',
      record: { crm: 'salesforce', object: 'account', id: acme.salesforceId18, title: 'Acme Robotics' },
    });
    expect(ctx.kind === 'record' && ctx.record.relatedAccountId).toBeUndefined();
  });

  it("reads a Contact's Account from the active page, not the hidden page visited before", () => {
    const ctx = read(`${LIGHTNING}/lightning/r/Contact/${acme.champion.salesforceId18}/view`, 'salesforce-contact.html');
    expect(ctx).toMatchObject({
      kind: 'record',
      record: { object: 'contact', id: acme.champion.salesforceId18, relatedAccountId: acme.salesforceId18, title: 'Dana Whitfield' },
    });
  });

  it('an Account field without a link (empty, or in inline-edit mode) gives no Account rather than another lookup', () => {
    const doc = loadFixture('salesforce-contact-details-ja.html');
    doc.querySelector('[data-target-selection-name$=".AccountId"] force-lookup')!.remove();
    const ctx = readSalesforce(new URL(`${LIGHTNING}/lightning/r/Contact/${acme.champion.salesforceId18}/view`), doc);
    expect(ctx).toMatchObject({ kind: 'record', record: { object: 'contact', title: 'Dana Whitfield' } });
    expect(ctx.kind === 'record' && ctx.record.relatedAccountId).toBeUndefined();
  });

  it("reads an Opportunity's Account (`/lightning/r/Account/<id>` link)", () => {
    const ctx = read(`${LIGHTNING}/lightning/r/Opportunity/${acme.opportunitySalesforceId18}/view`, 'salesforce-opportunity.html');
    expect(ctx).toMatchObject({ record: { object: 'opportunity', relatedAccountId: acme.salesforceId18 } });
  });

  it('reads a Japanese details panel without highlights panel: the Account field, not another Account lookup; the name from the Name field', () => {
    const ctx = read(`${LIGHTNING}/lightning/r/Contact/${acme.champion.salesforceId18}/view`, 'salesforce-contact-details-ja.html');
    expect(ctx).toMatchObject({
      kind: 'record',
      record: { object: 'contact', id: acme.champion.salesforceId18, relatedAccountId: acme.salesforceId18, title: 'Dana Whitfield' },
    });
  });

  it('accepts the object-less form, related views and 15-character ids', () => {
    expect(read(`${LIGHTNING}/lightning/r/${acme.salesforceId15}/view`)).toMatchObject({
      record: { object: 'account', id: acme.salesforceId18 },
    });
    expect(read(`${LIGHTNING}/lightning/r/Account/${acme.salesforceId18}/related/Contacts/view`)).toMatchObject({
      record: { id: acme.salesforceId18 },
    });
    expect(read(`${LIGHTNING}/lightning/r/Case/${acme.caseSalesforceId18}/view?ws=%2Flightning`)).toMatchObject({
      record: { object: 'case' },
    });
  });

  it('list views, home and objects Glance cannot tie to an account are lists', () => {
    expect(read(`${LIGHTNING}/lightning/o/Account/list?filterName=Recent`, 'salesforce-list.html').kind).toBe('list');
    expect(read(`${LIGHTNING}/lightning/page/home`).kind).toBe('list');
    expect(read(`${LIGHTNING}/lightning/r/Lead/00QDn00000Ld1ABIAZ/view`).kind).toBe('list');
  });

  it('a malformed record id is unreadable, with a reason', () => {
    const ctx = read(`${LIGHTNING}/lightning/r/Account/not-an-id/view`);
    expect(ctx.kind === 'unreadable' && ctx.reason).toMatch(/record id/);
  });
});

describe('salesforce classic', () => {
  it('reads a Contact by its 15-character id and its Account link, ignoring the sidebar', () => {
    const ctx = read(`${CLASSIC}/003Dn00000Ab1CD`, 'salesforce-classic-contact.html');
    expect(ctx).toMatchObject({
      kind: 'record',
      record: { object: 'contact', id: acme.champion.salesforceId18, relatedAccountId: acme.salesforceId18, title: 'Dana Whitfield' },
    });
  });

  it('reads an Account from the address alone', () => {
    expect(read(`${CLASSIC}/${acme.salesforceId15}`)).toMatchObject({ record: { object: 'account', id: acme.salesforceId18 } });
    expect(read(`${CLASSIC}/${acme.salesforceId15}/e`)).toMatchObject({ record: { object: 'account' } });
    expect(read(`${CLASSIC}/001/o`).kind).toBe('list');
    expect(read(`${CLASSIC}/home/home.jsp`).kind).toBe('list');
  });
});

describe('salesforce url helpers', () => {
  it('finds ids in paths', () => {
    expect(salesforceIdFromPath(`/lightning/r/Account/${acme.salesforceId18}/view`)).toBe(acme.salesforceId18);
    expect(salesforceIdFromPath('/lightning/o/Account/home')).toBeNull();
  });

  it('finds Account ids in links, and only Account ids', () => {
    expect(accountIdFromHref(`/lightning/r/Account/${acme.salesforceId18}/view`)).toBe(acme.salesforceId18);
    expect(accountIdFromHref(`https://northpeak.lightning.force.com/lightning/r/${acme.salesforceId15}/view`)).toBe(acme.salesforceId18);
    expect(accountIdFromHref(`/${acme.salesforceId15}`)).toBe(acme.salesforceId18);
    expect(accountIdFromHref(`/lightning/r/${acme.champion.salesforceId18}/view`)).toBeNull();
    expect(accountIdFromHref('/lightning/r/User/005Dn000001CmOrIAK/view')).toBeNull();
    expect(accountIdFromHref('mailto:dana.whitfield@acmerobotics.com')).toBeNull();
  });
});
