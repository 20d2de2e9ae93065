/** The UI side of the message API: typed calls to the background, and its change events. */
import { browser } from 'wxt/browser';
import { DISPLAY_MODE_KEY, displayModeOf, type DisplayMode } from '../display/mode';
import type { PageContext } from '../hosts/types';
import type { ToTab } from './frame';
import type { ChangeEvent, PayloadOf, RequestType, ResponseOf } from './protocol';
import { sendRequest } from './request';

export { BackgroundError } from './request';

/**
 * A sidebar on a host page has no rights until it redeems the token its content script handed it:
 * its calls wait for that session key. Glance's own pages never set one.
 */
let session: Promise<string> | undefined;
export function setSession(key: Promise<string>): void {
  session = key;
}

export async function call<K extends RequestType>(type: K, payload: PayloadOf<K>): Promise<ResponseOf<K>> {
  const key = session && type !== 'sidebar.redeem' ? await session : undefined;
  return sendRequest((envelope) => browser.runtime.sendMessage(envelope), type, payload, key);
}

export function isChangeEvent(message: unknown): message is ChangeEvent {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as ChangeEvent).glance === 'event' &&
    (message as ChangeEvent).event === 'data-changed'
  );
}

/** Calls `listener` whenever the background reports changed data; returns the unsubscribe. */
export function onDataChanged(listener: (event: ChangeEvent) => void): () => void {
  const handler = (message: unknown) => {
    if (isChangeEvent(message)) listener(message);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** What the active tab's content script reads; a tab without it (any other site, a new tab) has none. */
export async function activeTabContext(): Promise<PageContext | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const ask: ToTab = { glance: 'tab', type: 'get-context' };
  return ((await browser.tabs.sendMessage(tab.id, ask).catch(() => null)) as PageContext | null) ?? null;
}

/** Where Glance shows the account (lib/display/mode.ts): kept where the content scripts read it. */
export async function readDisplayMode(): Promise<DisplayMode> {
  return displayModeOf((await browser.storage.local.get(DISPLAY_MODE_KEY))[DISPLAY_MODE_KEY]);
}

export async function saveDisplayMode(mode: DisplayMode): Promise<void> {
  await browser.storage.local.set({ [DISPLAY_MODE_KEY]: mode });
}
