/**
 * Messages between the content script and the sidebar iframe. They travel over a private
 * MessageChannel handed to the iframe with a one-time nonce, so the host page can neither read
 * nor forge them. Types only: the content script must stay tiny (no zod); the sidebar checks shapes.
 */
import type { PageContext, PageMessage, PageTime } from '../hosts/types';

export interface PromiseDraftSeed {
  text: string;
  /** When the selected text sits in an email whose sent time the page shows. */
  sentAt?: string;
  /** That time as the page writes it: the content script sends this, the sidebar reads it into sentAt. */
  sent?: PageTime;
  /** Set when the draft edits a commitment found in the thread: what Glance read, kept unless changed. */
  suggested?: SuggestedCommitment;
}

/** A commitment found in the open thread, opened in the promise form to edit before logging. */
export interface SuggestedCommitment {
  /** The id it is logged under, so the suggestion shows as logged however it was saved. */
  commitmentId: string;
  owner: 'us' | 'customer';
  kind: 'commitment' | 'sales-promise';
  dueDate?: string;
  promisedBy?: string;
}

export type ToSidebar =
  | { type: 'context'; context: PageContext }
  /** The page is changing and not readable yet: show loading, not the previous account. */
  | { type: 'navigating' }
  | { type: 'open-promise-form'; seed: PromiseDraftSeed }
  | { type: 'selection'; requestId: number; seed: PromiseDraftSeed }
  | { type: 'collapsed'; collapsed: boolean }
  /** The host page's painted background colours (body, then html), for a sidebar set to follow its theme (lib/hosts/theme.ts). */
  | { type: 'host-theme'; backgrounds: string[] }
  /** The open thread's messages, as asked for with get-messages. */
  | { type: 'messages'; requestId: number; messages: PageMessage[] }
  /** The one-time token the content script got for this tab: the sidebar redeems it with the background. */
  | { type: 'registration'; token: string }
  /** Registration failed (the background refused or could not be reached): say so rather than spin. */
  | { type: 'registration-failed'; reason: string };

export type ToContent =
  | { type: 'ready' }
  | { type: 'get-selection'; requestId: number }
  /** What the open thread's messages say: read only when the sidebar shows them, never on every page load. */
  | { type: 'get-messages'; requestId: number }
  | { type: 'set-collapsed'; collapsed: boolean };

export const CONNECT = 'glance:connect';
/**
 * The sidebar's greeting to the page that frames it, as soon as its entry runs and listens for CONNECT:
 * the content script connects then rather than at the frame's load event. It says nothing but that.
 */
export const HELLO = 'glance:hello';

/** The longest sidebar token the background hands out or takes (it hands out 48 hex digits). */
export const MAX_TOKEN_LENGTH = 200;
export interface ConnectMessage {
  glance: typeof CONNECT;
  nonce: string;
}

/** Messages the background sends to the content script of a tab (commands, context menu, popup). */
export type ToTab =
  | { glance: 'tab'; type: 'toggle-sidebar' }
  | { glance: 'tab'; type: 'log-promise'; text?: string }
  | { glance: 'tab'; type: 'get-context' }
  /** The side panel asks for the selection when its "Log promise" is clicked: answered with a PromiseDraftSeed. */
  | { glance: 'tab'; type: 'get-selection' }
  /** The side panel asks for the open thread's messages when it shows them: answered with PageMessage[]. */
  | { glance: 'tab'; type: 'get-messages' }
  /** The side panel, once ready, asks for a promise logged while it was opening: a HandedSeed or null (lib/display/promise-handoff.ts). */
  | { glance: 'tab'; type: 'take-promise' };

export function isToTab(message: unknown): message is ToTab {
  return typeof message === 'object' && message !== null && (message as ToTab).glance === 'tab';
}

/**
 * What a content script tells the browser's side panel (display mode 'panel'), over runtime messages:
 * the panel takes them only from the active tab of its window, as the browser names the sender.
 */
export type ToPanel =
  | { glance: 'panel'; type: 'context'; context: PageContext }
  | { glance: 'panel'; type: 'navigating' }
  /** The tab's app moved to a page its reader does not know (Outlook's calendar): the panel shows no page. */
  | { glance: 'panel'; type: 'no-page' }
  /** Answered with { taken: handoffId } by the panel that opens it; unanswered, the tab keeps it for take-promise. */
  | { glance: 'panel'; type: 'open-promise-form'; seed: PromiseDraftSeed; handoffId: string };

export function isToPanel(message: unknown): message is ToPanel {
  return typeof message === 'object' && message !== null && (message as ToPanel).glance === 'panel';
}
