import { describe, expect, it } from 'vitest';
import { pageKey } from '../../../lib/match/page-key';
import { readPage } from '../../../lib/hosts/index';
import { ANCHORS } from '../../../lib/sample/anchors';
import { loadFixture } from '../hosts/load-fixture';

const blank = () => new DOMParser().parseFromString('<html><body></body></html>', 'text/html');

describe('pageKey', () => {
  it('one key per Gmail thread, whichever DOM version shows it', () => {
    const v1 = readPage(
      new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT'),
      loadFixture('gmail-thread-v1.html'),
    );
    expect(pageKey(v1!)).toBe('gmail:thread:18e5c2a7f4b91d03');
  });

  it('Salesforce keys use the 18-character id; HubSpot keys include the object', () => {
    const k15 = pageKey(readPage(new URL(`https://x.my.salesforce.com/${ANCHORS.acme.salesforceId15}`), blank())!);
    const k18 = pageKey(
      readPage(new URL(`https://x.lightning.force.com/lightning/r/Account/${ANCHORS.acme.salesforceId18}/view`), blank())!,
    );
    expect(k15).toBe(`salesforce:${ANCHORS.acme.salesforceId18}`);
    expect(k18).toBe(k15);
    expect(pageKey(readPage(new URL('https://app.hubspot.com/contacts/1/record/0-1/5101'), blank())!)).toBe('hubspot:contact:5101');
  });

  it('lists and unreadable pages have no key', () => {
    expect(pageKey({ host: 'gmail', kind: 'list', url: 'x' })).toBeNull();
    expect(pageKey({ host: 'hubspot', kind: 'unreadable', url: 'x', reason: 'r' })).toBeNull();
  });
});
