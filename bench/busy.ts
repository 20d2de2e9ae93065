/**
 * Sidebar look-ups while a big import runs: a book is in place (the sample book, with Acme), a page
 * sends page.match for the Acme thread in a loop, as a sidebar would, while another page imports the
 * big book. Every answer must still be Acme: a look-up that fails or finds nothing counts as an error.
 */
import type { Page } from 'playwright-core';
import type { Glance } from '../tests/e2e/harness.mjs';
import type { PageContext } from '../lib/hosts/types';
import { openOptions, timeImport, type ImportTiming } from './import';
import { inPage } from './in-page';
import { summarise, type Summary } from './stats';

export interface BusyLookups {
  timing: ImportTiming;
  /** Look-ups over the whole import, and those that started while the commit was writing. */
  whole: Summary;
  duringWrite: Summary;
  errors: number;
}

/** Pause between look-ups: a user moving between threads, not a flood. */
const PAUSE_MS = 50;

export async function lookupsDuringImport(glance: Glance, bookPath: string, context: PageContext, timeoutMs: number): Promise<BusyLookups> {
  const setup = await openOptions(glance);
  await setup.getByRole('button', { name: 'Load sample book' }).first().click();
  await setup.locator('[data-sample="present"]').waitFor({ timeout: 60_000 });
  await setup.close();

  const sidebar = await openOptions(glance);
  const loop = runLookups(sidebar, context);
  const importer = await openOptions(glance);
  let timing: ImportTiming;
  try {
    timing = await timeImport(importer, bookPath, timeoutMs);
  } finally {
    await sidebar.evaluate(() => ((window as unknown as { __stopLookups: boolean }).__stopLookups = true));
  }
  const { samples, errors } = await loop;
  await Promise.all([sidebar.close(), importer.close()]);
  const during = samples.filter(([at]) => at >= timing.writeFrom && at <= timing.writeTo).map(([, ms]) => ms);
  return { timing, whole: summarise(samples.map(([, ms]) => ms)), duringWrite: summarise(during), errors };
}

function runLookups(page: Page, context: PageContext): Promise<{ samples: [number, number][]; errors: number }> {
  return inPage(
    page,
    async ({ context, pause }) => {
      const w = window as unknown as { __stopLookups: boolean };
      w.__stopLookups = false;
      const samples: [number, number][] = [];
      let errors = 0;
      while (!w.__stopLookups) {
        const at = performance.timeOrigin + performance.now();
        const started = performance.now();
        const reply = await (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean; data?: { match?: { status?: string } } } | undefined> } };
          }
        ).chrome.runtime.sendMessage({ glance: 'request', type: 'page.match', payload: { context } });
        samples.push([at, performance.now() - started]);
        if (!reply?.ok || reply.data?.match?.status !== 'matched') errors++;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
      return { samples, errors };
    },
    { context, pause: PAUSE_MS },
  );
}
