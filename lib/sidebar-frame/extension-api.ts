/**
 * The few extension APIs the content script needs, straight from the browser: Chrome's `chrome.*`
 * and Firefox's `browser.*` both return promises for these calls. Skipping webextension-polyfill
 * here keeps ~10 kB off every Gmail and CRM page.
 */
import type { Browser } from 'webextension-polyfill';

type ContentApi = Pick<Browser, 'runtime' | 'storage'>;

export const extensionApi: ContentApi =
  (globalThis as unknown as { browser?: ContentApi }).browser ?? (globalThis as unknown as { chrome: ContentApi }).chrome;
