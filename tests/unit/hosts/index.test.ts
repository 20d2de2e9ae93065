import { describe, expect, it } from 'vitest';
import { hostOf, readPage } from '../../../lib/hosts/index';
import { loadFixture } from './load-fixture';

describe('hostOf', () => {
  it('knows Gmail, Salesforce and HubSpot hosts', () => {
    const of = (u: string) => hostOf(new URL(u));
    expect(of('https://mail.google.com/mail/u/0/#inbox')).toBe('gmail');
    expect(of('https://northpeak.lightning.force.com/lightning/page/home')).toBe('salesforce');
    expect(of('https://northpeak--uat.sandbox.lightning.force.com/lightning/page/home')).toBe('salesforce');
    expect(of('https://northpeak.my.salesforce.com/001Dn00000Xk1AB')).toBe('salesforce');
    expect(of('https://app.hubspot.com/contacts/1/record/0-2/9001')).toBe('hubspot');
    expect(of('https://app-eu1.hubspot.com/contacts/1/record/0-2/9001')).toBe('hubspot');
    for (const notRecords of ['www', 'help', 'trailhead', 'appexchange', 'developer', 'na123']) {
      expect(of(`https://${notRecords}.salesforce.com/001Dn00000Xk1AB`)).toBeNull();
    }
    expect(of('https://www.hubspot.com/')).toBeNull();
    expect(of('https://calendar.google.com/')).toBeNull();
    expect(of('http://mail.google.com/mail/u/0/')).toBeNull();
  });
});

describe('readPage', () => {
  it('dispatches on the host', () => {
    const doc = loadFixture('gmail-thread-v1.html');
    expect(readPage(new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT'), doc)).toMatchObject({
      host: 'gmail',
      kind: 'thread',
    });
    expect(readPage(new URL('https://example.com/'), doc)).toBeNull();
  });

  it('turns an exception inside an adapter into an unreadable page', () => {
    const doc = loadFixture('gmail-thread-v1.html');
    doc.querySelector = () => {
      throw new Error('boom');
    };
    const ctx = readPage(new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT'), doc);
    expect(ctx).toMatchObject({ host: 'gmail', kind: 'unreadable' });
    expect(ctx?.kind === 'unreadable' && ctx.reason).toContain('boom');
  });

  it('survives a document that is not a document', () => {
    const ctx = readPage(new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT'), {} as Document);
    expect(ctx?.kind).toBe('unreadable');
  });
});

describe('read cost', () => {
  it('reads a thread in well under a millisecond (happy-dom is slower than a browser; best of several runs)', () => {
    const doc = loadFixture('gmail-thread-v1.html');
    const url = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT');
    const runs = Array.from({ length: 30 }, () => {
      const t0 = performance.now();
      readPage(url, doc);
      return performance.now() - t0;
    });
    expect(Math.min(...runs)).toBeLessThan(2);
  });
});
