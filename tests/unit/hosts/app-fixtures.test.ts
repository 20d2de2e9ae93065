/**
 * The *-app.html fixtures navigate in-page like the real apps (hash routes, pushState). Their
 * inline scripts run here in happy-dom so a broken script fails fast, before the browser tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/hosts/index';
import { ANCHORS } from '../../../lib/sample/anchors';

const FIXTURES = join(__dirname, '../../fixtures/hosts');

async function open(file: string, url: string) {
  // Only these trusted local fixtures are evaluated; happy-dom keeps scripts off by default.
  const window = new Window({ url, settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  window.document.write(readFileSync(join(FIXTURES, file), 'utf8'));
  await window.happyDOM.waitUntilComplete();
  const doc = window.document as unknown as Document;
  const read = () => readPage(new URL(window.location.href), doc);
  const click = (selector: string) => {
    const el = window.document.querySelector(selector);
    if (!el) throw new Error(`no ${selector}`);
    (el as unknown as HTMLElement).click();
  };
  return { window, read, click };
}

describe('gmail-app.html', () => {
  it('swaps the open thread on hash changes, from the inbox and back', async () => {
    const { window, read, click } = await open('gmail-app.html', 'https://mail.google.com/mail/u/0/#inbox');
    expect(read()?.kind).toBe('list');

    click('tr.zA[data-demo-token="FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT"] span.bog');
    await new Promise((r) => setTimeout(r, 20));
    const acme = read();
    expect(acme?.kind === 'thread' && acme.threadId).toBe('18e5c2a7f4b91d03');
    expect(window.document.title).toContain('Security review');

    window.location.hash = '#inbox/FMfcgzQVxPnMhKsJcLbWtRgDfZqXvBkN';
    await new Promise((r) => setTimeout(r, 20));
    const globex = read();
    expect(globex?.kind === 'thread' && globex.people.map((p) => p.email)).toEqual([
      ANCHORS.globex.subdomainSender.email,
      'casey.morgan@northpeak.io',
    ]);
    expect(window.document.querySelectorAll('h2.hP')).toHaveLength(1);

    window.location.hash = '#inbox';
    await new Promise((r) => setTimeout(r, 20));
    expect(read()?.kind).toBe('list');
    await window.happyDOM.close();
  });
});

describe('salesforce-app.html', () => {
  it('switches between the Acme Account and Dana Whitfield with pushState, keeping the old page hidden', async () => {
    const base = 'https://northpeak.lightning.force.com';
    const { window, read, click } = await open('salesforce-app.html', `${base}/lightning/r/Account/${ANCHORS.acme.salesforceId18}/view`);
    expect(read()).toMatchObject({ kind: 'record', record: { object: 'account', id: ANCHORS.acme.salesforceId18 } });

    click(`.oneContent.active a[href="/lightning/r/${ANCHORS.acme.champion.salesforceId18}/view"]`);
    expect(window.location.pathname).toBe(`/lightning/r/${ANCHORS.acme.champion.salesforceId18}/view`);
    expect(read()).toMatchObject({ record: { object: 'contact', relatedAccountId: ANCHORS.acme.salesforceId18, title: 'Dana Whitfield' } });
    expect(window.document.querySelectorAll('.oneContent')).toHaveLength(2);

    click(`.oneContent.active a[href="/lightning/r/${ANCHORS.acme.salesforceId18}/view"]`);
    expect(read()).toMatchObject({ record: { object: 'account', title: 'Acme Robotics' } });
    await window.happyDOM.close();
  });
});

describe('hubspot-app.html', () => {
  it('switches between the Acme company and Dana Whitfield', async () => {
    const base = 'https://app.hubspot.com/contacts/4417291';
    const { window, read, click } = await open('hubspot-app.html', `${base}/record/0-2/${ANCHORS.acme.hubspotCompanyId}`);
    expect(read()).toMatchObject({ record: { object: 'company', id: ANCHORS.acme.hubspotCompanyId } });

    click(`a[href="/contacts/4417291/record/0-1/${ANCHORS.acme.champion.hubspotContactId}"]`);
    expect(read()).toMatchObject({
      record: { object: 'contact', id: ANCHORS.acme.champion.hubspotContactId, relatedAccountId: ANCHORS.acme.hubspotCompanyId },
    });

    click(`a[href="/contacts/4417291/record/0-2/${ANCHORS.acme.hubspotCompanyId}"]`);
    expect(read()).toMatchObject({ record: { object: 'company', title: 'Acme Robotics' } });
    await window.happyDOM.close();
  });
});
