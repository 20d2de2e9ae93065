import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGlanceFirefox, loadSampleBook, serveHost, sidebarFrame, type GlanceFirefox } from './harness.mjs';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVtRkHnBvLpMcXzWqJdFsGyTbE';
const OUR_PROMISE = "We'll send the security questionnaire by Friday.";

const button = (name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="button"])`;

/** The Firefox build in real Firefox on the Gmail thread with three commitments (sent 2-4 March 2026). */
describe('"Found in this email" on a Gmail thread, in real Firefox', () => {
  let glance: GlanceFirefox;
  let page: Page;
  beforeAll(async () => {
    glance = await launchGlanceFirefox({ viewport: { width: 1280, height: 720 } });
    await loadSampleBook(glance);
    page = await glance.browser.newPage();
    await serveHost(page, 'https://mail.google.com', 'hosts/gmail-thread-commitments.html');
  });
  afterAll(async () => {
    await glance?.close();
  });

  it('lists the three commitments with owners and due dates, logs one in one click, and keeps it logged after a reload', async () => {
    await page.goto(THREAD_URL);
    let frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-account-id="sample-acme"]');
    await frame.waitForFunction(() => document.querySelectorAll('[data-suggestion-id]').length === 3);
    const shown = await frame.$$eval('[data-suggestion-id]', (items) =>
      items.map((li) => [li.querySelector('.found__text')?.textContent, li.getAttribute('data-owner'), li.getAttribute('data-due')]),
    );
    // Each due date is read against the sent time of the message that says it.
    expect(shown).toEqual([
      ['“Could you send it over by Thursday?”', 'us', '2026-03-05'],
      [`“${OUR_PROMISE}”`, 'us', '2026-03-06'],
      ["“We'll get you the SSO metadata file next week.”", 'customer', '2026-03-13'],
    ]);

    const logId = await frame.$$eval(
      '[data-suggestion-id]',
      (items, text) => items.find((li) => li.textContent?.includes(text))?.getAttribute('data-suggestion-id'),
      OUR_PROMISE,
    );
    await (await frame.waitForSelector(`[data-suggestion-id="${logId}"] ${button('Log')}`))!.click();
    await frame.waitForSelector(`[data-suggestion-id="${logId}"][data-logged="true"]`);

    await page.reload();
    frame = await sidebarFrame(page);
    await frame.waitForSelector(`[data-suggestion-id="${logId}"][data-logged="true"]`);
    expect(await frame.$$(`[data-commitment-id="c-${logId}"]`)).toHaveLength(1);
  });
});
