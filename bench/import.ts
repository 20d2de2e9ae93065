/**
 * Imports a bundle through the options page's "Import" input, as a user would, and times it.
 * The phases come from the page's own progress text, so the figures say where an import spends its time.
 */
import type { Page } from 'playwright-core';
import type { Glance } from '../tests/e2e/harness.mjs';
import { inPage } from './in-page';

export interface ImportTiming {
  totalMs: number;
  /** File read and JSON parse in the options page, until the first chunk is checked. */
  readMs: number;
  /** Chunks sent to the background and validated there. */
  checkMs: number;
  /** The commit: staged batches applied by the background, one transaction each. */
  writeMs: number;
  /** When the commit ran, on the clock all pages share (timeOrigin + now), to place other samples in it. */
  writeFrom: number;
  writeTo: number;
  status: string;
}

declare global {
  interface Window {
    __benchPhases?: [string, number][];
  }
}

export async function openOptions(glance: Glance): Promise<Page> {
  const page = await glance.context.newPage();
  await page.goto(glance.url('options.html'));
  await page.getByLabel('Import').waitFor({ state: 'attached' });
  return page;
}

export async function timeImport(page: Page, filePath: string, timeoutMs: number): Promise<ImportTiming> {
  await inPage(page, () => {
    const phases: [string, number][] = [];
    window.__benchPhases = phases;
    let last = '';
    const note = () => {
      const progress = document.querySelector('.progress span')?.textContent ?? '';
      const phase = document.querySelector('[role="status"][data-outcome]') ? 'done' : progress.split(/[:…]/)[0]!.trim();
      if (phase && phase !== last) phases.push([(last = phase), performance.now()]);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const started = await page.evaluate(() => performance.now());
  await page.getByLabel('Import').setInputFiles(filePath);
  const status = page.locator('[role="status"][data-outcome]');
  await status.waitFor({ timeout: timeoutMs });
  const outcome = await status.getAttribute('data-outcome');
  const text = ((await status.textContent()) ?? '').trim();
  if (outcome !== 'imported') throw new Error(`Import of ${filePath} failed: ${text}`);
  const phases = await page.evaluate(() => window.__benchPhases ?? []);
  const at = (name: RegExp) => phases.find(([p]) => name.test(p))?.[1];
  const checking = at(/^Checking/) ?? started;
  const saving = at(/^Saving/) ?? checking;
  const done = at(/^done$/) ?? (await page.evaluate(() => performance.now()));
  const origin = await page.evaluate(() => performance.timeOrigin);
  return {
    totalMs: done - started,
    readMs: checking - started,
    checkMs: saving - checking,
    writeMs: done - saving,
    writeFrom: origin + saving,
    writeTo: origin + done,
    status: text,
  };
}
