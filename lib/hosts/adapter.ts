/** A host Glance reads: which pages are its own, what they show, and when a selected sentence was sent. */
import type { HostName, PageContext } from './types';

export interface HostAdapter {
  host: HostName;
  /** Pages of this host that the reader understands (the manifest's matches are coarser). */
  isHost(url: URL): boolean;
  read(url: URL, doc: Document): PageContext;
  /** The sent time of the email that holds `node`, so "by Friday" counts from the day it was written. */
  sentAtOfNode?(node: Node | null): string | undefined;
}

/**
 * What the page shows, never a throw: host pages change without notice, and a failed read must
 * become "could not read this page", not a dead sidebar or an error in the host page.
 */
export function readSafely(adapter: HostAdapter, url: URL, doc: Document): PageContext {
  try {
    return adapter.read(url, doc);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { host: adapter.host, kind: 'unreadable', url: url.href, reason: `reading the page failed: ${why}`.slice(0, 300) };
  }
}

/** When the email holding `node` was sent, or undefined: an odd page makes the form count from today, never throws. */
export function sentAtSafely(adapter: HostAdapter, node: Node | null): string | undefined {
  try {
    return adapter.sentAtOfNode?.(node);
  } catch {
    return undefined;
  }
}
