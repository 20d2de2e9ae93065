import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { fixture, launchGlance, loadSampleBook, sidebarFrame, type Glance } from './harness.mjs';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVtRkHnBvLpMcXzWqJdFsGyTbE';
const OUR_PROMISE = "We'll send the security questionnaire by Friday.";
const SUBJECT = 'Berlin rollout: questionnaire and SSO';
const DAY = 86_400_000;

/**
 * The fixture thread was written on 2-4 March 2026. Served moved on by whole weeks to end in the
 * past week, it keeps its weekdays (so every due date moves by the same weeks) and its touch is
 * recent enough to be listed among the account's recent touches.
 */
const WRITTEN = Date.UTC(2026, 2, 4);
const weeks = Math.floor((Date.now() - WRITTEN - DAY) / (7 * DAY));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const moved = (isoDay: string) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + weeks * 7 * DAY);
const movedDue = (isoDay: string) => moved(isoDay).toISOString().slice(0, 10);
function movedTitle(weekday: string, isoDay: string, time: string) {
  const d = moved(isoDay);
  return `${weekday}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${time}`;
}
const movedThread = fixture('hosts/gmail-thread-commitments.html')
  .replaceAll('Mon, Mar 2, 2026, 10:12 AM', movedTitle('Mon', '2026-03-02', '10:12 AM'))
  .replaceAll('Tue, Mar 3, 2026, 2:40 PM', movedTitle('Tue', '2026-03-03', '2:40 PM'))
  .replaceAll('Wed, Mar 4, 2026, 9:14 AM', movedTitle('Wed', '2026-03-04', '9:14 AM'));

const suggestions = (frame: Frame) => frame.locator('[data-suggestion-id]');
const suggestion = (frame: Frame, text: string) => frame.locator('[data-suggestion-id]', { hasText: text });
const commitment = (frame: Frame, text: string) => frame.locator('[data-commitment-id]', { hasText: text });

describe('"Found in this email" on a Gmail thread, in real Chromium', () => {
  let glance: Glance;
  let page: Page;
  let frame: Frame;
  beforeAll(async () => {
    glance = await launchGlance();
    await loadSampleBook(glance);
    await glance.context.route('https://mail.google.com/**', (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: movedThread })
        : route.fulfill({ status: 204, body: '' }),
    );
    page = await glance.context.newPage();
    await page.goto(THREAD_URL);
    frame = await sidebarFrame(page);
    await frame.locator('[data-account-id="sample-acme"]').waitFor();
  });
  afterAll(async () => {
    await glance?.close();
  });

  it('lists the three commitments of the thread with their owners and due dates, and not the quoted one', async () => {
    await suggestions(frame).nth(2).waitFor();
    const shown = await suggestions(frame).evaluateAll((items) =>
      items.map((li) => [li.querySelector('.found__text')?.textContent, li.getAttribute('data-owner'), li.getAttribute('data-due')]),
    );
    expect(shown).toEqual([
      ['“Could you send it over by Thursday?”', 'us', movedDue('2026-03-05')],
      [`“${OUR_PROMISE}”`, 'us', movedDue('2026-03-06')],
      ["“We'll get you the SSO metadata file next week.”", 'customer', movedDue('2026-03-13')],
    ]);
    await expect(frame.getByText(/go-live/).count()).resolves.toBe(0);
  });

  it('logs one suggestion in one click as a commitment whose source is the thread', async () => {
    await suggestion(frame, OUR_PROMISE).getByRole('button', { name: 'Log', exact: true }).click();
    const saved = commitment(frame, OUR_PROMISE);
    await saved.waitFor();
    await expect(saved.getByRole('link', { name: 'Source' }).getAttribute('href')).resolves.toBe(THREAD_URL);
    await suggestion(frame, OUR_PROMISE).and(frame.locator('[data-logged="true"]')).waitFor();
  });

  it('hides a dismissed suggestion', async () => {
    await suggestion(frame, 'Could you send it over').getByRole('button', { name: 'Dismiss' }).click();
    await suggestion(frame, 'Could you send it over').waitFor({ state: 'detached' });
  });

  it('logs the email as a touch, listed among the recent touches', async () => {
    await frame.getByRole('button', { name: 'Log this email' }).click();
    await frame.getByText(`Logged as a touch on Acme Robotics.`).waitFor();
    // Recent touches is a section below the first screen: open it unless it is remembered open.
    const touches = frame.getByRole('button', { name: /^Recent touches/ });
    if ((await touches.getAttribute('aria-expanded')) === 'false') await touches.click();
    await frame.getByRole('region', { name: 'Recent touches' }).getByText(`Email: ${SUBJECT}`).waitFor();
  });

  it('keeps all of it after a reload: dismissed stays hidden, logged stays logged and saved once', async () => {
    await page.reload();
    frame = await sidebarFrame(page);
    await suggestion(frame, OUR_PROMISE).and(frame.locator('[data-logged="true"]')).waitFor();
    await expect(suggestions(frame).count()).resolves.toBe(2);
    await expect(suggestion(frame, 'Could you send it over').count()).resolves.toBe(0);
    await expect(commitment(frame, OUR_PROMISE).count()).resolves.toBe(1);
    await expect(frame.getByRole('button', { name: 'Log this email' }).isDisabled()).resolves.toBe(true);
  });
});
