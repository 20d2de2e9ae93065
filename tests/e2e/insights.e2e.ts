import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { SAMPLE_BOOK_CATALOGUE } from '../../lib/sample/catalogue';
import { ROOT, launchGlance, loadSampleBook, serveHost, sidebarFrame, type Glance } from './harness.mjs';

const ACME_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';
const SHOTS = join(ROOT, 'test-results');

/**
 * Sample accounts with the band and top action they were designed to show: every band and
 * every action id at least once. The catalogue is the truth; the first test holds the table to it.
 */
const EXPECTED = [
  ['sample-acme', 'red', 'save-play-escalate'],
  ['sample-ironbridge', 'red', 'save-play-escalate'],
  ['sample-globex', 'yellow', 'champion-departure'],
  ['sample-initech-emea', 'yellow', 'renewal-at-risk'],
  ['sample-tidewater', 'yellow', 'save-play-reach-out'],
  ['sample-initech-us', 'green', 'keep-cadence'],
  ['sample-meridian', 'green', 'renewal-stage'],
  ['sample-brightwater', 'green', 'expansion-ready'],
  ['sample-stonegate', 'green', 'overdue-commitment'],
  ['sample-cobaltridge', 'green', 'qbr-due'],
  ['sample-bramblewood', 'green', 'save-play-reach-out'],
  ['sample-marigold', 'none', 'keep-cadence'],
] as const;

type Scope = Page | Frame;

/** What the sidebar shows for the account: band, score (null when absent) and the action ids in order. */
async function readInsights(scope: Scope, accountId: string) {
  const root = scope.locator(`[data-match="matched"] [data-account-id="${accountId}"]`);
  await root.waitFor({ timeout: 20_000 });
  const display = root.locator('[data-health-band]');
  await expect(display.count()).resolves.toBe(1);
  return {
    band: await display.getAttribute('data-health-band'),
    score: await display.getAttribute('data-health-score'),
    actions: await root.locator('[data-action-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-action-id'))),
  };
}

