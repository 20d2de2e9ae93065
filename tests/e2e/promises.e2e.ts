import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchGlance, loadSampleBook, serveHost, sidebarFrame, type Glance } from './harness.mjs';
import { stopServiceWorker } from './service-worker';
import { selectText } from './selection';

const ACME_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';
const SENTENCE = "We'll send the security questionnaire by Friday.";

const item = (frame: Frame, text: string) => frame.locator('[data-commitment-id]', { hasText: text });

describe('logging a promise from a Gmail thread, in real Chromium', () => {
  let glance: Glance;
  let page: Page;
  let frame: Frame;
  beforeAll(async () => {
    glance = await launchGlance();
    await loadSampleBook(glance);
    await serveHost(glance.context, 'https://mail.google.com/**', 'hosts/gmail-thread-v1.html');
    page = await glance.context.newPage();
    await page.goto(ACME_THREAD_URL);
    frame = await sidebarFrame(page);
    await frame.locator('[data-account-id="sample-acme"]').waitFor();
  });
  afterAll(async () => {
    await glance?.close();
  });

  it('turns a selected sentence into a saved commitment with the due date read from the email', async () => {
    await page.evaluate(selectText, SENTENCE);
    await frame.getByRole('button', { name: 'Log promise' }).click();
    const promise = frame.getByRole('textbox', { name: 'Promise' });
    await expect(promise.inputValue()).resolves.toBe(SENTENCE);
    // Sent Mon, Mar 3, 2025: "by Friday" is that week's Friday, not a Friday counted from today.
    await expect(frame.getByLabel('Due').inputValue()).resolves.toBe('2025-03-07');
    await expect(frame.getByLabel('Owner').inputValue()).resolves.toBe('us');
    // The contract's queries as an outside check runs them (substring, case-insensitive) each find
    // one control, though the top action here is "Escalate: run the save play".
    await expect(frame.locator('[data-action-id]').first().getAttribute('data-action-id')).resolves.toBe('save-play-escalate');
    await expect(frame.getByRole('button', { name: 'Save' }).count()).resolves.toBe(1);
    for (const field of ['Promise', 'Due', 'Owner']) await expect(frame.getByLabel(field).count()).resolves.toBe(1);
    await expect(frame.getByLabel('Owner', { exact: true }).count()).resolves.toBe(1);
    await promise.press('Enter');

    const saved = item(frame, SENTENCE);
    await saved.waitFor();
    await expect(saved.getAttribute('data-kind')).resolves.toBe('commitment');
    // Due in the past relative to today: it is overdue at once.
    await expect(saved.getAttribute('data-status')).resolves.toBe('overdue');
    await expect(saved.getByRole('link', { name: 'Source' }).getAttribute('href')).resolves.toBe(ACME_THREAD_URL);

    await page.reload();
    frame = await sidebarFrame(page);
    await item(frame, SENTENCE).waitFor();
  });

  it('keeps the item and its outbox entry when the service worker is stopped between save and sync', async () => {
    await page.evaluate(selectText, "I'll also bring our solutions engineer to the renewal call");
    await frame.getByRole('button', { name: 'Log promise' }).click();
    const promise = frame.getByRole('textbox', { name: 'Promise' });
    await promise.press('Enter');
    // The list shows the item before the background has it; the form closes only once the save is acknowledged.
    await item(frame, 'solutions engineer').waitFor();
    await promise.waitFor({ state: 'detached' });

    await stopServiceWorker(page);

    await page.reload();
    frame = await sidebarFrame(page);
    await item(frame, 'solutions engineer').waitFor();
    const options = await glance.context.newPage();
    await options.goto(glance.url('options.html'));
    // Both promises saved so far wait in the outbox for the CRM sync.
    await options.getByText(/2 changes waiting to sync/).waitFor();
    await options.close();
  });

  it('marks a commitment done and shows markup in a promise as plain text', async () => {
    await frame.getByRole('button', { name: 'Done', exact: true, description: SENTENCE }).click();
    // Closed items stay listed: no toggle to open first.
    await frame.locator('[data-status="done"]', { hasText: SENTENCE }).waitFor();

    await page.evaluate(() => getSelection()!.removeAllRanges());
    await frame.getByRole('button', { name: 'Log promise' }).click();
    const markup = '<img src=x onerror="document.title=1"><b>Send the SOC 2 report</b> by next Tuesday';
    await frame.getByRole('textbox', { name: 'Promise' }).fill(markup);
    await frame.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = item(frame, 'SOC 2');
    await saved.waitFor();
    await expect(saved.locator('.commitment__text').textContent()).resolves.toBe(markup);
    await expect(saved.locator('img, b').count()).resolves.toBe(0);
  });

  it('opens the same form from the context menu command with the selected text', async () => {
    const text = 'walk Raj through the SSO setup';
    // The exact message the "Log as promise in Glance" menu item sends to the page's content script.
    await glance.worker.evaluate(async (selectionText) => {
      const { chrome } = globalThis as unknown as { chrome: import('webextension-polyfill').Browser };
      for (const tab of await chrome.tabs.query({})) {
        await chrome.tabs.sendMessage(tab.id!, { glance: 'tab', type: 'log-promise', text: selectionText }).catch(() => undefined);
      }
    }, text);
    const promise = frame.getByRole('textbox', { name: 'Promise' });
    await promise.waitFor();
    await expect(promise.inputValue()).resolves.toBe(text);
    await frame.getByLabel('Owner').selectOption('customer');
    await promise.press('Enter');
    const saved = item(frame, text);
    await saved.waitFor();
    await expect(saved.getAttribute('data-owner')).resolves.toBe('customer');
  });
});
