/**
 * The sidebar frame's entry. It holds no React and not even the UI's message client: it connects to
 * its content script and redeems the token the moment it arrives. It carries the first screen drawn
 * without React (./first-draw.ts, small; its styles are written into the page): a matched account is
 * drawn with it as the answer comes, and only then are React and the sidebar loaded
 * (./first-screen.tsx, most of the sidebar's script), which take the screen over. Both run on this
 * frame's one thread: loaded first, React would hold the handshake and the first screen back.
 * Built as one classic script (build/classic-sidebar-entry.ts): what it imports statically is in it.
 */
import type { FirstMatch } from '@/components/sidebar/page-match';
import { drawFirst, hostThemeOf } from './first-draw';
import type { DrawnFirst } from './first-screen';
import type { PageContext } from '@/lib/hosts/types';
import { MAX_TOKEN_LENGTH } from '@/lib/messages/frame';
import type { ResponseOf } from '@/lib/messages/protocol';
import { BackgroundError, sendRequest } from '@/lib/messages/request';
import type { Profile } from '@/lib/settings/profile';
import { connectToHost } from '@/lib/sidebar-frame/connect';
import { extensionApi } from '@/lib/sidebar-frame/extension-api';

let screenAsked = false;
let askScreen: () => void = () => undefined;
const screen = new Promise<typeof import('./first-screen')>((resolve) => (askScreen = () => resolve(import('./first-screen'))));
const loadScreen = () => {
  screenAsked = true;
  askScreen();
};
/** A registration slow to come (the service worker waking) does not hold the first screen back longer than this. */
const SCREEN_AT_LATEST_MS = 1000;

// Every request waits for the session key that the token from our content script redeems. A copy of
// this page framed by anything else never gets one: it asks nothing and shows nothing.
let settleSession: { resolve(key: string): void; reject(error: Error): void } | undefined;
const session = new Promise<string>((resolve, reject) => (settleSession = { resolve, reject }));
session.catch(() => undefined); // reported by each call that waits for it
// What the redeem answered besides the key: the page's match and the profile (never rejects).
let settleFirst: (first: { match: FirstMatch | null; profile?: Profile }) => void = () => undefined;
const first = new Promise<{ match: FirstMatch | null; profile?: Profile }>((resolve) => (settleFirst = resolve));

/**
 * The page in view as it arrived, unchecked: it goes only to the background with the redeem, where it
 * is checked like any request. The first screen gets it back from there, as checked, with its match.
 */
let arrivedContext: unknown = null;
/** What the content script said of the sidebar's state and the page's colours, unchecked: read only for the first screen. */
let arrivedCollapsed = false;
let arrivedBackgrounds: unknown = null;
let redeeming = false;
/** The first screen drawn without React: handed to React, whose first commit then draws the same screen. */
let drawn: DrawnFirst | null = null;

/** After the frame that paints what was drawn (a frame hidden or in a background tab paints none: at most 200 ms). */
const painted = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 200);
  });

function sendRedeem(token: string, context: unknown): Promise<ResponseOf<'sidebar.redeem'>> {
  const send = (envelope: unknown) => extensionApi.runtime.sendMessage(envelope);
  return sendRequest(send, 'sidebar.redeem', { token, ...(context ? { context: context as PageContext } : {}) }).catch((error: unknown) =>
    // A page the background could not read is matched later by the first screen; the token is not spent.
    context && error instanceof BackgroundError && error.message.startsWith('Bad "sidebar.redeem"')
      ? sendRequest(send, 'sidebar.redeem', { token })
      : Promise.reject(error),
  );
}

function redeem(token: string) {
  if (redeeming) return;
  redeeming = true;
  const asked = arrivedContext;
  sendRedeem(token, asked).then(
    ({ session: key, match, context, profile }) => {
      settleSession?.resolve(key);
      // The page as the background checked it: the first screen draws it without waiting for this frame's check.
      const firstMatch = context && match ? { context, match } : null;
      settleFirst({ match: firstMatch, ...(profile ? { profile } : {}) });
      const view = firstMatch?.match.view;
      // Only a matched account is drawn without React; other states wait for it.
      if (!firstMatch || !view || arrivedCollapsed || screenAsked) return loadScreen();
      try {
        const hostTheme = hostThemeOf(arrivedBackgrounds);
        drawFirst(view, profile, hostTheme, () => link?.post({ type: 'set-collapsed', collapsed: true }));
        drawn = { first: firstMatch, hostTheme, ...(profile ? { profile } : {}) };
      } catch {
        return loadScreen(); // React draws everything then
      }
      void painted().then(loadScreen);
    },
    (error: Error) => {
      settleFirst({ match: null });
      settleSession?.reject(error);
      loadScreen();
    },
  );
}

/** On arrival, before the message check has loaded: only the token and the page, for the redeem. */
function onArrival(raw: unknown) {
  const message = raw as { type?: unknown; token?: unknown; context?: unknown; collapsed?: unknown; backgrounds?: unknown } | null;
  if (message?.type === 'context') arrivedContext = message.context;
  else if (message?.type === 'collapsed') arrivedCollapsed = message.collapsed === true;
  else if (message?.type === 'host-theme') arrivedBackgrounds = message.backgrounds;
  else if (message?.type === 'navigating') arrivedContext = null;
  else if (
    message?.type === 'registration' &&
    typeof message.token === 'string' &&
    message.token.length > 0 &&
    message.token.length <= MAX_TOKEN_LENGTH
  )
    redeem(message.token);
}

const link = connectToHost(
  window,
  (message) => {
    if (message.type === 'registration') return redeem(message.token);
    if (message.type === 'registration-failed') {
      loadScreen();
      settleFirst({ match: null });
      return settleSession?.reject(
        new Error(`Glance's background could not be reached (${message.reason}). Reload the page to try again.`),
      );
    }
    // In order, after the first screen is drawn (its `then` was taken first, below).
    void screen.then((s) => s.onHostMessage(message));
  },
  onArrival,
);
// The content script connects on this frame's greeting (lib/sidebar-frame/connect.ts), not on its load
// event, which comes later.
if (link) setTimeout(loadScreen, SCREEN_AT_LATEST_MS);
else loadScreen();

// Opened on its own in a tab (the briefing's "Details" links), it shows the account of ?account=.
void screen.then((s) => s.drawSidebar(link && { post: (message) => link.post(message), first, session, drawn }));
