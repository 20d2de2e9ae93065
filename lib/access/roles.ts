/**
 * Who may ask the background what. Every caller gets only the requests its role needs: a content
 * script (inside a host page) may only register its sidebar; the sidebar page (framed on a host
 * page, where it must also be registered, or on its own in a tab) reads accounts and keeps
 * commitments, but never imports, exports, loads the sample or writes settings; Glance's own pages
 * (options, popup) may ask anything but a sidebar's registration.
 */
import type { RequestType } from '../messages/protocol';

export type CallerRole = 'content' | 'sidebar' | 'page';

const SIDEBAR_REQUESTS = [
  'sidebar.redeem',
  'page.match',
  'match.choose',
  'accounts.search',
  'account.view',
  'commitment.save',
  'commitment.setStatus',
  'commitment.update',
  'thread.state',
  'thread.dismiss',
  'thread.logTouch',
  'contact.add',
  'feedback.save',
  'feedback.list',
  'action.snooze',
  'action.restore',
  'settings.get',
  'profile.get',
  'store.summary',
] as const satisfies readonly RequestType[];

const CONTENT_REQUESTS = ['sidebar.register'] as const satisfies readonly RequestType[];

const REGISTRATION_REQUESTS: readonly RequestType[] = ['sidebar.register', 'sidebar.redeem'];

export function mayAsk(role: CallerRole, type: RequestType): boolean {
  if (role === 'content') return (CONTENT_REQUESTS as readonly RequestType[]).includes(type);
  if (role === 'sidebar') return (SIDEBAR_REQUESTS as readonly RequestType[]).includes(type);
  return !REGISTRATION_REQUESTS.includes(type);
}

export interface CallerFacts {
  /** The extension the message came from, as the browser reports it. */
  senderId?: string;
  /** The sending document's address. */
  url?: string;
  /** Absent for the toolbar popup; present for pages in tabs and for frames inside them. */
  tabId?: number;
  frameId?: number;
}

/**
 * The sidebar in the page (framed, so also registered) and in the browser's side panel (an extension
 * page no web page can frame: it is not web-accessible): the same narrow role for both.
 */
const SIDEBAR_PATHS = ['/sidebar.html', '/sidepanel.html'];

/**
 * The role of a sender, or why it is refused. Only the browser fills these fields: a page cannot
 * message the background at all, and another extension's messages carry its own id.
 */
export function roleOf(facts: CallerFacts, ownId: string, isGlanceHost: (url: URL) => boolean): CallerRole | { refused: string } {
  if (facts.senderId !== ownId || !facts.url) return { refused: 'Refused: not from Glance.' };
  let url: URL;
  try {
    url = new URL(facts.url);
  } catch {
    return { refused: 'Refused: not from Glance.' };
  }
  const extensionPage = url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:';
  if (!extensionPage) {
    // Our content script runs in the top frame of the hosts it reads, and nowhere else.
    if (facts.tabId === undefined || facts.frameId !== 0 || !isGlanceHost(url)) return { refused: 'Refused: not from a Glance page.' };
    return 'content';
  }
  if (SIDEBAR_PATHS.includes(url.pathname)) return 'sidebar';
  // The options page and the popup are never web-accessible: framed, one is not ours to trust.
  if (facts.tabId !== undefined && facts.frameId !== undefined && facts.frameId !== 0)
    return { refused: 'Refused: a Glance page inside another page.' };
  return 'page';
}
