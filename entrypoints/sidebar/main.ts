/**
 * The sidebar frame's entry. It holds no React: it connects to its content script and sends the
 * redeem first, then loads React and the first screen (./first-screen.tsx, most of the sidebar's
 * script), so the background answers while that loads. Both run on this frame's one thread: loaded
 * first, React would hold the handshake back (and its dynamic import the frame's load event, which
 * the content script connects on).
 */
import type { FirstMatch } from '@/components/sidebar/page-match';
import type { PageContext } from '@/lib/hosts/types';
import { call, setSession } from '@/lib/messages/client';
import type { Profile } from '@/lib/settings/profile';
import { connectToHost } from '@/lib/sidebar-frame/connect';

let loadScreen: () => void = () => undefined;
const screen = new Promise<typeof import('./first-screen')>((resolve) => (loadScreen = () => resolve(import('./first-screen'))));
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
// The page in view: the content script tells it before the token, and it is matched as the token is redeemed.
let context: PageContext | null = null;

const link = connectToHost(window, (message) => {
  if (message.type === 'registration') {
    const asked = context;
    call('sidebar.redeem', { token: message.token, ...(asked ? { context: asked } : {}) }).then(
      ({ session: key, match, profile }) => {
        settleFirst({ match: asked && match ? { context: asked, match } : null, ...(profile ? { profile } : {}) });
        settleSession?.resolve(key);
      },
      (error: Error) => {
        settleFirst({ match: null });
        settleSession?.reject(error);
      },
    );
    loadScreen();
    return;
  }
  if (message.type === 'registration-failed') {
    loadScreen();
    settleFirst({ match: null });
    return settleSession?.reject(new Error(`Glance's background could not be reached (${message.reason}). Reload the page to try again.`));
  }
  if (message.type === 'context') context = message.context;
  else if (message.type === 'navigating') context = null;
  // In order, after the first screen is drawn (its `then` was taken first, below).
  void screen.then((s) => s.onHostMessage(message));
});
if (link) {
  setSession(session);
  setTimeout(loadScreen, SCREEN_AT_LATEST_MS);
} else loadScreen();

// Opened on its own in a tab (the briefing's "Details" links), it shows the account of ?account=.
void screen.then((s) => s.drawSidebar(link && { post: (message) => link.post(message), first }));
