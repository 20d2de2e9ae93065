import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectText } from '../e2e/selection';
import { labelled, launchGlanceFirefox, loadSampleBook, ROOT, serveHost, sidebarFrame, type GlanceFirefox } from './harness.mjs';

const ACME_ID = 'AAQkAGFjbWUtcmVuZXdhbC0yMDI1AAQAc2VjdXJpdHk=';
const GLOBEX_ROW = '[role="option"][data-convid="AAQkAGdsb2JleC1vbmJvYXJkaW5nAAQAcm9sbG91dA=="]';
const SENTENCE = "We'll send the security questionnaire by Friday.";

const button = (name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="button"])`;

/** The Firefox build in real Firefox on the Outlook on the web fixture, served as outlook.live.com. */
describe('the sidebar on Outlook on the web, in real Firefox', () => {
  let glance: GlanceFirefox;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    glance = await launchGlanceFirefox({ viewport: { width: 1280, height: 720 } });
    await loadSampleBook(glance);
    page = await glance.browser.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await serveHost(page, 'https://outlook.live.com', 'hosts/outlook-app.html');
  });
  afterAll(async () => {
    await glance?.close();
  });

  it('shows the account of the open conversation and follows a switch to another, leaving the page working', async () => {
    await page.goto(`https://outlook.live.com/mail/0/inbox/id/${encodeURIComponent(ACME_ID)}`);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-match="matched"] [data-account-id="sample-acme"]');
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'artifacts/firefox-outlook-1280x720.png') });

    await page.click(GLOBEX_ROW);
    await frame.waitForSelector('[data-match="matched"] [data-account-id="sample-globex"]');
    expect(await frame.$$('[data-account-id="sample-acme"]')).toHaveLength(0);
    expect(errors).toEqual([]);
  });

  it('shows no thread for the message list alone', async () => {
    await page.goto('https://outlook.live.com/mail/0/inbox');
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-match="none"]');
    expect(await frame.$$('[data-account-id]')).toHaveLength(0);
  });

  it("logs a selected sentence as a promise, due by the Friday of the selected message's week", async () => {
    await page.goto(`https://outlook.live.com/mail/0/inbox/id/${encodeURIComponent(ACME_ID)}`);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-account-id="sample-acme"]');
    await page.evaluate(selectText, SENTENCE);
    await (await frame.waitForSelector(button('Log promise')))!.click();
    expect(await (await labelled(frame, 'Promise')).evaluate((el) => el.value)).toBe(SENTENCE);
    // Sent Tue 3/11/2025; Dana's message above it was sent the week before.
    expect(await (await labelled(frame, 'Due')).evaluate((el) => el.value)).toBe('2025-03-14');
    await (await labelled(frame, 'Promise')).press('Enter');
    await frame.waitForSelector(`[data-commitment-id][data-kind="commitment"] ::-p-text(${JSON.stringify(SENTENCE)})`);
    expect(errors).toEqual([]);
  });
});
