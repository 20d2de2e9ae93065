import { describe, expect, it } from 'vitest';
import { isSalesforceId, objectFromKeyPrefix, sameSalesforceId, toSalesforceId18 } from '../../../lib/hosts/salesforce-id';
import { ANCHORS } from '../../../lib/sample/anchors';

describe('salesforce ids', () => {
  it('adds the case checksum to 15-character ids', () => {
    expect(toSalesforceId18(ANCHORS.acme.salesforceId15)).toBe(ANCHORS.acme.salesforceId18);
    expect(toSalesforceId18(ANCHORS.globex.salesforceId15)).toBe(ANCHORS.globex.salesforceId18);
    // Published example pair from Salesforce's documentation of the algorithm.
    expect(toSalesforceId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
  });

  it('keeps valid 18-character ids and repairs ids that lost their letter case', () => {
    expect(toSalesforceId18(ANCHORS.acme.salesforceId18)).toBe(ANCHORS.acme.salesforceId18);
    expect(toSalesforceId18(ANCHORS.acme.salesforceId18.toLowerCase())).toBe(ANCHORS.acme.salesforceId18);
    expect(sameSalesforceId(ANCHORS.acme.salesforceId15, ANCHORS.acme.salesforceId18.toUpperCase())).toBe(true);
    expect(sameSalesforceId(ANCHORS.acme.salesforceId15, ANCHORS.globex.salesforceId15)).toBe(false);
  });

  it('rejects what is not an id', () => {
    expect(toSalesforceId18('001Dn00000Xk1A')).toBeNull();
    expect(toSalesforceId18('not-an-id-at-all')).toBeNull();
    expect(isSalesforceId('001Dn00000Xk1AB')).toBe(true);
    // The checksum says the 4th character is a capital letter, but it is a digit.
    expect(isSalesforceId('0011n00000Xk1ABIAZ')).toBe(false);
  });

  it('names the object from the key prefix', () => {
    expect(objectFromKeyPrefix(ANCHORS.acme.salesforceId18)).toBe('account');
    expect(objectFromKeyPrefix(ANCHORS.acme.champion.salesforceId18)).toBe('contact');
    expect(objectFromKeyPrefix(ANCHORS.acme.opportunitySalesforceId18)).toBe('opportunity');
    expect(objectFromKeyPrefix(ANCHORS.acme.caseSalesforceId18)).toBe('case');
    expect(objectFromKeyPrefix('00QDn00000Ld1AB')).toBeUndefined();
  });
});
