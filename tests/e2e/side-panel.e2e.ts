import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchGlance, loadSampleBook, ROOT, serveHost, type Glance } from './harness.mjs';
import { selectText } from './selection';

const OUTLOOK_ACME = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent('AAQkAGFjbWUtcmVuZXdhbC0yMDI1AAQAc2VjdXJpdHk=')}`;
const GMAIL_GLOBEX = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxPnMhKsJcLbWtRgDfZqXvBkN';
const SENTENCE = "We'll send the security questionnaire by Friday.";

type WorkerChrome = {
  chrome: {
    sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> };
    action: { getPopup(details: object): Promise<string> };
  };
};

/**
 * The side panel mode. Headless Chromium cannot open the browser's side panel itself (sidePanel.open
 * wants a user's gesture on the toolbar or a shortcut, which no automation sends), so the panel page
 * runs as the extension page it is, in a tab of the same window: like the real panel it follows the
 * active tab of its window, which the test switches with bringToFront.
 */
describe("Glance in the browser's side panel, in real Chromium", () => {
  let glance: Glance;
  let panel: Page;
  let outlook: Page;
  beforeAll(async () => {
    glance = await launchGlance({ viewport: { width: 1280, height: 720 } });
    await loadSampleBook(glance);
    await serveHost(glance.context, 'https://outlook.office.com/**', 'hosts/outlook-app.html');
    await serveHost(glance.context, 'https://mail.google.com/**', 'hosts/gmail-app.html');
  });
  afterAll(async () => {
    await glance?.close();
  });

  it('is chosen on the options page, and then the toolbar button opens the panel instead of the popup', async () => {
    const options = await glance.context.newPage();
    await options.goto(glance.url('options.html'));
    await options.getByRole('radio', { name: "In the browser's side panel" }).check();
    await options.getByText('Saved. Open pages switch at once.').waitFor();
    await options.reload();
    await expect(options.getByRole('radio', { name: "In the browser's side panel" }).isChecked()).resolves.toBe(true);
    await options.close();
    await expect
      .poll(() => glance.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.sidePanel.getPanelBehavior()))
      .toEqual({ openPanelOnActionClick: true });
    await expect(glance.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.action.getPopup({}))).resolves.toBe('');
  });

  it("shows the active tab's account with nothing mounted in the page, and follows a tab switch", async () => {
    panel = await glance.context.newPage();
    await panel.goto(glance.url('sidepanel.html'));
    outlook = await glance.context.newPage();
    await outlook.goto(OUTLOOK_ACME);
    await outlook.bringToFront();
    await panel.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await expect(panel.getByRole('heading', { name: 'Acme Robotics' }).isVisible()).resolves.toBe(true);
    // The page is left as it is: no sidebar element, no room taken.
    await expect(outlook.locator('glance-sidebar').count()).resolves.toBe(0);
    await expect(outlook.evaluate(() => getComputedStyle(document.documentElement).marginRight)).resolves.toBe('0px');

    // A conversation switch inside the tab reaches the panel too.
    await outlook.getByRole('option', { name: /Berlin rollout moves to April/ }).click();
    await panel.locator('[data-match="matched"] [data-account-id="sample-globex"]').waitFor();
    await outlook.goBack();
    await panel.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();

    const gmail = await glance.context.newPage();
    await gmail.goto(GMAIL_GLOBEX);
    await gmail.bringToFront();
    await panel.locator('[data-match="matched"] [data-account-id="sample-globex"]').waitFor();
    await expect(gmail.locator('glance-sidebar').count()).resolves.toBe(0);

    // A tab Glance does not read: search, not the last account.
    const blank = await glance.context.newPage();
    await blank.bringToFront();
    await panel.locator('[data-match="none"]').waitFor();
    await expect(panel.getByRole('searchbox', { name: 'Search accounts' }).isVisible()).resolves.toBe(true);
    await blank.close();
    await gmail.close();

    await outlook.bringToFront();
    await panel.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    await panel.setViewportSize({ width: 400, height: 720 });
    await panel.screenshot({ path: join(ROOT, 'artifacts/side-panel-400x720.png') });
  });

  it("logs a promise from the page's selection, due from the selected message's sent time", async () => {
    await outlook.evaluate(selectText, SENTENCE);
    await panel.getByRole('button', { name: 'Log promise' }).click();
    await expect(panel.getByRole('textbox', { name: 'Promise' }).inputValue()).resolves.toBe(SENTENCE);
    await expect(panel.getByLabel('Due').inputValue()).resolves.toBe('2025-03-14');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.locator('[data-commitment-id]', { hasText: SENTENCE }).waitFor();
  });
});
