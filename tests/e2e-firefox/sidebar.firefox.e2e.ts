import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectText } from '../e2e/selection';
import { labelled, launchGlanceFirefox, loadSampleBook, ROOT, serveHost, sidebarFrame, type GlanceFirefox } from './harness.mjs';

const ACME_THREAD = 'FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';
const GLOBEX_THREAD = 'FMfcgzQVxPnMhKsJcLbWtRgDfZqXvBkN';
const SENTENCE = "We'll send the security questionnaire by Friday.";

const button = (name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="button"])`;

/** The Firefox build in real Firefox, on the sample book: the sidebar beside Gmail and the briefing popup. */
describe('the sidebar and the briefing, in real Firefox', () => {
  let glance: GlanceFirefox;
  beforeAll(async () => {
    glance = await launchGlanceFirefox({ viewport: { width: 1280, height: 720 } });
    await loadSampleBook(glance);
  });
  afterAll(async () => {
    await glance?.close();
  });

  async function openGmail(url: string, pageErrors: string[], fixture = 'hosts/gmail-app.html'): Promise<Page> {
    const page = await glance.browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await serveHost(page, 'https://mail.google.com', fixture);
    await page.goto(url);
    return page;
  }

  it('shows the account of a Gmail thread, follows an in-page thread swap, and leaves the page working', async () => {
    const errors: string[] = [];
    const page = await openGmail(`https://mail.google.com/mail/u/0/#inbox/${ACME_THREAD}`, errors);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-match="matched"] [data-account-id="sample-acme"]');
    // The heading's accessible name includes its "Sample data" badge.
    await frame.waitForSelector('::-p-aria([name="Acme Robotics Sample data"][role="heading"])');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/firefox-sidebar-gmail.png') });

    await page.evaluate((token) => (location.hash = `#inbox/${token}`), GLOBEX_THREAD);
    await frame.waitForSelector('[data-match="matched"] [data-account-id="sample-globex"]');
    await frame.waitForSelector('::-p-aria([name="Globex Corporation Sample data"][role="heading"])');
    expect(await frame.$$('[data-account-id="sample-acme"]')).toHaveLength(0);

    // Back to the inbox: no stale account.
    await page.evaluate(() => (location.hash = '#inbox'));
    await frame.waitForSelector('[data-match="none"]');
    expect(await frame.$$('[data-account-id]')).toHaveLength(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps what the sidebar shows out of reach of the host page', async () => {
    const page = await openGmail(`https://mail.google.com/mail/u/0/#inbox/${ACME_THREAD}`, []);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-account-id="sample-acme"]');
    const seenByPage = await page.evaluate(() => {
      const readable = [...Array(window.length).keys()].filter((i) => {
        try {
          return window.frames[i].document !== undefined;
        } catch {
          return false;
        }
      });
      return {
        shadowRoot: document.querySelector('glance-sidebar')?.shadowRoot,
        iframes: document.querySelectorAll('iframe').length,
        accountHooks: document.querySelectorAll('[data-account-id], [data-match]').length,
        readableFrames: readable.length,
      };
    });
    expect(seenByPage).toEqual({ shadowRoot: null, iframes: 0, accountHooks: 0, readableFrames: 0 });
    await page.close();
  });

  it('logs a sentence selected in the thread as a promise, due date read from the email, kept after a reload', async () => {
    const errors: string[] = [];
    const page = await openGmail(`https://mail.google.com/mail/u/0/#inbox/${ACME_THREAD}`, errors, 'hosts/gmail-thread-v1.html');
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-account-id="sample-acme"]');
    await page.evaluate(selectText, SENTENCE);
    await (await frame.waitForSelector(button('Log promise')))!.click();
    const promise = await labelled(frame, 'Promise');
    expect(await promise.evaluate((el) => el.value)).toBe(SENTENCE);
    // Sent Mon, Mar 3, 2025: "by Friday" is that week's Friday.
    expect(await (await labelled(frame, 'Due')).evaluate((el) => el.value)).toBe('2025-03-07');
    expect(await (await labelled(frame, 'Owner')).evaluate((el) => el.value)).toBe('us');
    await promise.press('Enter');

    const saved = `[data-commitment-id][data-kind="commitment"][data-status="overdue"] ::-p-text(${JSON.stringify(SENTENCE)})`;
    await frame.waitForSelector(saved);
    await page.reload();
    const again = await sidebarFrame(page);
    await again.waitForSelector(saved);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('collapses to a slim handle, and stays collapsed after a reload until opened again', async () => {
    const page = await openGmail(`https://mail.google.com/mail/u/0/#inbox/${ACME_THREAD}`, []);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-account-id="sample-acme"]');
    await (await frame.waitForSelector(button('Collapse Glance sidebar')))!.click();
    // The handle is named by what it would open: "Open Glance sidebar: Acme Robotics, health …".
    const handle = 'button[aria-label^="Open Glance sidebar"]';
    await frame.waitForSelector(handle);
    await page.waitForFunction(() => document.querySelector('glance-sidebar')!.getBoundingClientRect().width < 50);

    await page.reload();
    const again = await sidebarFrame(page);
    await (await again.waitForSelector(handle))!.click();
    await again.waitForSelector('[data-match="matched"] [data-account-id="sample-acme"]');
    await page.waitForFunction(() => document.querySelector('glance-sidebar')!.getBoundingClientRect().width > 200);
    await page.close();
  });

  it('shows the briefing of popup.html?account=sample-acme: account, health band, top action, overdue commitment', async () => {
    const errors: string[] = [];
    const page = await glance.openExtensionPage('popup.html?account=sample-acme');
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.setViewport({ width: 420, height: 600 });
    await page.waitForSelector('[data-match="matched"] [data-account-id="sample-acme"]');
    expect(await page.$eval('[data-health-band]', (el) => el.getAttribute('data-health-band'))).toBe('red');
    expect(await page.$eval('[data-action-id]', (el) => el.getAttribute('data-action-id'))).toBe('save-play-escalate');
    await page.waitForSelector('::-p-aria([name="Talking points"][role="heading"])');
    expect(await page.$eval('[data-commitment-id="sample-acme-k7"]', (el) => el.getAttribute('data-status'))).toBe('overdue');
    // Readable at the popup's size: nothing wider than the popup.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ROOT, 'test-results/firefox-popup.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
