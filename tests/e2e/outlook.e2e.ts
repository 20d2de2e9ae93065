import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchGlance, loadSampleBook, ROOT, serveHost, sidebarFrame, type Glance } from './harness.mjs';
import { selectText } from './selection';

const ACME = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent('AAQkAGFjbWUtcmVuZXdhbC0yMDI1AAQAc2VjdXJpdHk=')}`;
const SENTENCE = "We'll send the security questionnaire by Friday.";
const ARTIFACTS = join(ROOT, 'artifacts');

/** The Outlook on the web fixture served as outlook.office.com: Acme's conversation open beside the list. */
describe('the sidebar on Outlook on the web, in real Chromium', () => {
  let glance: Glance;
  let page: Page;
  let frame: Frame;
  beforeAll(async () => {
    glance = await launchGlance({ viewport: { width: 1280, height: 720 } });
    await loadSampleBook(glance);
    await serveHost(glance.context, 'https://outlook.office.com/**', 'hosts/outlook-app.html');
    page = await glance.context.newPage();
    await page.goto(ACME);
    frame = await sidebarFrame(page);
  });
  afterAll(async () => {
    await glance?.close();
  });

  it("shows the account of the open conversation beside Outlook's panes, not over them", async () => {
    await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await expect(frame.getByRole('heading', { name: 'Acme Robotics' }).isVisible()).resolves.toBe(true);
    // The page made room: the reading pane ends where the sidebar begins.
    const pane = await page.getByRole('main', { name: 'Reading Pane' }).boundingBox();
    const sidebar = await page.locator('glance-sidebar').boundingBox();
    expect(pane!.x + pane!.width).toBeLessThanOrEqual(sidebar!.x);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'outlook-1280x720.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(ARTIFACTS, 'outlook-1920x1080.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('follows a switch to another conversation, and back', async () => {
    await page.getByRole('option', { name: /Berlin rollout moves to April/ }).click();
    await frame.locator('[data-match="matched"] [data-account-id="sample-globex"]').waitFor();
    await expect(frame.locator('[data-account-id="sample-acme"]').count()).resolves.toBe(0);

    await page.goBack();
    await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
  });

  it('shows no thread for the message list alone or a compose form', async () => {
    await page.getByRole('button', { name: 'New mail' }).click();
    await frame.locator('[data-match="none"]').waitFor();
    await expect(frame.getByRole('heading', { name: 'Open a thread or record' }).isVisible()).resolves.toBe(true);
    await expect(frame.locator('[data-account-id]').count()).resolves.toBe(0);

    await page.goto('https://outlook.office.com/mail/inbox');
    frame = await sidebarFrame(page);
    await frame.locator('[data-match="none"]').waitFor();
    await expect(frame.getByRole('heading', { name: 'Open a thread or record' }).isVisible()).resolves.toBe(true);
    await page.getByRole('option', { name: /Security review before renewal/ }).click();
    await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
  });

  it("logs a promise from a selection, due by the Friday of the selected message's week", async () => {
    await page.evaluate(selectText, SENTENCE);
    await frame.getByRole('button', { name: 'Log promise' }).click();
    await expect(frame.getByRole('textbox', { name: 'Promise' }).inputValue()).resolves.toBe(SENTENCE);
    // Sent Tue 3/11/2025 (Dana's message above it was sent the week before): Friday is 2025-03-14.
    await expect(frame.getByLabel('Due').inputValue()).resolves.toBe('2025-03-14');
    await frame.getByRole('button', { name: 'Save' }).click();
    const saved = frame.locator('[data-commitment-id]', { hasText: SENTENCE });
    await saved.waitFor();
    await expect(saved.getAttribute('data-kind')).resolves.toBe('commitment');
    await expect(saved.getByRole('link', { name: 'Source' }).getAttribute('href')).resolves.toBe(ACME);
  });

  it('appears when Outlook moves from the calendar to mail without a page load, and leaves with it', async () => {
    const outlook = await glance.context.newPage();
    await outlook.goto('https://outlook.office.com/calendar/view/week');
    await outlook.getByRole('region', { name: 'Calendar' }).waitFor();
    // The app bar changes the route with history.pushState, as Outlook does: no new page, no new content script.
    await outlook.getByRole('button', { name: 'Mail' }).click();
    await expect(outlook.evaluate(() => location.pathname)).resolves.toBe('/mail/inbox');
    let mail = await sidebarFrame(outlook);
    await mail.locator('[data-match="none"]').waitFor();
    await outlook.getByRole('option', { name: /Security review before renewal/ }).click();
    await mail.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();

    // Back to the calendar: the sidebar goes and the page gets its room back.
    await outlook.getByRole('button', { name: 'Calendar' }).click();
    await outlook.locator('glance-sidebar').waitFor({ state: 'detached' });
    await expect(outlook.evaluate(() => getComputedStyle(document.documentElement).marginRight)).resolves.toBe('0px');

    // And it comes back with the next move to mail.
    await outlook.getByRole('button', { name: 'Mail' }).click();
    mail = await sidebarFrame(outlook);
    await outlook.getByRole('option', { name: /Berlin rollout moves to April/ }).click();
    await mail.locator('[data-match="matched"] [data-account-id="sample-globex"]').waitFor();
    await outlook.close();
  });
});
