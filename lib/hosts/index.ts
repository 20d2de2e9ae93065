/** Entry point for the content script: which host a page is on, and what it shows. */
import { gmailSentAtOfNode, readGmail } from './gmail';
import { isHubspotHost, readHubspot } from './hubspot';
import { isSalesforceHost, readSalesforce } from './salesforce';
import type { HostName, PageContext } from './types';

export type { HostName, PageContext } from './types';

export function hostOf(url: URL): HostName | null {
  if (url.protocol !== 'https:') return null;
  const h = url.hostname.toLowerCase();
  if (h === 'mail.google.com') return 'gmail';
  if (isSalesforceHost(h)) return 'salesforce';
  if (isHubspotHost(h)) return 'hubspot';
  return null;
}

const READERS: Record<HostName, (url: URL, doc: Document) => PageContext> = {
  gmail: readGmail,
  salesforce: readSalesforce,
  hubspot: readHubspot,
};

/**
 * What the page shows, or null on a page Glance does not know. Never throws: host pages change
 * without notice, and a failed read must become "could not read this page", not a dead sidebar.
 */
export function readPage(url: URL, doc: Document): PageContext | null {
  const host = hostOf(url);
  if (!host) return null;
  try {
    return READERS[host](url, doc);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { host, kind: 'unreadable', url: url.href, reason: `reading the page failed: ${why}`.slice(0, 300) };
  }
}

/** The sent time of the email that holds `node`, so "by Friday" counts from the day it was written. */
export function sentAtOfNode(url: URL, node: Node | null): string | undefined {
  try {
    return hostOf(url) === 'gmail' ? gmailSentAtOfNode(node) : undefined;
  } catch {
    return undefined;
  }
}
