/**
 * Screenshots of each state of the sidebar, the briefing popup and the options page, at 1280x720
 * and 1920x1080, into docs/screenshots/ (or the folder given as the first argument). Needs a build
 * (`npx wxt build`). `sidebar-gmail.png` and `options.png` are the names README and docs use.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchGlance, loadSampleBook, ROOT, serveHost, sidebarFrame } from '../tests/e2e/harness.mjs';

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
};
const FIXTURE = { acme: 'hosts/gmail-app.html', initech: 'hosts/gmail-thread-initech.html', freemail: 'hosts/gmail-thread-freemail.html' };

const saved = [];
async function shoot(page, name, suffix, options = {}) {
  const path = join(out, `${name}${suffix}.png`);
  await page.screenshot({ path, ...options });
  saved.push(path);
}

async function sidebarStates(glance, suffix, viewport, withBook) {
  for (const [key, url] of Object.entries(THREADS)) {
    if (withBook && key === 'freemail') continue;
    if (!withBook && key !== 'acme') continue;
    await glance.context.unrouteAll();
    await serveHost(glance.context, 'https://mail.google.com/**', FIXTURE[key]);
    const page = await glance.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(url);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-match]:not([data-match="loading"])').waitFor();
    await page.waitForTimeout(300);
    const name = !withBook ? 'sidebar-empty-book' : key === 'acme' ? 'sidebar-gmail' : 'sidebar-chooser';
    await shoot(page, name, suffix);
    if (key === 'acme' && withBook) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await shoot(page, 'sidebar-gmail-dark-system', suffix);
      await page.emulateMedia({ colorScheme: 'light' });
      await frame.getByRole('button', { name: 'Collapse Glance sidebar' }).click();
      await frame.getByRole('button', { name: /Open Glance sidebar/ }).waitFor();
      await shoot(page, 'sidebar-collapsed', suffix);
      await frame.getByRole('button', { name: /Open Glance sidebar/ }).click();
      await frame.getByRole('button', { name: 'Collapse Glance sidebar' }).waitFor();
    }
    await page.close();
  }
}

const glance = await launchGlance({ viewport: SIZES[0][1] });
for (const [suffix, viewport] of SIZES) await sidebarStates(glance, suffix, viewport, false);
await loadSampleBook(glance);
for (const [suffix, viewport] of SIZES) {
  await sidebarStates(glance, suffix, viewport, true);
  await glance.context.unrouteAll();
  await serveHost(glance.context, 'https://mail.google.com/**', FIXTURE.freemail);
  const none = await glance.context.newPage();
  await none.setViewportSize(viewport);
  await none.goto(THREADS.freemail);
  await (await sidebarFrame(none)).locator('[data-match="none"]').waitFor();
  await none.waitForTimeout(300);
  await shoot(none, 'sidebar-no-match', suffix);
  await none.close();

  for (const account of ['sample-acme', 'sample-brightwater']) {
    const popup = await glance.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(glance.url(`popup.html?account=${account}`));
    await popup.locator(`[data-account-id="${account}"]`).waitFor();
    if (suffix === '') await shoot(popup, `popup-${account.replace('sample-', '')}`, '');
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
