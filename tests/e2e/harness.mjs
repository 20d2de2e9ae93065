/**
 * Launches Debian Chromium with the built extension and serves fixture pages for the host sites.
 * Every test gets a fresh profile, so each starts as a new user would.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES = join(ROOT, 'tests/fixtures');

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * @typedef {object} Glance
 * @property {import('playwright-core').BrowserContext} context
 * @property {string} extensionId
 * @property {import('playwright-core').Worker} worker
 * @property {(path: string) => string} url
 * @property {() => Promise<void>} close
 */

/**
 * Chromium flags that send the real CRM hosts to local fakes: each host resolves to 127.0.0.1 at the
 * fake's port (a MAP rule with a port replaces the port of the URL too, so https://api.hubapi.com/
 * reaches https://127.0.0.1:<port>/), and the fakes' self-signed certificate is accepted.
 * @param {Record<string, number>} hosts host name -> port of an HTTPS fake on 127.0.0.1
 */
export function hostMapArgs(hosts) {
  const rules = Object.entries(hosts).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`);
  return rules.length ? [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'] : [];
}

/**
 * @param {{ viewport?: { width: number; height: number }, headless?: boolean, extensionDir?: string, hostMap?: Record<string, number>, screen?: { width: number; height: number } }} [options]
 *   hostMap: real host names (api.hubapi.com, an org's My Domain) to send to HTTPS fakes on 127.0.0.1 at these ports
 *   screen: the display's size (headless Chromium's is 800x600), which bounds the toolbar popup as a real screen does
 * @returns {Promise<Glance>}
 */
export async function launchGlance(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'glance-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${options.extensionDir ?? EXTENSION_DIR}`,
      `--load-extension=${options.extensionDir ?? EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...hostMapArgs(options.hostMap ?? {}),
      ...(options.screen ? [`--screen-info={${options.screen.width}x${options.screen.height}}`] : []),
    ],
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }).catch(async (error) => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      throw error;
    }));
  const extensionId = new URL(worker.url()).host;
  // First run opens the options page on its own (a new user's welcome); close it so each test opens what it needs.
  // The page event fires while the tab is still about:blank, so look at the pages' current URLs until it shows.
  const isOptions = (/** @type {import('playwright-core').Page} */ p) => p.url().endsWith('/options.html');
  const deadline = Date.now() + 10_000;
  let welcome = context.pages().find(isOptions);
  while (!welcome && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    welcome = context.pages().find(isOptions);
  }
  await welcome?.close().catch(() => undefined);
  return {
    context,
    extensionId,
    worker,
    url: (/** @type {string} */ path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** @param {string} path */
export function fixture(path) {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** Serves a fixture page for every URL of a host, as the real site would answer. */
/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} urlPattern
 * @param {string} fixturePath
 */
export async function serveHost(context, urlPattern, fixturePath) {
  await context.route(urlPattern, (route) => {
    if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture(fixturePath) });
  });
}

/** Opens the options page and imports a file through the "Import" file input. */
/**
 * @param {Glance} glance
 * @param {string} filePath
 */
export async function importThroughOptions(glance, filePath) {
  const page = await glance.context.newPage();
  await page.goto(glance.url('options.html'));
  await page.getByLabel('Import').setInputFiles(filePath);
  await page.locator('[role="status"][data-outcome]').waitFor({ timeout: 60_000 });
  return page;
}

/** @param {Glance} glance */
export async function loadSampleBook(glance) {
  const page = await glance.context.newPage();
  await page.goto(glance.url('options.html'));
  await page.getByRole('button', { name: 'Load sample book' }).click();
  await page.getByText(/sample accounts are loaded/).waitFor({ timeout: 30_000 });
  await page.close();
}

/** The sidebar iframe inside <glance-sidebar> (its shadow root is closed, so find the frame by URL). */
/** @param {import('playwright-core').Page} page */
export async function sidebarFrame(page) {
  await page.locator('glance-sidebar').waitFor({ state: 'attached', timeout: 15_000 });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('The Glance sidebar frame did not appear.');
}

/**
 * Grants an optional host permission as the user would in the prompt, which headless Chromium never
 * shows: chrome://extensions may call developerPrivate.addHostPermission. The extension's own
 * permissions.request for the same pattern then resolves true without a prompt.
 * @param {Glance} glance
 * @param {string} pattern e.g. `https://api.hubapi.com/*`
 */
export async function grantHostPermission(glance, pattern) {
  const page = await glance.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    await page.evaluate(
      ([id, host]) =>
        new Promise((resolve, reject) => {
          // chrome.developerPrivate exists only on chrome://extensions pages.
          const { chrome } = /** @type {any} */ (globalThis);
          chrome.developerPrivate.addHostPermission(id, host, () => {
            const error = chrome.runtime.lastError;
            if (error) reject(new Error(`addHostPermission(${host}) failed: ${error.message}`));
            else resolve(undefined);
          });
        }),
      [glance.extensionId, pattern],
    );
  } finally {
    await page.close();
  }
}
