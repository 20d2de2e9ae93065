/**
 * The real toolbar popup, not popup.html in a tab: the service worker opens it (chrome.action.openPopup),
 * Chromium sizes its window to the content within its own limits, and an extension page of the same
 * origin reads it through chrome.extension.getViews, which Playwright cannot attach to.
 */
import type { Page } from 'playwright-core';
import type { Glance } from './harness.mjs';

type ExtensionChrome = {
  chrome: {
    action: { setPopup(details: { popup: string }): Promise<void>; openPopup(): Promise<void> };
    extension: { getViews(filter: { type: 'popup' }): Window[] };
  };
};

export interface PopupBox {
  /** Where the element lies in the popup's viewport, in CSS pixels. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PopupMeasure {
  url: string;
  /** The popup window's viewport without scrollbars, as Chromium sized it. */
  width: number;
  height: number;
  /** How far the content runs past the viewport sideways (0 when nothing is clipped). */
  overflowX: number;
  /** Each selector's first match, or null when it is not there. */
  boxes: Record<string, PopupBox | null>;
}

/** Opens the toolbar popup on `popup.html<search>`; `page` must be an extension page in the front window. */
export async function openToolbarPopup(glance: Glance, page: Page, search: string): Promise<void> {
  await page.bringToFront();
  await glance.worker.evaluate(async (path) => {
    const { chrome } = globalThis as unknown as ExtensionChrome;
    await chrome.action.setPopup({ popup: path });
    await chrome.action.openPopup();
  }, `popup.html${search}`);
}

/** Waits until the open popup shows `ready`, then measures it and the elements matching `selectors`. */
export async function measureToolbarPopup(page: Page, ready: string, selectors: string[]): Promise<PopupMeasure> {
  const handle = await page.waitForFunction(
    ([readySelector, wanted]) => {
      const { chrome } = globalThis as unknown as ExtensionChrome;
      const popup = chrome.extension.getViews({ type: 'popup' })[0];
      if (!popup?.document.querySelector(readySelector)) return null;
      const root = popup.document.documentElement;
      const boxes: Record<string, PopupBox | null> = {};
      for (const selector of wanted) {
        const rect = popup.document.querySelector(selector)?.getBoundingClientRect();
        boxes[selector] = rect ? { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right } : null;
      }
      return {
        url: popup.location.href,
        width: root.clientWidth,
        height: root.clientHeight,
        overflowX: root.scrollWidth - root.clientWidth,
        boxes,
      };
    },
    [ready, selectors] as const,
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as PopupMeasure;
}

/** Closes the popup and waits until it is gone, so the next one opens afresh. */
export async function closeToolbarPopup(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { chrome } = globalThis as unknown as ExtensionChrome;
    for (const view of chrome.extension.getViews({ type: 'popup' })) view.close();
  });
  await page.waitForFunction(() => (globalThis as unknown as ExtensionChrome).chrome.extension.getViews({ type: 'popup' }).length === 0);
}
