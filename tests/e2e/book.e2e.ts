import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryBook } from '../../lib/book/answers';
import { DEFAULT_QUERY } from '../../lib/book/query';
import { computeInsights } from '../../lib/insights';
import { summarizeInsights } from '../../lib/insights/summary';
import type { AccountData } from '../../lib/model/bundle';
import { makeSampleBook } from '../../lib/sample/book';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { launchGlance, loadSampleBook, type Glance } from './harness.mjs';

interface Alarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}
type WorkerChrome = { chrome: { alarms: { get(name: string): Promise<Alarm | undefined> } } };

/** The sample book judged here as the background judges it: the order the book must show. */
function expectedRanking(now: Date): string[] {
  const book = makeSampleBook(now);
  const of = <T extends { accountId: string }>(list: T[] | undefined, id: string) => (list ?? []).filter((r) => r.accountId === id);
  const rows = book.accounts.map((account) => {
    const data: AccountData = {
      account,
      contacts: of(book.contacts, account.id),
      usage: of(book.usage, account.id),
      tickets: of(book.tickets, account.id),
      commitments: of(book.commitments, account.id),
      activities: of(book.activities, account.id),
    };
    return summarizeInsights(data, computeInsights(data, now, DEFAULT_SETTINGS));
  });
  return queryBook(rows, { ...DEFAULT_QUERY, scope: 'all' }, [], now.getTime()).rows.map((r) => r.accountId);
}

const rowIds = (page: Page) =>
  page.locator('[role="row"][data-account-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account-id')));

describe('my book (book.html), in real Chromium with the sample book', () => {
  let glance: Glance;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    glance = await launchGlance({ viewport: { width: 1280, height: 900 } });
    await loadSampleBook(glance);
    page = await glance.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(glance.url('book.html'));
    await page.locator('[data-account-id]').first().waitFor();
  });
  afterAll(async () => {
    await glance?.close();
  });

  it('lists the sample book’s accounts ranked by top action, then ARR, then renewal date', async () => {
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('50 of 50');
    const shown = await rowIds(page);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown).toEqual(expectedRanking(new Date()).slice(0, shown.length));
  });

  it('narrows to the accounts at risk, as many as the filter’s count said', async () => {
    const count = Number(await page.locator('[data-filter-count="at-risk"]').evaluate((el) => el.firstChild?.textContent));
    expect(count).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: 'At risk', exact: true }).check();
    await page.getByRole('status').first().getByText(`${count} of 50`).waitFor();
    const bands = await page
      .locator('[role="row"][data-health-band]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-health-band')));
    expect(bands.length).toBe(Math.min(count, bands.length));
    expect(new Set(bands)).toEqual(new Set(['red', 'yellow']));
    await page.getByRole('checkbox', { name: 'At risk', exact: true }).uncheck();
    await page.getByRole('status').first().getByText('50 of 50').waitFor();
  });

  it('filters by text and sorts by a column', async () => {
    await page.getByRole('searchbox', { name: 'Filter accounts' }).fill('acme');
    // Until the filtered answer arrives, the line still says 50 of 50.
    await page
      .getByRole('status')
      .first()
      .getByText(/^(?!50 )\d+ of 50/)
      .waitFor();
    const names = await page.locator('[role="row"][data-account-id] .book-row__name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.toLowerCase().includes('acme'))).toBe(true);
    await page.getByRole('searchbox', { name: 'Filter accounts' }).fill('');
    await page.getByRole('status').first().getByText('50 of 50').waitFor();

    await page.getByRole('button', { name: 'Account' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Account' }).getAttribute('aria-sort')).toBe('ascending');
    await expect
      .poll(async () => {
        const sorted = await page.locator('[role="row"][data-account-id] .book-row__name').allTextContents();
        return sorted.length > 5 && sorted.every((n, i) => i === 0 || sorted[i - 1].localeCompare(n) <= 0);
      })
      .toBe(true);
    await page.getByRole('button', { name: 'Rank by priority' }).click();
    await expect.poll(async () => (await rowIds(page))[0]).toBe(expectedRanking(new Date())[0]);
  });

  it('moves between rows with the keyboard and opens the row’s briefing with Enter', async () => {
    const first = page.locator('[role="row"][data-account-id]').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const second = (await rowIds(page))[1]!;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-account-id'))).toBe(second);
    const [briefing] = await Promise.all([glance.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await briefing.waitForLoadState();
    expect(new URL(briefing.url()).searchParams.get('account')).toBe(second);
    await briefing.locator(`[data-match="matched"] [data-account-id="${second}"]`).waitFor();
    await briefing.close();
  });

  it('lists overdue commitments in Today; marking one done takes it off and updates the book and the sidebar', async () => {
    const overdue = page.locator('[data-commitment-id][data-status="overdue"]').first();
    await overdue.waitFor();
    const id = (await overdue.getAttribute('data-commitment-id'))!;
    const overdueBefore = Number(await page.locator('[data-filter-count="overdue"]').evaluate((el) => el.firstChild?.textContent));
    await overdue.getByRole('button', { name: /^Mark done/ }).click();
    await page.locator(`[data-commitment-id="${id}"]`).waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('[data-filter-count="overdue"]').evaluate((el) => Number(el.firstChild?.textContent)))
      .toBeLessThanOrEqual(overdueBefore);

    const accountId = id.replace(/-k\d+$/, '');
    // The sidebar page on its own, as the briefing's "Details" links open it.
    const sidebar = await glance.context.newPage();
    await sidebar.goto(glance.url(`sidebar.html?account=${accountId}#commitments`));
    await sidebar.locator(`[data-commitment-id="${id}"]`).first().waitFor({ state: 'attached' });
    await expect(sidebar.locator(`[data-commitment-id="${id}"]`).first().getAttribute('data-status')).resolves.toBe('done');
    await sidebar.close();
  });

  it('schedules the daily digest at the hour chosen in the options', async () => {
    const options = await glance.context.newPage();
    await options.goto(glance.url('options.html'));
    await options.getByRole('combobox', { name: 'Digest hour' }).selectOption('7');
    await options.getByText('Saved.').waitFor();
    await expect
      .poll(async () => {
        const alarm = await glance.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.alarms.get('glance-digest'));
        return alarm
          ? {
              hour: new Date(alarm.scheduledTime).getHours(),
              minutes: new Date(alarm.scheduledTime).getMinutes(),
              period: alarm.periodInMinutes,
            }
          : null;
      })
      .toEqual({ hour: 7, minutes: 0, period: 1440 });
    await options.close();
    expect(errors).toEqual([]);
  });
});
