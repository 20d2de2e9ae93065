import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchGlance, loadSampleBook, ROOT, serveHost, type Glance } from './harness.mjs';
import { selectText } from './selection';

const OUTLOOK_ACME = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent('AAQkAGFjbWUtcmVuZXdhbC0yMDI1AAQAc2VjdXJpdHk=')}`;
const GMAIL_GLOBEX = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxPnMhKsJcLbWtRgDfZqXvBkN';
const SENTENCE = "We'll send the security questionnaire by Friday.";
const SECOND = "I'll also bring our solutions engineer to the renewal call.";

type WorkerChrome = {
  chrome: {
    sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> };
    action: { getPopup(details: object): Promise<string> };
    tabs: {
      query(query: object): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: object): Promise<unknown>;
      create(properties: { url: string; active: boolean }): Promise<unknown>;
    };
    runtime: { getURL(path: string): string };
  };
};

/**
 * The panel page opened in a background tab of the window, as the browser opens its panel: the host tab
 * stays the active one it follows.
 */
async function openPanelBehind(glance: Glance): Promise<Page> {
  const [opened] = await Promise.all([
    glance.context.waitForEvent('page'),
    glance.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as WorkerChrome;
      await chrome.tabs.create({ url: chrome.runtime.getURL('sidepanel.html'), active: false });
    }),
  ]);
  await opened.waitForURL(/\/sidepanel\.html$/);
  return opened;
}

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
    // The page draws before its saved choice arrives: wait for the choice, not the first frame.
    await expect.poll(() => options.getByRole('radio', { name: "In the browser's side panel" }).isChecked()).toBe(true);
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

  it('opens a promise logged with the shortcut while the panel is still opening, and only once', async () => {
    await panel.close();
    await outlook.bringToFront();
    await outlook.evaluate(selectText, SECOND);
    // What the background does on Alt+Shift+L in this mode (no automation can press a browser shortcut):
    // it asks the browser to open the panel and tells the tab at once, before the panel's page is listening.
    await glance.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as WorkerChrome;
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab.id!, { glance: 'tab', type: 'log-promise' });
    });
    panel = await openPanelBehind(glance);
    await panel.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await expect(panel.getByRole('textbox', { name: 'Promise' }).inputValue()).resolves.toBe(SECOND);
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.locator('[data-commitment-id]', { hasText: SECOND }).waitFor();
    await expect(panel.getByRole('textbox', { name: 'Promise' }).count()).resolves.toBe(0);

    // Delivered once: the panel opened again finds nothing waiting.
    await panel.close();
    panel = await openPanelBehind(glance);
    await panel.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    // The commitments sit below the first screen, drawn just after it.
    await panel.locator('[data-commitment-id]', { hasText: SECOND }).waitFor();
    await expect(panel.getByRole('textbox', { name: 'Promise' }).count()).resolves.toBe(0);
    await expect(panel.locator('[data-commitment-id]', { hasText: SECOND }).count()).resolves.toBe(1);
  });

  it("shows no page when the tab moves to Outlook's calendar, and the account again back in mail", async () => {
    await outlook.getByRole('button', { name: 'Calendar' }).click();
    await panel.locator('[data-match="none"]').waitFor();
    await expect(panel.locator('[data-account-id]').count()).resolves.toBe(0);
    await outlook.getByRole('button', { name: 'Mail' }).click();
    await outlook.getByRole('option', { name: /Security review before renewal/ }).click();
    await panel.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await expect(outlook.locator('glance-sidebar').count()).resolves.toBe(0);
  });
});
