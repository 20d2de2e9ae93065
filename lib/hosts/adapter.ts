/** A host Glance reads: which pages are its own, what they show, and when a selected sentence was sent. */
import type { HostName, PageContext, PageMessage, PageTime } from './types';

export interface HostAdapter {
  host: HostName;
  /** Pages of this host that the reader understands (the manifest's matches are coarser). */
  isHost(url: URL): boolean;
  /** What is in view, as far as matching needs it: a thread's people, not what its messages say. */
  read(url: URL, doc: Document): PageContext;
  /** A mail host's open thread: what its last messages say, read only when asked (the sidebar shows them below the account). */
  readMessages?(url: URL, doc: Document): PageMessage[];
  /** The sent time of the email that holds `node`, so "by Friday" counts from the day it was written. */
  sentOfNode?(node: Node | null): PageTime | undefined;
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

/** The open thread's messages, or none: an odd page leaves "Found in this email" empty, never throws. */
export function messagesSafely(adapter: HostAdapter, url: URL, doc: Document): PageMessage[] {
  try {
    return adapter.readMessages?.(url, doc) ?? [];
  } catch {
    return [];
  }
}

/** When the email holding `node` was sent, or undefined: an odd page makes the form count from today, never throws. */
export function sentSafely(adapter: HostAdapter, node: Node | null): PageTime | undefined {
  try {
    return adapter.sentOfNode?.(node);
  } catch {
    return undefined;
  }
}
