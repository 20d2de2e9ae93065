/**
 * Launches Chromium with a private copy of the built extension. The bench runs for minutes and
 * .output/chrome-mv3 is rebuilt by anyone running the tests meanwhile: a browser started during a
 * rebuild finds no service worker, and one started after it would measure different code.
 * Otherwise the same browser the end-to-end tests launch.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchGlance, type Glance } from '../tests/e2e/harness.mjs';

/**
 * An empty page of the extension's origin, only in the bench's copy: requests timed from it are not
 * slowed by the page itself, where Glance's own pages fetch again after every change they hear of.
 */
export const QUIET_PAGE = 'bench-requests.html';

export function snapshotExtension(dir: string): string {
  const copy = join(dir, 'chrome-mv3');
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  writeFileSync(join(copy, QUIET_PAGE), '<!doctype html><meta charset="utf-8"><title>Bench requests</title>');
  return copy;
}

export function launchSnapshot(extensionDir: string): Promise<Glance> {
  return launchGlance({ extensionDir });
}
