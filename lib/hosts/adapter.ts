/** A host Glance reads: which pages are its own, what they show, and when a selected sentence was sent. */
import type { HostName, PageContext, PageMessage, PageTime, PageUrl } from './types';

export interface HostAdapter {
  host: HostName;
  /** Pages of this host that the reader understands (the manifest's matches are coarser). */
  isHost(url: PageUrl): boolean;
  /** What is in view, as far as matching needs it: a thread's people, not what its messages say. */
  read(url: PageUrl, doc: Document): PageContext;
  /**
   * A mail host's message reader (below): the path of its own module, web-accessible to this host's
   * pages, which the content script imports only when the sidebar asks what the thread says or when a
   * selection was sent (entrypoints/<host>-messages.ts). Most page loads need neither, so the code that
   * reads bodies, signatures and dates stays out of the script that runs on every page load.
   */
  messagesModule?: `/${string}-messages.js`;
}

/** A mail host's reading of the open thread's messages, read only when asked. */
export interface MessageReader {
  /** What the thread's last messages say, with who wrote them to whom and when (as the page writes it). */
  read(url: PageUrl, doc: Document): PageMessage[];
  /** The sent time of the email that holds `node`, so "by Friday" counts from the day it was written. */
  sentOfNode(node: Node | null): PageTime | undefined;
}

/**
 * What the page shows, never a throw: host pages change without notice, and a failed read must
 * become "could not read this page", not a dead sidebar or an error in the host page.
 */
export function readSafely(adapter: HostAdapter, url: PageUrl, doc: Document): PageContext {
  try {
    return adapter.read(url, doc);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { host: adapter.host, kind: 'unreadable', url: url.href, reason: `reading the page failed: ${why}`.slice(0, 300) };
  }
}

/** The open thread's messages, or none: an odd page leaves "Found in this email" empty, never throws. */
export function messagesSafely(reader: MessageReader | undefined, url: PageUrl, doc: Document): PageMessage[] {
  try {
    return reader?.read(url, doc) ?? [];
  } catch {
    return [];
  }
}

/** When the email holding `node` was sent, or undefined: an odd page makes the form count from today, never throws. */
export function sentSafely(reader: MessageReader | undefined, node: Node | null): PageTime | undefined {
  try {
    return reader?.sentOfNode(node);
  } catch {
    return undefined;
  }
}

/**
 * A reader whose calls never throw, as the message modules hand it to the content script: the page
 * script then carries no guard of its own for code it loads only on request.
 */
export function safeMessageReader(reader: MessageReader): MessageReader {
  return { read: (url, doc) => messagesSafely(reader, url, doc), sentOfNode: (node) => sentSafely(reader, node) };
}
