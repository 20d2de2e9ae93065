/**
 * A big import whose service worker Chromium stops in the middle of the commit: the import is
 * resumed (by the restarted worker and the page asking again), ends complete, and the options page
 * says what happened.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLargeBook } from '../../lib/sample/large-book';
import { launchGlance, type Glance } from './harness.mjs';
import { stopServiceWorker } from './service-worker';

describe('an import interrupted by the service worker stopping, in real Chromium', () => {
  let glance: Glance;
  beforeEach(async () => {
    glance = await launchGlance();
  });
  afterEach(async () => {
    await glance?.close();
  });

  it('is resumed and completes, and the options page says it was interrupted and resumed', { timeout: 600_000 }, async () => {
    const book = makeLargeBook({ accounts: 3000, contactsPerAccount: 10, now: new Date(), usage: false });
    const file = join(mkdtempSync(join(tmpdir(), 'glance-interrupted-')), 'big-book.json');
    writeFileSync(file, JSON.stringify(book));

    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    await page.getByLabel('Import').setInputFiles(file);
    // Stopped while the commit is writing batches.
    await page.getByText(/^Saving records: [1-9][\d,]* of/).waitFor({ timeout: 300_000 });
    await stopServiceWorker(page);

    const status = page.locator('[role="status"][data-outcome]');
    await status.waitFor({ timeout: 400_000 });
    expect(await status.getAttribute('data-outcome')).toBe('imported');
    expect(await status.textContent()).toContain(`${(3000).toLocaleString('en')} accounts, ${(30000).toLocaleString('en')} contacts`);

    await page.reload();
    await page.locator('[data-count="contacts"]', { hasText: '30,000' }).waitFor();
    const note = page.locator('[data-interrupted-import="resumed"]');
    await expect(note.textContent()).resolves.toBe('An import of big-book.json was interrupted and has been resumed: all of it is saved.');
  });
});
