/** Every host Glance reads, for code that must know them all (the popup's tab, tests). */
import { messagesSafely, readSafely, sentSafely, type HostAdapter, type MessageReader } from './adapter';
import { gmailAdapter, gmailMessageReader } from './gmail';
import { hubspotAdapter } from './hubspot';
import { outlookAdapter, outlookMessageReader } from './outlook';
import { salesforceAdapter } from './salesforce';
import { sentAtOf, threadMessagesOf } from './sent-time';
import type { HostName, PageContext, ThreadMessage } from './types';

export type { HostName, PageContext } from './types';

/** A page as read in full: a thread comes with its messages. */
export type ReadPage =
  Exclude<PageContext, { kind: 'thread' }> | (Extract<PageContext, { kind: 'thread' }> & { messages: ThreadMessage[] });

const ADAPTERS: HostAdapter[] = [gmailAdapter, outlookAdapter, salesforceAdapter, hubspotAdapter];
/** The mail hosts' message readers, which the content scripts load apart (HostAdapter.messagesModule). */
const MESSAGE_READERS: Partial<Record<HostName, MessageReader>> = { gmail: gmailMessageReader, outlook: outlookMessageReader };

function adapterOf(url: URL): HostAdapter | undefined {
  return url.protocol === 'https:' ? ADAPTERS.find((adapter) => adapter.isHost(url)) : undefined;
}

export function hostOf(url: URL): HostName | null {
  return adapterOf(url)?.host ?? null;
}

/**
 * What the page shows, a thread with what its messages say (the content script reads those apart,
 * on request), or null on a page Glance does not know. Never throws.
 */
export function readPage(url: URL, doc: Document): ReadPage | null {
  const adapter = adapterOf(url);
  if (!adapter) return null;
  const context = readSafely(adapter, url, doc);
  return context.kind === 'thread'
    ? { ...context, messages: threadMessagesOf(messagesSafely(MESSAGE_READERS[adapter.host], url, doc)) }
    : context;
}

/** The sent time of the email that holds `node`, so "by Friday" counts from the day it was written. */
export function sentAtOfNode(url: URL, node: Node | null): string | undefined {
  const adapter = adapterOf(url);
  return adapter ? sentAtOf(sentSafely(MESSAGE_READERS[adapter.host], node)) : undefined;
}
