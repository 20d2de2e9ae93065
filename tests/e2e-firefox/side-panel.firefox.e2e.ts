import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGlanceFirefox, loadSampleBook, ROOT, serveHost, type GlanceFirefox } from './harness.mjs';

const OUTLOOK_ACME = `https://outlook.live.com/mail/0/inbox/id/${encodeURIComponent('AAQkAGFjbWUtcmVuZXdhbC0yMDI1AAQAc2VjdXJpdHk=')}`;
const GMAIL_GLOBEX = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVxPnMhKsJcLbWtRgDfZqXvBkN';
const PANEL_CHOICE = `::-p-aria([name="In the browser's side panel"][role="radio"])`;

type PanelBrowser = { browser: { browserAction: { getPopup(details: object): Promise<string> } } };

/**
 * The side panel mode in the Firefox build, where the panel is the add-on's sidebar_action. Headless
 * Firefox draws no sidebar, and sidebarAction.open() is honoured only inside a user's gesture on the
 * toolbar or a shortcut, which WebDriver BiDi cannot send; so, as in the Chromium test, the sidebar's
 * own page (moz-extension://<uuid>/sidepanel.html, the manifest's default_panel) runs in a tab of the
 * same window, where it follows the active tab of its window just as it does in the sidebar.
 */
describe("Glance in Firefox's sidebar, in real Firefox", () => {
  let glance: GlanceFirefox;
  let panel: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    glance = await launchGlanceFirefox({ viewport: { width: 1280, height: 720 } });
    await loadSampleBook(glance);
  });
  afterAll(async () => {
    await glance?.close();
  });

  async function openHost(url: string, origin: string, fixture: string): Promise<Page> {
    const page = await glance.browser.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await serveHost(page, origin, fixture);
    await page.goto(url);
    return page;
  }

  const accountInPanel = (id: string) => panel.waitForSelector(`[data-match="matched"] [data-account-id="${id}"]`);

  it('is chosen on the options page, and then the toolbar button opens the sidebar instead of the popup', async () => {
    const options = await glance.openExtensionPage('options.html');
    await (await options.waitForSelector(PANEL_CHOICE))!.click();
    await options.waitForFunction(() => document.body.innerText.includes('Saved. Open pages switch at once.'));
    // With no popup set, a toolbar click reaches the background, which opens the sidebar.
    await options.waitForFunction(async () => (await (globalThis as unknown as PanelBrowser).browser.browserAction.getPopup({})) === '');
    await options.close();
  });

  it("shows the active tab's account with nothing mounted in the page, and follows a switch to another tab", async () => {
    panel = await glance.openExtensionPage('sidepanel.html');
    const outlook = await openHost(OUTLOOK_ACME, 'https://outlook.live.com', 'hosts/outlook-app.html');
    await outlook.bringToFront();
    await accountInPanel('sample-acme');
    await panel.waitForSelector('::-p-aria([name="Acme Robotics Sample data"][role="heading"])');
    // The page is left as it is: no sidebar element, no room taken.
    expect(await outlook.$$('glance-sidebar')).toHaveLength(0);
    expect(await outlook.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('0px');

    const gmail = await openHost(GMAIL_GLOBEX, 'https://mail.google.com', 'hosts/gmail-app.html');
    await gmail.bringToFront();
    await accountInPanel('sample-globex');
    expect(await panel.$$('[data-account-id="sample-acme"]')).toHaveLength(0);
    expect(await gmail.$$('glance-sidebar')).toHaveLength(0);

    // Back to the Outlook tab, without reloading it: the panel follows.
    await outlook.bringToFront();
    await accountInPanel('sample-acme');
    expect(await panel.$$('[data-account-id="sample-globex"]')).toHaveLength(0);
    expect(await outlook.$$('glance-sidebar')).toHaveLength(0);
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    await panel.setViewport({ width: 400, height: 720 });
    await panel.screenshot({ path: join(ROOT, 'artifacts/firefox-side-panel-400x720.png') });
    expect(errors).toEqual([]);
  });
});
