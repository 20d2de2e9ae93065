import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGlance, ROOT, type Glance } from './harness.mjs';

interface Command {
  name?: string;
  shortcut?: string;
}
type WorkerChrome = { chrome: { commands: { getAll(): Promise<Command[]> } } };

/**
 * The shortcuts README.md promises. A browser that refuses a suggested key (Chromium does for some
 * Alt+Shift letters, P among them) installs the command with an empty shortcut and says nothing.
 */
const DOCUMENTED = { 'toggle-sidebar': 'Alt+Shift+G', 'log-promise': 'Alt+Shift+L', 'open-book': 'Alt+Shift+M' };

const assignedShortcuts = (commands: Command[]) =>
  Object.fromEntries(commands.filter((c) => c.name && c.name in DOCUMENTED).map((c) => [c.name, c.shortcut]));

describe('keyboard shortcuts', () => {
  it('the README tells the user the shortcuts the manifest asks for', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const shortcut of Object.values(DOCUMENTED)) expect(readme).toContain(`\`${shortcut}\``);
  });

  describe('in real Chromium', () => {
    let glance: Glance;
    beforeAll(async () => {
      glance = await launchGlance();
    });
    afterAll(async () => {
      await glance?.close();
    });

    it('assigns every command its documented shortcut', async () => {
      const commands = await glance.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.commands.getAll());
      expect(assignedShortcuts(commands)).toEqual(DOCUMENTED);
    });
  });

  describe('in real Firefox', () => {
    const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
    const EXTENSION_UUID = '6c0a3f9e-1d2b-4c5d-9e8f-0a1b2c3d4e5f';

    it('assigns every command its documented shortcut', async () => {
      if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
        throw new Error('No Firefox build: run `npx wxt build -b firefox` (npm test does, in lint:addon).');
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
        // A fixed internal UUID, so the test knows the extension's moz-extension:// origin.
        extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'glance@glance.app': EXTENSION_UUID }) },
      });
      try {
        await browser.installExtension(FIREFOX_BUILD);
        const page = await browser.newPage();
        await page.setRequestInterception(true);
        page.on('request', (request) => void request.respond({ status: 200, contentType: 'text/html', body: '<p>Inbox</p>' }));
        // WebDriver BiDi will not navigate to moz-extension:// itself, but a host page may open the sidebar,
        // which is web-accessible there; the sidebar is an extension page with the commands API.
        await page.goto('https://mail.google.com/mail/u/0/');
        await page.evaluate((uuid) => void (location.href = `moz-extension://${uuid}/sidebar.html`), EXTENSION_UUID);
        await page.waitForFunction(() => location.protocol === 'moz-extension:', { timeout: 30_000 });
        const commands = await page.evaluate(() =>
          (globalThis as unknown as { browser: WorkerChrome['chrome'] }).browser.commands.getAll(),
        );
        expect(assignedShortcuts(commands)).toEqual(DOCUMENTED);
      } finally {
        await browser.close();
      }
    });
  });
});
