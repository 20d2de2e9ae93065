/**
 * Beside a host page in its dark theme the sidebar is dark too, and light beside a light one, whatever
 * the system says; the user's choice in options wins over the page. Gmail, Salesforce Lightning and
 * HubSpot, at 1280x720, in real Chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandAll, violations } from './axe';
import { ROOT, launchGlance, loadSampleBook, serveHost, sidebarFrame, type Glance } from './harness.mjs';
import { DARK_THEMES, serveDarkHost } from './host-themes.mjs';

const SCREEN = { width: 1280, height: 720 };
const SHOTS = join(ROOT, 'artifacts/dark-host');
const HOSTS = [
  {
    name: 'Gmail',
    key: 'gmail',
    pattern: 'https://mail.google.com/**',
    fixture: 'hosts/gmail-app.html',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT',
  },
  {
    name: 'Salesforce Lightning',
    key: 'salesforce',
    pattern: 'https://northpeak.lightning.force.com/**',
    fixture: 'hosts/salesforce-app.html',
    url: 'https://northpeak.lightning.force.com/lightning/r/Account/001Dn00000Xk1ABIAZ/view',
  },
  {
    name: 'HubSpot',
    key: 'hubspot',
    pattern: 'https://app.hubspot.com/**',
    fixture: 'hosts/hubspot-app.html',
    url: 'https://app.hubspot.com/contacts/4417291/record/0-2/9001',
  },
] as const;
type Host = (typeof HOSTS)[number];

/** What the sidebar paints: its data-theme, and the relative luminance (0 black, 1 white) of its background and text. */
async function sidebarLook(frame: Frame) {
  return frame.evaluate(() => {
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return Math.round((0.2126 * r + 0.7152 * g + 0.0722 * b) * 100) / 100;
    };
    const style = getComputedStyle(document.body);
    return {
      theme: document.documentElement.dataset.theme ?? null,
      background: luminance(style.backgroundColor),
      text: luminance(style.color),
    };
  });
}

const looksDark = { theme: 'dark', background: expect.toSatisfy((l: number) => l < 0.05), text: expect.toSatisfy((l: number) => l > 0.6) };
const looksLight = {
  theme: 'light',
  background: expect.toSatisfy((l: number) => l > 0.85),
  text: expect.toSatisfy((l: number) => l < 0.05),
};

describe('the sidebar follows a dark host page, and the choice in options overrides it', () => {
  let glance: Glance;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    glance = await launchGlance({ viewport: SCREEN });
    await loadSampleBook(glance);
  });
  afterAll(async () => {
    await glance?.close();
  });

  async function open(host: Host, dark: boolean): Promise<{ page: Page; frame: Frame }> {
    await glance.context.unrouteAll();
    if (dark) await serveDarkHost(glance.context, host.pattern, host.fixture, host.key);
    else await serveHost(glance.context, host.pattern, host.fixture);
    const page = await glance.context.newPage();
    await page.setViewportSize(SCREEN);
    await page.goto(host.url);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
    return { page, frame };
  }

  async function chooseTheme(label: 'Match the page' | 'Light' | 'Dark') {
    const options = await glance.context.newPage();
    await options.goto(glance.url('options.html'));
    const theme = options.getByRole('region', { name: 'Theme' });
    const choice = theme.getByRole('radio', { name: new RegExp(`^${label}`) });
    // Checked once saved (the radio shows the stored choice), so click and wait rather than check().
    await choice.click();
    await expect.poll(() => choice.isChecked()).toBe(true);
    await options.close();
  }

  for (const host of HOSTS) {
    it(`is dark beside ${host.name} in its dark theme and light beside its light theme, though the system is dark`, async () => {
      const dark = await open(host, true);
      await dark.page.emulateMedia({ colorScheme: 'light' });
      await expect.poll(() => sidebarLook(dark.frame)).toEqual(looksDark);
      await dark.page.screenshot({ path: join(SHOTS, `${host.key}-dark.png`) });
      await dark.page.close();

      const light = await open(host, false);
      // The host's light theme beats the system's dark one: a dark sidebar beside a light Gmail is what the issue was about.
      await light.page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => sidebarLook(light.frame)).toEqual(looksLight);
      await light.page.close();
    });

    it(`passes axe (WCAG 2.1 AA) in the dark sidebar beside ${host.name}, every section open and collapsed`, async () => {
      const { page, frame } = await open(host, true);
      await expect.poll(() => sidebarLook(frame)).toEqual(looksDark);
      await expandAll(frame);
      const found = await violations(frame, `${host.name}, dark`);
      await frame.getByRole('button', { name: 'Collapse Glance sidebar' }).click();
      await frame.getByRole('button', { name: /^Open Glance sidebar/ }).waitFor();
      expect(await sidebarLook(frame)).toEqual(looksDark);
      found.push(...(await violations(frame, `${host.name}, dark, collapsed`)));
      await frame.getByRole('button', { name: /^Open Glance sidebar/ }).click();
      await frame.getByRole('button', { name: 'Collapse Glance sidebar' }).waitFor();
      expect(found).toEqual([]);
      await page.close();
    });
  }

  it('turns dark and back when Gmail switches its theme without a reload', async () => {
    const { page, frame } = await open(HOSTS[0], false);
    await expect.poll(() => sidebarLook(frame)).toEqual(looksLight);
    await page.evaluate((css) => {
      const style = document.createElement('style');
      style.id = 'host-dark-theme';
      style.textContent = css;
      document.head.append(style);
    }, DARK_THEMES.gmail);
    await expect.poll(() => sidebarLook(frame)).toEqual(looksDark);
    await page.evaluate(() => document.getElementById('host-dark-theme')?.remove());
    await expect.poll(() => sidebarLook(frame)).toEqual(looksLight);
    await page.close();
  });

  it('stays light beside dark Gmail once "Light" is chosen in options, also after a reload, and follows the page again on "Match the page"', async () => {
    const { page, frame } = await open(HOSTS[0], true);
    await expect.poll(() => sidebarLook(frame)).toEqual(looksDark);

    await chooseTheme('Light');
    await expect.poll(() => sidebarLook(frame)).toEqual(looksLight);
    await page.reload();
    const again = await sidebarFrame(page);
    await again.locator('[data-account-id="sample-acme"]').waitFor();
    await expect.poll(() => sidebarLook(again)).toEqual(looksLight);
    await page.screenshot({ path: join(SHOTS, 'gmail-dark-light-chosen.png') });

    await chooseTheme('Match the page');
    await expect.poll(() => sidebarLook(again)).toEqual(looksDark);
    await page.close();
  });
});