describe('insights for the sample book, in real Chromium', () => {
  let glance: Glance;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    glance = await launchGlance();
    await loadSampleBook(glance);
    page = await glance.context.newPage();
  });
  afterAll(async () => {
    await glance?.close();
  });

  const openSidebar = async (accountId: string) => {
    await page.goto(glance.url(`sidebar.html?account=${accountId}`));
    return readInsights(page, accountId);
  };

  it('checks a table that matches the catalogue and covers every band and every action', () => {
    const byId = new Map(SAMPLE_BOOK_CATALOGUE.map((s) => [`sample-${s.key}`, s]));
    for (const [id, band, action] of EXPECTED) {
      expect(byId.get(id), id).toMatchObject({ band, topAction: action });
    }
    const bands = new Set(SAMPLE_BOOK_CATALOGUE.map((s) => s.band));
    const actions = new Set(SAMPLE_BOOK_CATALOGUE.map((s) => s.topAction));
    expect(new Set(EXPECTED.map(([, band]) => band))).toEqual(bands);
    expect(new Set(EXPECTED.map(([, , action]) => action))).toEqual(actions);
  });

  for (const [id, band, action] of EXPECTED) {
    it(`shows ${id} as ${band} with ${action} first`, async () => {
      const shown = await openSidebar(id);
      expect(shown.band).toBe(band);
      if (band === 'none') expect(shown.score).toBeNull();
      else {
        // Present, an integer 0-100, and in the band the default playbook gives it (80 green, 60 yellow).
        expect(shown.score).toMatch(/^\d{1,3}$/);
        const score = Number(shown.score);
        expect(score).toBeLessThanOrEqual(100);
        expect(score >= 80 ? 'green' : score >= 60 ? 'yellow' : 'red').toBe(band);
      }
      expect(shown.actions[0]).toBe(action);
    });
  }

  it('puts the decision in the first screen of a 360x720 sidebar for every sample account: health, top action, most urgent risk, next commitment', async () => {
    await page.setViewportSize({ width: 360, height: 720 });
    const outside: string[] = [];
    for (const [id] of EXPECTED) {
      await openSidebar(id);
      const hooks = ['[data-health-band]', '[data-action-id]', '[data-now="risk"]', '[data-now="commitment"]'];
      for (const hook of hooks) {
        const box = await page.locator(hook).first().boundingBox();
        if (!box || box.y < 0 || box.y + box.height > 720) outside.push(`${id} ${hook}: ${JSON.stringify(box)}`);
      }
    }
    expect(outside).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('fits Acme in a 360 px sidebar', async () => {
    await page.setViewportSize({ width: 360, height: 900 });
    await openSidebar('sample-acme');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'sidebar-acme.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('on the Acme Gmail thread: red, the save play first, why, the email cue, and dismiss / restore', async () => {
    await serveHost(glance.context, 'https://mail.google.com/**', 'hosts/gmail-app.html');
    const host = await glance.context.newPage();
    await host.goto(ACME_THREAD_URL);
    const frame = await sidebarFrame(host);
    const first = await readInsights(frame, 'sample-acme');
    expect(first.band).toBe('red');
    expect(first.actions[0]).toBe('save-play-escalate');
    const next = first.actions[1];
    expect(next).toBeTruthy();

    await frame.getByRole('button', { name: /^Health details/ }).click();
    const why = frame.getByRole('button', { name: 'Why?' });
    await expect(why.getAttribute('aria-expanded')).resolves.toBe('false');
    await why.click();
    await frame.locator('[data-dimension="adoption"] [data-sub-score]').first().waitFor();
    await expect(frame.locator('[data-dimension]').count()).resolves.toBe(5);

    const cue = frame.locator('[data-cue-category="competitive-evaluation"]');
    await cue.waitFor();
    await expect(cue.locator('.cue__phrase').textContent()).resolves.toMatch(/evaluating our tech stack/i);
    await expect(cue.locator('.cue__reading').textContent()).resolves.toBe('competitive evaluation: churn risk');

    // Controls are named apart from the action; its title is their description.
    await frame.getByRole('button', { name: 'Dismiss', exact: true, description: 'Escalate: run the save play' }).click();
    await frame.locator(`[data-action-id]:first-of-type[data-action-id="${next}"]`).waitFor();
    await expect(frame.locator('[data-action-id="save-play-escalate"]').count()).resolves.toBe(0);
    await frame.getByRole('button', { name: /^Dismissed or snoozed \(1\)/ }).click();
    await frame.getByRole('button', { name: 'Restore', exact: true, description: 'Escalate: run the save play' }).click();
    await frame.locator('[data-action-id]:first-of-type[data-action-id="save-play-escalate"]').waitFor();
    await host.close();
    await glance.context.unrouteAll();
  });

  it('judges by the saved settings: a higher green band turns a green account yellow, and reset undoes it', async () => {
    const before = await openSidebar('sample-initech-us');
    expect(before.band).toBe('green');
    expect(Number(before.score)).toBeLessThan(95);

    const options = await glance.context.newPage();
    await options.goto(glance.url('options.html'));
    const settings = options.getByRole('region', { name: 'Playbook settings' });
    await settings.getByRole('button', { name: /^Advanced/ }).click();
    await settings.getByLabel('Green band minimum score').fill('95');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText(/^Saved/).waitFor();
    await settings.screenshot({ path: join(SHOTS, 'options-settings.png') });

    const after = await openSidebar('sample-initech-us');
    expect(after).toMatchObject({ band: 'yellow', score: before.score });

    await settings.getByRole('button', { name: 'Reset to playbook defaults' }).click();
    await settings.getByRole('button', { name: 'Yes, reset to defaults' }).click();
    await settings.getByText('Playbook defaults restored').waitFor();
    await expect(settings.getByLabel('Green band minimum score').inputValue()).resolves.toBe('80');
    await options.close();

    await expect(openSidebar('sample-initech-us')).resolves.toMatchObject({ band: 'green', score: before.score });
  });
});
