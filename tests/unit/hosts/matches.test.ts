import { describe, expect, it } from 'vitest';
import { hostOf } from '../../../lib/hosts/index';
import { FRAME_MATCHES, HOST_MATCHES } from '../../../lib/hosts/matches';

/** A match pattern as the browser reads it: `https://*.example.com/*`, `https://outlook.live.com/mail/*`. */
function matchesPattern(pattern: string, url: URL): boolean {
  const [, scheme, host, path] = /^(\w+):\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  if (url.protocol !== `${scheme}:`) return false;
  if (!url.pathname.startsWith(path.replace(/\*$/, ''))) return false;
  return host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host;
}
const isMatched = (href: string) => HOST_MATCHES.some((p) => matchesPattern(p, new URL(href)));

describe('where the content script runs', () => {
  it('runs only on hosts a reader understands', () => {
    for (const href of [
      'https://mail.google.com/mail/u/0/#inbox',
      'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000Xk1ABIAZ/view',
      'https://northpeak.my.salesforce.com/001Dn00000Xk1AB',
      'https://app.hubspot.com/contacts/1/record/0-2/9001',
      'https://app-eu1.hubspot.com/contacts/1/record/0-2/9001',
      'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA3NjUtNDAwAAQAKm9Q2dc%3D',
      'https://outlook.office365.com/mail/0/',
      'https://outlook.live.com/mail/0/inbox',
    ]) {
      expect(isMatched(href), href).toBe(true);
      expect(hostOf(new URL(href)), href).not.toBeNull();
    }
  });

  it('leaves Salesforce help, Trailhead, the website and AppExchange alone', () => {
    for (const href of [
      'https://help.salesforce.com/s/articleView?id=sf.admin.htm',
      'https://trailhead.salesforce.com/today',
      'https://www.salesforce.com/',
      'https://appexchange.salesforce.com/',
    ]) {
      expect(isMatched(href), href).toBe(false);
      expect(hostOf(new URL(href)), href).toBeNull();
    }
  });

  it("leaves Outlook's calendar, people and the outlook.com website alone", () => {
    for (const href of [
      'https://outlook.office.com/calendar/view/week',
      'https://outlook.live.com/people/0/',
      'https://outlook.com/',
      'https://www.microsoft.com/en-us/microsoft-365/outlook',
    ]) {
      expect(isMatched(href), href).toBe(false);
      expect(hostOf(new URL(href)), href).toBeNull();
    }
  });

  it('grants the sidebar frame to whole origins only, as Chrome requires of web-accessible matches', () => {
    for (const pattern of FRAME_MATCHES) expect(pattern, pattern).toMatch(/^https:\/\/[^/]+\/\*$/);
    expect(FRAME_MATCHES).toContain('https://outlook.office.com/*');
    expect(FRAME_MATCHES).not.toContain('https://outlook.com/*');
    expect(FRAME_MATCHES).toHaveLength(HOST_MATCHES.length);
  });
});
