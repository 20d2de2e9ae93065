/** Every host Glance reads, for code that must know them all (the popup's tab, tests). */
import { readSafely, sentAtSafely, type HostAdapter } from './adapter';
import { gmailAdapter } from './gmail';
import { hubspotAdapter } from './hubspot';
import { outlookAdapter } from './outlook';
import { salesforceAdapter } from './salesforce';
import type { HostName, PageContext } from './types';

export type { HostName, PageContext } from './types';

const ADAPTERS: HostAdapter[] = [gmailAdapter, outlookAdapter, salesforceAdapter, hubspotAdapter];

function adapterOf(url: URL): HostAdapter | undefined {
  return url.protocol === 'https:' ? ADAPTERS.find((adapter) => adapter.isHost(url)) : undefined;
}

export function hostOf(url: URL): HostName | null {
  return adapterOf(url)?.host ?? null;
}

/** What the page shows, or null on a page Glance does not know. Never throws. */
export function readPage(url: URL, doc: Document): PageContext | null {
  const adapter = adapterOf(url);
  return adapter ? readSafely(adapter, url, doc) : null;
}

/** The sent time of the email that holds `node`, so "by Friday" counts from the day it was written. */
export function sentAtOfNode(url: URL, node: Node | null): string | undefined {
  const adapter = adapterOf(url);
  return adapter ? sentAtSafely(adapter, node) : undefined;
}
