/**
 * Screenshots of each state of the sidebar (matched, chooser, no match, unreadable page, empty book,
 * collapsed, beside a dark Gmail; on Salesforce Lightning and HubSpot, light and dark), the briefing popup and the options page, at 1280x720 and
 * 1920x1080, into docs/screenshots/ (or the folder given as the first argument). Needs a build
 * (`npx wxt build`). `sidebar-gmail.png` and `options.png` are the names README and docs use.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchGlance, loadSampleBook, ROOT, serveHost, sidebarFrame } from '../tests/e2e/harness.mjs';
import { serveDarkHost } from '../tests/e2e/host-themes.mjs';

const out = resolve(process.argv[2] ?? join(ROOT, 'docs', 'screenshots'));
mkdirSync(out, { recursive: true });
const SIZES = [
  ['', { width: 1280, height: 720 }],
  ['-1920', { width: 1920, height: 1080 }],
];
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/';
const THREADS = {
  acme: `${GMAIL}FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT`,
  initech: `${GMAIL}FMfcgzQVzBcDfGhJkLmNpQrStVwXyZbC`,
  freemail: `${GMAIL}FMfcgzQVyTrEwQaSdFgHjKlZxCvBnMqW`,
  broken: `${GMAIL}FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT`,
};
const FIXTURE = {
  acme: 'hosts/gmail-app.html',
  initech: 'hosts/gmail-thread-initech.html',
  freemail: 'hosts/gmail-thread-freemail.html',
  broken: 'hosts/gmail-thread-broken.html',
};

/** The Acme account's record page in each CRM, as the end-to-end tests serve them. */
const CRM_PAGES = {
  salesforce: {
    pattern: 'https://northpeak.lightning.force.com/**',
    fixture: 'hosts/salesforce-app.html',
    url: 'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000Xk1ABIAZ/view',
  },
  hubspot: {
    pattern: 'https://app.hubspot.com/**',
    fixture: 'hosts/hubspot-app.html',
    url: 'https://app.hubspot.com/contacts/4417291/record/0-2/9001',
  },
};

const saved = [];
async function shoot(page, name, suffix, options = {}) {
  const path = join(out, `${name}${suffix}.png`);
  await page.screenshot({ path, ...options });
  saved.push(path);
}

async function openGmail(glance, key, viewport, { dark = false } = {}) {
  await glance.context.unrouteAll();
  if (dark) await serveDarkHost(glance.context, 'https://mail.google.com/**', FIXTURE[key], 'gmail');
  else await serveHost(glance.context, 'https://mail.google.com/**', FIXTURE[key]);
  const page = await glance.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(THREADS[key]);
  return { page, frame: await sidebarFrame(page) };
}

/**
 * The account's whole sidebar rather than its first screen, which is drawn before the rest loads: the
 * sections below it are in, and on a mail host the thread has been read. A fixed wait caught either.
 */
async function accountSettled(frame) {
  await frame.getByRole('button', { name: /^Commitments/ }).waitFor();
  await frame.getByText('Reading this email…').waitFor({ state: 'detached' });
}

