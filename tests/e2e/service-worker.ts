/** The extension's service worker as Chromium runs it, stopped on demand through the DevTools protocol. */
import type { Page } from 'playwright-core';

/**
 * Stops the extension's service worker and waits until Chromium reports it stopped. Calling
 * stopAllWorkers straight after ServiceWorker.enable is a no-op: the registrations are not known yet.
 */
export async function stopServiceWorker(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const status = new Map<string, string>();
  let changed = () => undefined as void;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith('chrome-extension://')) status.set(v.versionId, v.runningStatus);
    changed();
  });
  const until = (ok: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The service worker was not ${what}: ${JSON.stringify([...status])}`)), 10_000);
      changed = () => {
        if (!ok()) return;
        clearTimeout(timer);
        resolve();
      };
      changed();
    });
  await cdp.send('ServiceWorker.enable');
  await until(() => [...status.values()].includes('running'), 'reported running');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await until(() => status.size > 0 && [...status.values()].every((s) => s === 'stopped'), 'stopped');
  await cdp.detach();
}
