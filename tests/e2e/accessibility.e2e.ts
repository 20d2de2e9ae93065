import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandAll, violations, type Scope } from './axe';
import { FIXTURES, ROOT, launchGlance, loadSampleBook, serveHost, sidebarFrame, type Glance } from './harness.mjs';

const SCHEMES = ['light', 'dark'] as const;
const SHOTS = join(ROOT, 'artifacts/accessibility');

const ACME_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';
const INITECH_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVzBcDfGhJkLmNpQrStVwXyZbC';
const FREEMAIL_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVyTrEwQaSdFgHjKlZxCvBnMqW';

/** Scans in light, then in dark, and gives every violation found in either. */
async function violationsInBothSchemes(page: Page, scope: Scope, label: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expect(scope.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).resolves.toBe(colorScheme === 'dark');
    found.push(...(await violations(scope, `${label}, ${colorScheme}`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

describe('accessibility (WCAG 2.1 AA, axe-core) of every Glance page in light and dark, in real Chromium', () => {
  let glance: Glance;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    glance = await launchGlance();
    await loadSampleBook(glance);
  });
  afterAll(async () => {
    await glance?.close();
  });

  async function openHost(url: string, fixturePath: string) {
    await glance.context.unrouteAll();
    await serveHost(glance.context, 'https://mail.google.com/**', fixturePath);
    const page = await glance.context.newPage();
    await page.goto(url);
    return { page, frame: await sidebarFrame(page) };
  }

  it('options page with the sample book loaded', async () => {
    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    await page.getByText(/sample accounts are loaded/).waitFor();
    await page.getByRole('region', { name: 'Playbook settings' }).waitFor();
    expect(await violationsInBothSchemes(page, page, 'options, sample book')).toEqual([]);
    await page.close();
  });

  it('options page settings with a wrong figure, weights that do not add up, and the reset question', async () => {
    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    const settings = page.getByRole('region', { name: 'Playbook settings' });
    await settings.getByRole('button', { name: /^Advanced/ }).click();
    await settings.getByLabel('Green band minimum score').fill('150');
    await settings.getByLabel('Product adoption weight (%)').fill('90');
    await settings.getByRole('alert').filter({ hasText: /100/ }).waitFor();
    await settings.locator('.settings-field--invalid').waitFor();
    await settings.getByRole('button', { name: 'Reset to playbook defaults' }).click();
    await settings.getByRole('button', { name: 'Yes, reset to defaults' }).waitFor();
    expect(await violationsInBothSchemes(page, page, 'options, settings errors')).toEqual([]);
    await page.close();
  });

  it('options page showing the column mapping of a CSV it does not know', async () => {
    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    await page.getByLabel('Import').setInputFiles(join(FIXTURES, 'exports/unknown-layout.csv'));
    await page.getByRole('table', { name: 'Column mapping' }).waitFor({ timeout: 60_000 });
    await page.getByRole('combobox', { name: 'Customer' }).waitFor();
    expect(await violationsInBothSchemes(page, page, 'options, column mapping')).toEqual([]);
    await page.close();
  });

  it('options page after an import that rejected records, and after a file that is not a bundle', async () => {
    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    await page.getByLabel('Import').setInputFiles(join(FIXTURES, 'bundles/broken-book.json'));
    await page.locator('[role="status"][data-outcome="imported"]', { hasText: 'rejected' }).waitFor({ timeout: 60_000 });
    const found = await violationsInBothSchemes(page, page, 'options, import with rejections');

    await page.getByLabel('Import').setInputFiles(join(FIXTURES, 'bundles/not-a-bundle.json'));
    await page.locator('[data-outcome]:not([data-outcome="imported"])').waitFor({ timeout: 60_000 });
    found.push(...(await violationsInBothSchemes(page, page, 'options, failed import')));
    expect(found).toEqual([]);
    await page.close();
  });

  it('my book with a filter on and the Today list', async () => {
    const page = await glance.context.newPage();
    await page.goto(glance.url('book.html'));
    await page.locator('[role="row"][data-account-id]').first().waitFor();
    await page.locator('[data-commitment-id]').first().waitFor();
    await page.getByRole('checkbox', { name: 'Renewal within 120 days', exact: true }).check();
    // The imports above added to the sample book: the count is of whatever the book holds now.
    await page
      .getByRole('status')
      .first()
      .getByText(/^\d+ of \d+ of your accounts/)
      .waitFor();
    expect(await violationsInBothSchemes(page, page, 'book')).toEqual([]);
    await page.close();
  });

  for (const [accountId, band] of [
    ['sample-acme', 'red'],
    ['sample-initech-us', 'green'],
  ] as const) {
    it(`popup briefing of a ${band} account (${accountId})`, async () => {
      const page = await glance.context.newPage();
      await page.setViewportSize({ width: 420, height: 600 });
      await page.goto(glance.url(`popup.html?account=${accountId}`));
      await page.locator(`[data-match="matched"] [data-account-id="${accountId}"] [data-health-band="${band}"]`).first().waitFor();
      await expandAll(page);
      expect(await violationsInBothSchemes(page, page, `popup, ${accountId}`)).toEqual([]);
      await page.close();
    });
  }

  it('popup with no account for the tab: search with results and the meetings coming up', async () => {
    const page = await glance.context.newPage();
    await page.setViewportSize({ width: 420, height: 600 });
    await page.goto(glance.url('popup.html'));
    await page.getByRole('heading', { name: 'Meetings coming up' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill('a');
    await page.getByRole('option', { name: /Acme Robotics/ }).waitFor();
    expect(await violationsInBothSchemes(page, page, 'popup, no account')).toEqual([]);
    await page.close();
  });

  it('sidebar on a Gmail thread: every section open, with open, done and cancelled commitments', async () => {
    const { page, frame } = await openHost(ACME_THREAD_URL, 'hosts/gmail-app.html');
    await page.setViewportSize({ width: 1280, height: 720 });
    await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    const open = frame.locator('[data-kind="commitment"][data-status="open"], [data-kind="commitment"][data-status="overdue"]');
    await open.first().getByRole('button', { name: 'Done' }).click();
    await frame.locator('[data-kind="commitment"][data-status="done"]').first().waitFor();
    await open.first().getByRole('button', { name: 'More' }).click();
    await open.first().getByRole('button', { name: 'Cancel commitment' }).click();
    await frame.locator('[data-kind="commitment"][data-status="cancelled"]').waitFor();
    await expandAll(frame); // every section, "More" menu and disclosure open
    await open.first().getByRole('button', { name: 'Edit' }).click();
    await frame.getByRole('button', { name: 'Save' }).waitFor();

    const found = await violationsInBothSchemes(page, frame, 'sidebar, Acme thread');
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await frame.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, `sidebar-${colorScheme}-top.png`) });
      await frame.locator('[data-status="done"]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `sidebar-${colorScheme}-commitments.png`) });
    }
    await frame.getByRole('button', { name: 'Collapse Glance sidebar' }).click();
    await frame.getByRole('button', { name: 'Open Glance sidebar' }).waitFor();
    found.push(...(await violationsInBothSchemes(page, frame, 'sidebar, collapsed')));
    await frame.getByRole('button', { name: 'Open Glance sidebar' }).click();
    await frame.getByRole('button', { name: 'Collapse Glance sidebar' }).waitFor();
    expect(found).toEqual([]);
    await page.close();
  });

  it('sidebar chooser between two accounts on one domain', async () => {
    const { page, frame } = await openHost(INITECH_THREAD_URL, 'hosts/gmail-thread-initech.html');
    await frame.locator('[data-match="ambiguous"]').waitFor();
    await frame.getByRole('button', { name: 'Initech EMEA' }).waitFor();
    expect(await violationsInBothSchemes(page, frame, 'sidebar, chooser')).toEqual([]);
    await page.close();
  });

  it('sidebar with no match, searching the book', async () => {
    const { page, frame } = await openHost(FREEMAIL_THREAD_URL, 'hosts/gmail-thread-freemail.html');
    await frame.locator('[data-match="none"]').waitFor();
    await frame.getByRole('searchbox', { name: 'Search accounts' }).fill('a');
    await frame.getByRole('option', { name: /Acme Robotics/ }).waitFor();
    expect(await violationsInBothSchemes(page, frame, 'sidebar, search')).toEqual([]);
    await page.close();
  });
});
