import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  importInput,
  importThroughOptions,
  launchGlanceFirefox,
  serveHost,
  sidebarFrame,
  type GlanceFirefox,
} from './harness.mjs';

const bundlePath = (name: string) => join(FIXTURES, 'bundles', name);
const statusText = (el: Element) => el.textContent ?? '';

/** A user's own book, imported through the options page of the Firefox build in real Firefox. */
describe('importing a book and seeing it, in real Firefox', () => {
  let glance: GlanceFirefox;
  beforeAll(async () => {
    glance = await launchGlanceFirefox();
  });
  afterAll(async () => {
    await glance?.close();
  });

  it('offers the sample book to a new user, imports a bundle and reports the counts per record type', async () => {
    const options = await glance.openExtensionPage('options.html');
    await options.waitForSelector('::-p-aria([name="Load sample book"][role="button"])');
    expect(await options.evaluate(() => document.body.innerText)).toContain('No accounts yet');
    await options.close();

    const page = await importThroughOptions(glance, bundlePath('small-book.json'));
    const status = await page.waitForSelector('[role="status"][data-outcome="imported"]');
    expect(await status!.evaluate(statusText)).toContain('3 accounts, 3 contacts, 2 usage points, 1 ticket, 2 commitments, 2 activities');
    await page.waitForFunction(() => document.querySelector('[data-count="accounts"]')?.textContent === '3');

    // A file that is not JSON is refused with the reason, and the book is unchanged.
    await (await importInput(page)).uploadFile(bundlePath('not-json.json'));
    const refused = await page.waitForSelector('[role="status"][data-outcome="refused"]');
    const refusal = await refused!.evaluate(statusText);
    expect(refusal).toContain('This file is not valid JSON');
    expect(refusal).toContain('Nothing was imported');
    expect(await page.$eval('[data-count="accounts"]', statusText)).toBe('3');
    await page.close();
  });

  it('shows the briefing of an imported account in the popup', async () => {
    const page = await glance.openExtensionPage('popup.html?account=acc-harbor');
    await page.waitForSelector('[data-match="matched"] [data-account-id="acc-harbor"]');
    await page.waitForSelector('::-p-aria([name="Harbor Freight Systems"][role="heading"])');
    // The questionnaire was due on 2026-11-06, so it is overdue; the sales promise has no date and stays open.
    expect(await page.$eval('[data-commitment-id="cm-1"]', (el) => el.getAttribute('data-status'))).toBe('overdue');
    expect(await page.$eval('[data-commitment-id="cm-2"]', (el) => [el.getAttribute('data-kind'), el.getAttribute('data-status')])).toEqual(
      ['sales-promise', 'open'],
    );
    await page.close();
  });

  it('matches a Gmail thread to the imported account of its sender', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glance-firefox-'));
    const file = join(dir, 'acme-book.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'glance.bundle',
        version: 1,
        accounts: [{ id: 'e2e-acme', name: 'Acme Robotics (imported)', domains: ['acmerobotics.com'] }],
      }),
    );
    const options = await importThroughOptions(glance, file);
    await options.waitForSelector('[role="status"][data-outcome="imported"]');
    await options.close();

    const errors: string[] = [];
    const page = await glance.browser.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await serveHost(page, 'https://mail.google.com', 'hosts/gmail-thread-v1.html');
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT');
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-match="matched"] [data-account-id="e2e-acme"]');
    await frame.waitForSelector('::-p-aria([name="Acme Robotics (imported)"][role="heading"])');
    expect(errors).toEqual([]);
    await page.close();
  });
});
