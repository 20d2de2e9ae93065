import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importThroughOptions, launchGlance, loadSampleBook, ROOT, type Glance } from './harness.mjs';

interface Alarm {
  name: string;
  scheduledTime: number;
}
type WorkerChrome = { chrome: { alarms: { getAll(): Promise<Alarm[]> } } };

const MIN = 60_000;

/** The briefing popup in real Chromium, at the popup's own size. */
describe('the briefing popup, in real Chromium', () => {
  let glance: Glance;
  const errors: string[] = [];

  beforeAll(async () => {
    glance = await launchGlance({ viewport: { width: 420, height: 600 } });
    await loadSampleBook(glance);
  });
  afterAll(async () => {
    await glance?.close();
  });

  async function openPopup(search = ''): Promise<Page> {
    const page = await glance.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 420, height: 600 });
    await page.goto(glance.url(`popup.html${search}`));
    return page;
  }

  const reminderAlarms = async () =>
    (await glance.worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.alarms.getAll())).filter((a) =>
      a.name.startsWith('glance-meeting|'),
    );

  it('shows the briefing of ?account=sample-acme: account, health band, top action', async () => {
    const page = await openPopup('?account=sample-acme');
    await page.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await expect(page.locator('[data-health-band]').getAttribute('data-health-band')).resolves.toBe('red');
    await expect(page.locator('[data-action-id]').first().getAttribute('data-action-id')).resolves.toBe('save-play-escalate');
    await expect(page.getByRole('heading', { name: 'Talking points' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-commitment-id][data-status="overdue"]').first().getAttribute('data-commitment-id')).resolves.toBe(
      'sample-acme-k7',
    );
    // Readable at the popup's size: nothing wider than the popup.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/popup.png') });
    await page.screenshot({ path: join(ROOT, 'test-results/popup-full.png'), fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
  });

  it('prints a red account with long lists on one page', async () => {
    const page = await openPopup('?account=sample-acme');
    await page.locator('[data-account-id="sample-acme"]').waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(ROOT, 'test-results/popup-print.png'), fullPage: true });
    await expect(page.getByRole('button', { name: 'Copy briefing' }).isVisible()).resolves.toBe(false);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    await page.close();
    expect(errors).toEqual([]);
  });

  it('copies the briefing as Markdown to the real clipboard', async () => {
    // Chromium calls extension origins opaque and refuses a grant for one; a grant for every origin covers it.
    await glance.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await openPopup('?account=sample-acme');
    await page.locator('[data-account-id="sample-acme"]').waitFor();
    await page.getByRole('button', { name: 'Copy briefing' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown.split('\n')[0]).toBe('# Acme Robotics: pre-call briefing');
    expect(markdown).toMatch(/^Enterprise · ARR \$240,000 · Renewal /m);
    expect(markdown).toContain('## Talking points');
    expect(markdown).toMatch(/^## Health: \d+ Critical/m);
    expect(markdown).toContain('**Escalate: run the save play**');
    expect(markdown).toContain('- [ ] **Overdue** Send Dana the root-cause analysis for the fleet-sync outage');
    expect(markdown).toContain('**Next meeting:**');
    expect(markdown).toContain('Recovery check-in: fleet-sync outage');
    await page.close();
  });

  it('offers search and the meetings coming up when nothing is matched', async () => {
    const page = await openPopup();
    await page.locator('[data-match="none"]').waitFor();
    await page.getByRole('region', { name: 'Meetings coming up' }).getByRole('button', { name: 'Acme Robotics' }).first().click();
    await page.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    await page.close();
  });

  it('schedules a reminder before a meeting, including one imported a few minutes ahead, and follows the lead time', async () => {
    // The sample book's meeting in about two hours already has its reminder, ten minutes before.
    const acme = (await reminderAlarms()).find((a) => a.name.includes('|sample-acme|sample-acme-a18|'));
    expect(acme).toBeDefined();
    expect(acme!.scheduledTime).toBe(Number(acme!.name.split('|')[3]) - 10 * MIN);

    const start = Date.now() + 15 * MIN;
    const dir = mkdtempSync(join(tmpdir(), 'glance-popup-'));
    const file = join(dir, 'soon.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'glance.bundle',
        version: 1,
        accounts: [{ id: 'e2e-soon', name: 'Soon Industries', domains: ['soon.example'] }],
        activities: [
          { id: 'e2e-soon-m1', accountId: 'e2e-soon', type: 'meeting', date: new Date(start).toISOString(), summary: 'Kick-off' },
        ],
      }),
    );
    const options = await importThroughOptions(glance, file);
    await options.close();
    const name = `glance-meeting|e2e-soon|e2e-soon-m1|${start}`;
    await expect
      .poll(async () => (await reminderAlarms()).find((a) => a.name === name)?.scheduledTime, { timeout: 10_000 })
      .toBe(start - 10 * MIN);

    const page = await openPopup('?account=e2e-soon');
    await page.locator('[data-account-id="e2e-soon"]').waitFor();
    await page.getByRole('combobox', { name: 'Meeting reminders' }).selectOption({ label: '5 minutes before' });
    await expect
      .poll(async () => (await reminderAlarms()).find((a) => a.name === name)?.scheduledTime, { timeout: 10_000 })
      .toBe(start - 5 * MIN);
    await page.getByRole('combobox', { name: 'Meeting reminders' }).selectOption({ label: 'Off' });
    await expect.poll(async () => (await reminderAlarms()).length, { timeout: 10_000 }).toBe(0);
    await page.close();
  });
});
