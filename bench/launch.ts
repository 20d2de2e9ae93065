/**
 * Launches Chromium with a private copy of the built extension. The bench runs for minutes and
 * .output/chrome-mv3 is rebuilt by anyone running the tests meanwhile: a browser started during a
 * rebuild finds no service worker, and one started after it would measure different code.
 * Otherwise the same browser the end-to-end tests launch.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchGlance, type Glance } from '../tests/e2e/harness.mjs';

export function snapshotExtension(dir: string): string {
  const copy = join(dir, 'chrome-mv3');
  cpSync(EXTENSION_DIR, copy, { recursive: true });
  return copy;
}

export function launchSnapshot(extensionDir: string): Promise<Glance> {
  return launchGlance({ extensionDir });
}
