/**
 * Launches Chromium with a private copy of the built extension. The bench runs for minutes and
 * .output/chrome-mv3 is rebuilt by anyone running the tests meanwhile: a browser started during a
 * rebuild finds no service worker, and one started after it would measure different code.
 * Otherwise the same browser as tests/e2e/harness.mjs launches.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { EXTENSION_DIR, chromiumPath, type Glance } from '../tests/e2e/harness.mjs';

export function snapshotExtension(dir: string): string {
  const copy = join(dir, 'chrome-mv3');
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  return copy;
}

export async function launchSnapshot(extensionDir: string): Promise<Glance> {
  const profile = mkdtempSync(join(tmpdir(), 'glance-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    // The options page opens on its own on first run; close it so it does not compete for the CPU.
    const isOptions = (p: Page) => p.url().endsWith('/options.html');
    const welcome = context.pages().find(isOptions) ?? (await context.waitForEvent('page', { predicate: isOptions, timeout: 10_000 }).catch(() => undefined));
    await welcome?.close().catch(() => undefined);
    return { context, extensionId, worker, url: (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
