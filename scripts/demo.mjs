/**
 * Runs the built extension on the built-in sample book against demo host pages.
 * With a display: opens Chromium with Gmail, Salesforce and HubSpot demo pages and waits until you close it.
 * Headless: saves screenshots of the sidebar, the briefing popup and the options page, and prints their paths.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchGlance, loadSampleBook, ROOT, serveHost, sidebarFrame } from '../tests/e2e/harness.mjs';

const headless = !process.env.DISPLAY || process.env.GLANCE_HEADLESS === '1';
const out = join(ROOT, 'artifacts', 'demo');
mkdirSync(out, { recursive: true });

const DEMO_PAGES = [
  ['mail.google.com', 'hosts/gmail-app.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT'],
  [
    'northpeak.lightning.force.com',
    'hosts/salesforce-app.html',
    'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000Xk1ABIAZ/view',
  ],
  ['app.hubspot.com', 'hosts/hubspot-app.html', 'https://app.hubspot.com/contacts/4417291/record/0-2/9001'],
];

const glance = await launchGlance({ headless, viewport: headless ? { width: 1440, height: 900 } : undefined });
await loadSampleBook(glance);
for (const [host, fixture] of DEMO_PAGES) await serveHost(glance.context, `https://${host}/**`, fixture);

if (headless) {
  const shots = [];
  const gmail = await glance.context.newPage();
  await gmail.goto(DEMO_PAGES[0][2]);
  const frame = await sidebarFrame(gmail);
  await frame.locator('[data-account-id="sample-acme"]').waitFor();
  await gmail.waitForTimeout(300);
  shots.push(['Sidebar on a Gmail thread', join(out, 'sidebar-gmail.png')]);
  await gmail.screenshot({ path: shots.at(-1)[1] });

  const popup = await glance.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(glance.url('popup.html?account=sample-acme'));
  await popup.locator('[data-account-id="sample-acme"]').waitFor();
  shots.push(['Briefing popup', join(out, 'popup-briefing.png')]);
  await popup.screenshot({ path: shots.at(-1)[1] });

  const options = await glance.context.newPage();
  await options.goto(glance.url('options.html'));
  await options.locator('[data-sample="present"]').waitFor();
  shots.push(['Options page', join(out, 'options.png')]);
  await options.screenshot({ path: shots.at(-1)[1], fullPage: true });

  await glance.close();
  console.log('Glance ran on the sample book. Screenshots:');
  for (const [what, path] of shots) console.log(`  ${what}: ${path}`);
} else {
  for (const [, , url] of DEMO_PAGES) await (await glance.context.newPage()).goto(url);
  const options = await glance.context.newPage();
  await options.goto(glance.url('options.html'));
  console.log('Glance is running on the sample book in the Chromium window. Close the window to stop.');
  await new Promise((resolve) => glance.context.on('close', resolve));
}