async function sidebarStates(glance, suffix, viewport, withBook) {
  if (!withBook) {
    const { page, frame } = await openGmail(glance, 'acme', viewport);
    await frame.locator('[data-state="empty-book"]').waitFor();
    await page.waitForTimeout(300);
    await shoot(page, 'sidebar-empty-book', suffix);
    await page.close();
    return;
  }
  const acme = await openGmail(glance, 'acme', viewport);
  await acme.frame.locator('[data-match="matched"]').waitFor();
  await accountSettled(acme.frame);
  await acme.page.waitForTimeout(300);
  await shoot(acme.page, 'sidebar-gmail', suffix);
  await acme.frame.getByRole('button', { name: 'Collapse Glance sidebar' }).click();
  await acme.frame.getByRole('button', { name: /Open Glance sidebar/ }).waitFor();
  await shoot(acme.page, 'sidebar-collapsed', suffix);
  await acme.frame.getByRole('button', { name: /Open Glance sidebar/ }).click();
  await acme.frame.getByRole('button', { name: 'Collapse Glance sidebar' }).waitFor();
  await acme.page.close();

  const dark = await openGmail(glance, 'acme', viewport, { dark: true });
  await dark.frame.locator('html[data-theme="dark"] [data-match="matched"]').waitFor();
  await accountSettled(dark.frame);
  await dark.page.waitForTimeout(300);
  await shoot(dark.page, 'sidebar-gmail-dark', suffix);
  await dark.page.close();

  for (const [host, crm] of Object.entries(CRM_PAGES)) {
    for (const dark of [false, true]) {
      await glance.context.unrouteAll();
      if (dark) await serveDarkHost(glance.context, crm.pattern, crm.fixture, host);
      else await serveHost(glance.context, crm.pattern, crm.fixture);
      const page = await glance.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(crm.url);
      const frame = await sidebarFrame(page);
      await frame.locator(`html[data-theme="${dark ? 'dark' : 'light'}"] [data-match="matched"]`).waitFor();
      await accountSettled(frame);
      await page.waitForTimeout(300);
      await shoot(page, `sidebar-${host}${dark ? '-dark' : ''}`, suffix);
      await page.close();
    }
  }

  for (const [key, state, name] of [
    ['initech', '[data-match="ambiguous"]', 'sidebar-chooser'],
    ['freemail', '[data-state="no-match"]', 'sidebar-no-match'],
    ['broken', '[data-state="unreadable"]', 'sidebar-unreadable'],
  ]) {
    const { page, frame } = await openGmail(glance, key, viewport);
    await frame.locator(state).waitFor();
    await page.waitForTimeout(300);
    await shoot(page, name, suffix);
    await page.close();
  }
}

/** The toolbar popup's own size, as Chromium gives it for this account on this screen. */
async function popupSize(glance, account) {
  const page = await glance.context.newPage();
  await page.goto(glance.url('options.html'));
  await page.bringToFront();
  await glance.worker.evaluate(async (path) => {
    const { chrome } = /** @type {any} */ (globalThis);
    await chrome.action.setPopup({ popup: path });
    await chrome.action.openPopup();
  }, `popup.html?account=${account}`);
  const size = await (
    await page.waitForFunction((id) => {
      const { chrome } = /** @type {any} */ (globalThis);
      const popup = chrome.extension.getViews({ type: 'popup' })[0];
      if (!popup?.document.querySelector(`[data-account-id="${id}"]`)) return null;
      return { width: popup.innerWidth, height: popup.innerHeight };
    }, account)
  ).jsonValue();
  await page.evaluate(() => {
    const { chrome } = /** @type {any} */ (globalThis);
    for (const view of chrome.extension.getViews({ type: 'popup' })) view.close();
  });
  await page.close();
  return size;
}

const glance = await launchGlance({ viewport: SIZES[0][1], screen: SIZES[0][1] });
for (const [suffix, viewport] of SIZES) await sidebarStates(glance, suffix, viewport, false);
await loadSampleBook(glance);
for (const [suffix, viewport] of SIZES) {
  await sidebarStates(glance, suffix, viewport, true);
  for (const account of ['sample-acme', 'sample-brightwater']) {
    if (suffix !== '') continue;
    const popup = await glance.context.newPage();
    await popup.setViewportSize(await popupSize(glance, account));
    await popup.goto(glance.url(`popup.html?account=${account}`));
    await popup.locator(`[data-account-id="${account}"]`).waitFor();
    await popup.waitForTimeout(300);
    await shoot(popup, `popup-${account.replace('sample-', '')}`, '');
    await popup.close();
  }

  const options = await glance.context.newPage();
  await options.setViewportSize(viewport);
  await options.goto(glance.url('options.html'));
  await options.locator('[data-sample="present"]').waitFor();
  await shoot(options, 'options', suffix);
  await options.close();
}
await glance.close();
console.log(saved.join('\n'));
