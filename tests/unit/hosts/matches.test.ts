import { describe, expect, it } from 'vitest';
import { hostOf } from '../../../lib/hosts/index';
import { FRAME_MATCHES, HOST_MATCHES, MATCHES_BY_HOST, runsGlanceScript, SCRIPT_MATCHES_BY_HOST } from '../../../lib/hosts/matches';

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

  it("runs Outlook's script on all of Outlook's app, so a move from the calendar to mail needs no reload, and on no other host", () => {
    const scriptRuns = (href: string) => SCRIPT_MATCHES_BY_HOST.outlook.some((p) => matchesPattern(p, new URL(href)));
    expect(scriptRuns('https://outlook.office.com/calendar/view/week')).toBe(true);
    expect(scriptRuns('https://outlook.office365.com/mail/0/')).toBe(true);
    expect(scriptRuns('https://outlook.com/')).toBe(false);
    // Only the origins the reader's pages are on: the same host access, the menu still on mail alone.
    const originsOf = (patterns: string[]) => new Set(patterns.map((p) => new URL(p.replace('*', 'x')).origin));
    expect(originsOf(SCRIPT_MATCHES_BY_HOST.outlook)).toEqual(originsOf(MATCHES_BY_HOST.outlook));
    for (const host of ['gmail', 'salesforce', 'hubspot'] as const) expect(SCRIPT_MATCHES_BY_HOST[host]).toEqual(MATCHES_BY_HOST[host]);
  });

  it('lets the background know a content script by the page it loaded on, which a route change does not update', () => {
    for (const href of [
      'https://outlook.office.com/calendar/view/week',
      'https://mail.google.com/mail/u/0/',
      'https://acme.my.salesforce.com/x',
    ])
      expect(runsGlanceScript(new URL(href)), href).toBe(true);
    for (const href of [
      'https://outlook.com/',
      'https://help.salesforce.com/s/',
      'http://mail.google.com/',
      'https://mail.google.com.evil.io/',
    ])
      expect(runsGlanceScript(new URL(href)), href).toBe(false);
  });

  it('grants the sidebar frame to whole origins only, as Chrome requires of web-accessible matches', () => {
    for (const pattern of FRAME_MATCHES) expect(pattern, pattern).toMatch(/^https:\/\/[^/]+\/\*$/);
    expect(FRAME_MATCHES).toContain('https://outlook.office.com/*');
    expect(FRAME_MATCHES).not.toContain('https://outlook.com/*');
    expect(FRAME_MATCHES).toHaveLength(HOST_MATCHES.length);
  });
});
