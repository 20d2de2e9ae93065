/**
 * A new user with nothing imported opens a Gmail thread: the sidebar says the book is empty and
 * leads to the options page, where importing and the sample book live; after loading the sample
 * the same thread shows its account. Real Chromium, fresh profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGlance, serveHost, sidebarFrame, type Glance } from './harness.mjs';

const ACME_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';

describe('the sidebar on an empty book', () => {
  let glance: Glance;
  beforeAll(async () => {
    glance = await launchGlance({ viewport: { width: 1280, height: 720 } });
    await serveHost(glance.context, 'https://mail.google.com/**', 'hosts/gmail-app.html');
  });
  afterAll(async () => {
    await glance?.close();
  });

  it('says the book is empty, opens options to load the sample, then shows the thread’s account', async () => {
    const page = await glance.context.newPage();
    await page.goto(ACME_THREAD_URL);
    const frame = await sidebarFrame(page);
    const empty = frame.getByRole('region', { name: 'Your book is empty' });
    await empty.waitFor();
    await expect(frame.locator('[data-match="none"] [data-state="empty-book"]').count()).resolves.toBe(1);
    await expect(frame.locator('[data-account-id]').count()).resolves.toBe(0);
    await expect(empty.getByRole('button', { name: 'Import your book' }).isVisible()).resolves.toBe(true);

    const opened = glance.context.waitForEvent('page');
    await empty.getByRole('button', { name: 'Load the sample book' }).click();
    const options = await opened;
    await options.waitForURL(/\/options\.html/);
    await options.getByRole('button', { name: 'Load sample book' }).click();
    await options.getByText(/sample accounts are loaded/).waitFor({ timeout: 30_000 });
    await options.close();

    await page.reload();
    const again = await sidebarFrame(page);
    await again.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await page.close();
  });
});
