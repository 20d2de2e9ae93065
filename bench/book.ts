/**
 * The book at scale: a seeded 100k-account, 1M-contact book; the whole insights cache built once;
 * then the book page's first rows, a filter change, and the recompute after one account changes.
 */
import type { Page } from 'playwright-core';
import type { Glance } from '../tests/e2e/harness.mjs';
import { seedBook } from './book-seed';
import { inPage } from './in-page';
import { QUIET_PAGE } from './launch';
import { RANKED, request } from './lookup';
import { summarise, type Summary } from './stats';
import { stopServiceWorker } from '../tests/e2e/service-worker';

export interface BookBench {
  accounts: number;
  contacts: number;
  seedMs: number;
  /** From the change that invalidates every account until book.query answers: the whole cache built. */
  fullBuildMs: number;
  /** book.html opened in a new tab until its first account row is in the DOM (navigation start = 0). */
  firstRows: Summary;
  /** The same opens until the page's DOMContentLoaded ended: its entry script run and the first request sent, before any answer. */
  pageReady: Summary;
  /** book.html opened right after the service worker was stopped, until its first account row is in the DOM. */
  coldFirstRows: Summary;
  /** "At risk" toggled until the status line shows the new count. */
  filterChange: Summary;
  /** One commitment changed, then book.query until it answers with the account recomputed. */
  oneAccountChange: Summary;
  /** Of that, the commitment.update round trip alone (the write and its broadcast). */
  changeWrite: Summary;
  /** book.query alone (rank order, first 100 rows), nothing changed. */
  queryAlone: Summary;
}

export async function benchBook(
  glance: Glance,
  accounts: number,
  contactsPerAccount: number,
  log: (m: string) => void,
): Promise<BookBench> {
  const page = await glance.context.newPage();
  await page.goto(glance.url(QUIET_PAGE));
  // Opens the database (the background creates it at this version) before the seed writes into it.
  await request(page, 'store.summary', {});
  const seeded = await seedBook(page, { accounts, contactsPerAccount, owner: 'casey.morgan@northpeak.io' });
  log(`  book seeded: ${accounts} accounts, ${seeded.contacts} contacts in ${(seeded.ms / 1000).toFixed(1)} s`);

  // The seed bypassed the background: a settings save is the change that makes it check every account.
  const settings = await request(page, 'settings.get', {});
  const save = await request(page, 'settings.save', { settings: settings.data });
  const built = await request(page, 'book.query', { query: RANKED, offset: 0, limit: 100 });
  const fullBuildMs = save.ms + built.ms;
  const total = (built.data as { total: number }).total;
  if (total !== accounts) throw new Error(`book.query saw ${total} accounts, expected ${accounts}`);
  log(`  insights cache built for ${total} accounts in ${(fullBuildMs / 1000).toFixed(1)} s`);

  const queryAlone: number[] = [];
  for (let i = 0; i < 25; i++) queryAlone.push((await request(page, 'book.query', { query: RANKED, offset: 0, limit: 100 })).ms);

  const change: number[] = [];
  const changeWrite: number[] = [];
  for (let i = 0; i < 25; i++) {
    const id = `bench-${String((i * 5 * 37) % accounts).padStart(6, '0')}-k1`;
    const update = await request(page, 'commitment.update', { id, patch: { text: `Send the plan, take ${i}` } });
    const after = await request(page, 'book.query', { query: RANKED, offset: 0, limit: 100 });
    change.push(update.ms + after.ms);
    changeWrite.push(update.ms);
  }
  await page.close();

  const firstRows: number[] = [];
  const pageReady: number[] = [];
  for (let i = 0; i < 6; i++) {
    const book = await glance.context.newPage();
    const { shown, ready } = await openBook(book, glance.url('book.html'));
    firstRows.push(shown);
    pageReady.push(ready);
    if (i < 5) await book.close();
    else {
      const filter = await timeFilterChanges(book, 20);
      await book.close();
      // The worker stopped (idle for 30 s, or by the browser): the first request after it starts again.
      const coldFirstRows: number[] = [];
      const quiet = await glance.context.newPage();
      await quiet.goto(glance.url(QUIET_PAGE));
      for (let j = 0; j < 4; j++) {
        await stopServiceWorker(quiet);
        const cold = await glance.context.newPage();
        coldFirstRows.push((await openBook(cold, glance.url('book.html'))).shown);
        await cold.close();
      }
      await quiet.close();
      return {
        accounts,
        contacts: seeded.contacts,
        seedMs: seeded.ms,
        fullBuildMs,
        firstRows: summarise(firstRows.slice(1)),
        pageReady: summarise(pageReady.slice(1)),
        coldFirstRows: summarise(coldFirstRows),
        filterChange: summarise(filter),
        oneAccountChange: summarise(change.slice(5)),
        changeWrite: summarise(changeWrite.slice(5)),
        queryAlone: summarise(queryAlone.slice(5)),
      };
    }
  }
  throw new Error('unreachable');
}

/**
 * Notes, in the page, when the first account row enters the DOM: Playwright's own look and read come
 * a task or more later, and the page loads React right after drawing its first rows.
 */
const FIRST_ROW_CLOCK = `(() => {
  const seen = new MutationObserver(() => {
    if (!document.querySelector('[role="row"][data-account-id]')) return;
    globalThis.__firstRowAt = performance.now();
    seen.disconnect();
  });
  seen.observe(document, { childList: true, subtree: true });
})()`;

/** Opens book.html in `page` until its first account row is in the DOM (navigation start = 0). */
async function openBook(page: Page, url: string): Promise<{ shown: number; ready: number }> {
  await page.addInitScript(FIRST_ROW_CLOCK);
  await page.goto(url);
  await page.locator('[role="row"][data-account-id]').first().waitFor({ timeout: 60_000 });
  return page.evaluate(() => ({
    shown: (globalThis as { __firstRowAt?: number }).__firstRowAt ?? performance.now(),
    ready: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
  }));
}

/** Toggles "At risk" and waits, in the page, until the status line changes: the user-visible filter change. */
function timeFilterChanges(page: Page, times: number): Promise<number[]> {
  return inPage(
    page,
    async ({ times }) => {
      const atRisk = () =>
        [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find(
          (b) => b.parentElement?.textContent?.trim() === 'At risk',
        );
      // The first rows are drawn before the page's script is in, its controls off until it takes over.
      await new Promise<void>((resolve) => {
        const check = () => (atRisk()?.disabled === false ? resolve() : requestAnimationFrame(check));
        check();
      });
      const status = document.querySelector('[role="status"]')!;
      const box = atRisk()!;
      const samples: number[] = [];
      for (let i = 0; i < times; i++) {
        const before = status.textContent;
        const started = performance.now();
        box.click();
        await new Promise<void>((resolve) => {
          const check = () => (status.textContent !== before ? resolve() : requestAnimationFrame(check));
          check();
        });
        // Painted: the frame after the change.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        samples.push(performance.now() - started);
      }
      return samples;
    },
    { times },
  );
}
