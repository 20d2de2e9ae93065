/**
 * Launches Debian Firefox ESR over WebDriver BiDi (puppeteer-core) with the Firefox build of the extension
 * installed, and serves fixture pages as the real host sites. Each launch gets a fresh temporary profile
 * (puppeteer makes and removes it), so every test file starts as a new user would.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
export const FIXTURES = join(ROOT, 'tests/fixtures');

const ADDON_ID = 'glance@glance.app';
// Firefox gives each add-on a random moz-extension:// host per profile; pinning it tells us the origin.
const EXTENSION_UUID = '6c1f0d5e-9b3a-4c2e-8f7d-2a5b9e4c1d30';

export function firefoxPath() {
  return process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
}

/**
 * @typedef {object} GlanceFirefox
 * @property {import('puppeteer-core').Browser} browser
 * @property {string} origin the extension's moz-extension:// origin
 * @property {(path: string) => string} url
 * @property {(path: string) => Promise<import('puppeteer-core').Page>} openExtensionPage
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ viewport?: { width: number; height: number } }} [options]
 * @returns {Promise<GlanceFirefox>}
 */
export async function launchGlanceFirefox(options = {}) {
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath(),
    headless: true,
    defaultViewport: viewport,
    // Installing an add-on over BiDi needs the remote agent's system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }) },
  });
  try {
    await browser.installExtension(EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${EXTENSION_UUID}`;
  const url = (/** @type {string} */ path) => `${origin}/${path.replace(/^\//, '')}`;

  // First run opens the options page on its own (a new user's welcome); close it so each test opens what it needs.
  /** @type {import('puppeteer-core').Page | undefined} */
  let welcome;
  const findWelcome = async () => {
    for (const page of await browser.pages()) if ((await locationOf(page.mainFrame())).endsWith('/options.html')) welcome = page;
    return welcome !== undefined;
  };
  await until(findWelcome, '', 10_000).catch(() => undefined);
  await welcome?.close().catch(() => undefined);

  return {
    browser,
    origin,
    url,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      const target = url(path);
      // Firefox may never report a moz-extension navigation as finished over BiDi: start it, then wait for the document.
      // Asking the document while it is being swapped can fail: such an answer counts as "not yet".
      page.goto(target).catch(() => undefined);
      const loaded = (/** @type {string} */ href) => location.href === href && document.readyState === 'complete';
      await until(() => page.evaluate(loaded, target).catch(() => false), `${path} did not load.`);
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Where a frame's document really is. Over BiDi, puppeteer keeps reporting about:blank for a frame that
 * navigated to a moz-extension:// page, so ask the document itself.
 * @param {import('puppeteer-core').Frame} frame
 */
async function locationOf(frame) {
  if (frame.url() !== 'about:blank') return frame.url();
  return frame.evaluate(() => location.href).catch(() => 'about:blank');
}

/**
 * Polls until `check` answers true.
 * @param {() => Promise<boolean>} check
 * @param {string} failure
 */
async function until(check, failure, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** @param {string} path */
export function fixture(path) {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/**
 * Serves a fixture page for every URL under `origin` in this tab, as the real site would answer: the
 * page for a navigation, an empty answer for anything the page itself asks for. BiDi tells no resource
 * type, so a navigation is told apart by the request itself.
 * @param {import('puppeteer-core').Page} page
 * @param {string} origin e.g. https://mail.google.com
 * @param {string} fixturePath under tests/fixtures
 */
export async function serveHost(page, origin, fixturePath) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (!request.url().startsWith(`${origin}/`)) return request.continue();
    if (!request.isNavigationRequest()) return request.respond({ status: 204, body: '' });
    return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture(fixturePath) });
  });
}

/**
 * The form control labelled `label` in a page or frame. Firefox's accessibility lookup answers a name
 * with the <label> itself, so follow the label to the control it names.
 * @param {import('puppeteer-core').Page | import('puppeteer-core').Frame} where
 * @param {string} label
 * @returns {Promise<import('puppeteer-core').ElementHandle<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>>}
 */
export async function labelled(where, label) {
  const named = await where.waitForSelector(`::-p-aria([name=${JSON.stringify(label)}])`);
  const control = await named?.evaluateHandle((el) => (el instanceof HTMLLabelElement ? el.control : el));
  const isControl = await control?.evaluate(
    (el) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement,
  );
  if (!control || !isControl) throw new Error(`No form control is labelled "${label}".`);
  return /** @type {any} */ (control);
}

/** @param {import('puppeteer-core').Page} page */
export async function importInput(page) {
  return /** @type {import('puppeteer-core').ElementHandle<HTMLInputElement>} */ (await labelled(page, 'Import'));
}

/**
 * Opens the options page and imports a file through the file input labelled "Import"; resolves once
 * the outcome is reported.
 * @param {GlanceFirefox} glance
 * @param {string} filePath
 */
export async function importThroughOptions(glance, filePath) {
  const page = await glance.openExtensionPage('options.html');
  await (await importInput(page)).uploadFile(filePath);
  await page.waitForSelector('[role="status"][data-outcome]', { timeout: 60_000 });
  return page;
}

/** @param {GlanceFirefox} glance */
export async function loadSampleBook(glance) {
  const page = await glance.openExtensionPage('options.html');
  const button = await page.waitForSelector('::-p-aria([name="Load sample book"][role="button"])');
  await button?.click();
  await page.waitForFunction(() => /sample accounts are loaded/.test(document.body.innerText), { timeout: 60_000 });
  await page.close();
}

/**
 * The sidebar iframe inside <glance-sidebar>: its shadow root is closed, so find the frame by its URL.
 * @param {import('puppeteer-core').Page} page
 */
export async function sidebarFrame(page) {
  await page.waitForSelector('glance-sidebar', { timeout: 15_000 });
  /** @type {import('puppeteer-core').Frame | undefined} */
  let sidebar;
  const find = async () => {
    for (const frame of page.frames()) if ((await locationOf(frame)).includes('/sidebar.html')) sidebar = frame;
    return sidebar !== undefined;
  };
  await until(find, 'The Glance sidebar frame did not appear.', 15_000);
  return /** @type {import('puppeteer-core').Frame} */ (sidebar);
}
