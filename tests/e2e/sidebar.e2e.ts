import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importThroughOptions, launchGlance, loadSampleBook, serveHost, sidebarFrame, type Glance } from './harness.mjs';

const ACME_THREAD = 'FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';
const GLOBEX_THREAD = 'FMfcgzQVxPnMhKsJcLbWtRgDfZqXvBkN';

/** One browser with the sample book for the whole file; each test opens its own host page. */
describe('the sidebar on host pages, in real Chromium', () => {
  let glance: Glance;
  beforeAll(async () => {
    glance = await launchGlance();
    await loadSampleBook(glance);
  });
  afterAll(async () => {
    await glance?.close();
  });

  async function open(host: string, fixture: string, url: string, pageErrors?: string[]) {
    await glance.context.unrouteAll();
    await serveHost(glance.context, `https://${host}/**`, fixture);
    const page = await glance.context.newPage();
    if (pageErrors) page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(url);
    return { page, frame: await sidebarFrame(page) };
  }

  it('shows the account of a Gmail thread, and follows an in-page thread swap', async () => {
    const { page, frame } = await open('mail.google.com', 'hosts/gmail-app.html', `https://mail.google.com/mail/u/0/#inbox/${ACME_THREAD}`);
    await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await expect(frame.getByRole('heading', { name: 'Acme Robotics' }).isVisible()).resolves.toBe(true);

    await page.evaluate((token) => (location.hash = `#inbox/${token}`), GLOBEX_THREAD);
    await frame.locator('[data-match="matched"] [data-account-id="sample-globex"]').waitFor();
    await expect(frame.locator('[data-account-id="sample-acme"]').count()).resolves.toBe(0);

    // Back to the inbox: no stale account.
    await page.evaluate(() => (location.hash = '#inbox'));
    await frame.locator('[data-match="none"]').waitFor();
    await expect(frame.locator('[data-account-id]').count()).resolves.toBe(0);
    await page.close();
  });

  it('never guesses between two accounts that share a domain, and remembers the choice', async () => {
    const { page, frame } = await open(
      'mail.google.com',
      'hosts/gmail-thread-initech.html',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVzBcDfGhJkLmNpQrStVwXyZbC',
    );
    await frame.locator('[data-match="ambiguous"]').waitFor();
    await expect(frame.locator('[data-account-id]').count()).resolves.toBe(0);
    await frame.getByRole('button', { name: 'Initech EMEA' }).click();
    await frame.locator('[data-match="matched"] [data-account-id="sample-initech-emea"]').waitFor();

    await page.reload();
    const again = await sidebarFrame(page);
    await again.locator('[data-match="matched"] [data-account-id="sample-initech-emea"]').waitFor();
    await page.close();
  });

  it('does not match a free-mail sender by domain, and offers search', async () => {
    // An account that (wrongly) lists gmail.com: without the free-mail rule this thread would match it.
    const dir = mkdtempSync(join(tmpdir(), 'glance-freemail-'));
    const bundle = join(dir, 'freemail-domain.json');
    writeFileSync(
      bundle,
      JSON.stringify({
        format: 'glance.bundle',
        version: 1,
        accounts: [{ id: 'e2e-gmail-domain', name: 'Listed Gmail Domain', domains: ['gmail.com'] }],
      }),
    );
    const options = await importThroughOptions(glance, bundle);
    await options.locator('[role="status"][data-outcome="imported"]', { hasText: '1 account' }).waitFor();
    await options.close();

    const { page, frame } = await open(
      'mail.google.com',
      'hosts/gmail-thread-freemail.html',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVyTrEwQaSdFgHjKlZxCvBnMqW',
    );
    await frame.locator('[data-match="none"]').waitFor();
    await expect(frame.locator('[data-account-id]').count()).resolves.toBe(0);
    await frame.getByText('(free-mail)').waitFor();
    const search = frame.getByRole('searchbox', { name: 'Search accounts' });
    await search.fill('acme');
    await frame.getByRole('option', { name: /Acme Robotics/ }).waitFor();
    await search.press('Enter');
    await frame.locator('[data-account-id="sample-acme"]').waitFor();
    await page.close();
  });

  it('shows the account of a Salesforce Account record, and after navigating to a Contact', async () => {
    const { page, frame } = await open(
      'northpeak.lightning.force.com',
      'hosts/salesforce-app.html',
      'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000Xk1ABIAZ/view',
    );
    await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await page.locator('a[href*="003Dn00000Ab1CD"]').first().click();
    await page.waitForURL(/\/lightning\/r\/(Contact\/)?003Dn00000Ab1CD/);
    // Dana Whitfield's contact record: still Acme, now through the contact's CRM id.
    await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await page.close();
  });

  it('shows the account of a HubSpot company record, and after navigating to a contact', async () => {
    const { page, frame } = await open(
      'app.hubspot.com',
      'hosts/hubspot-app.html',
      'https://app.hubspot.com/contacts/4417291/record/0-2/9001',
    );
    await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await page.locator('a[href$="/record/0-1/5101"]').first().click();
    await page.waitForURL(/\/record\/0-1\/5101/);
    await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await page.close();
  });

  it('says it could not read a page whose DOM changed, and the page still works', async () => {
    const errors: string[] = [];
    const { page, frame } = await open(
      'mail.google.com',
      'hosts/gmail-thread-broken.html',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT',
      errors,
    );
    await frame.locator('[data-match="none"]').waitFor();
    await frame.getByText('Glance could not read this page').waitFor();
    // Plain words for her; the page parts tried only behind "Details for support".
    await expect(frame.locator('[data-state="unreadable"] p').first().textContent()).resolves.not.toMatch(/looked for|h2\.hP/);
    await frame.getByText('Details for support').click();
    await frame.getByText(/Page parts looked for: .*h2\.hP/).waitFor();
    await expect(frame.getByRole('searchbox', { name: 'Search accounts' }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const width of [1280, 1920]) {
    it(`leaves the host page's own controls uncovered at ${width} px, collapses to a handle, and remembers it`, async () => {
      const { page, frame } = await open(
        'mail.google.com',
        'hosts/gmail-app.html',
        `https://mail.google.com/mail/u/0/#inbox/${ACME_THREAD}`,
      );
      await page.setViewportSize({ width, height: 900 });
      await frame.locator('[data-account-id="sample-acme"]').waitFor();
      // Every visible control of the host page is still the topmost element at its centre.
      const covered = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>('a, button, input, [role="button"]')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || r.right <= 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
          const hit = document.elementFromPoint(Math.min(r.left + r.width / 2, innerWidth - 1), r.top + r.height / 2);
          if (hit && hit.tagName === 'GLANCE-SIDEBAR') out.push(el.outerHTML.slice(0, 80));
        }
        return out;
      });
      expect(covered).toEqual([]);

      await frame.getByRole('button', { name: 'Collapse Glance sidebar' }).click();
      await frame.getByRole('button', { name: 'Open Glance sidebar' }).waitFor();
      const width1 = await page.evaluate(() => document.querySelector('glance-sidebar')!.getBoundingClientRect().width);
      expect(width1).toBeLessThan(50);
      await page.reload();
      const again = await sidebarFrame(page);
      await again.getByRole('button', { name: 'Open Glance sidebar' }).click();
      await again.locator('[data-account-id="sample-acme"]').waitFor();
      await page.close();
    });
  }
});
