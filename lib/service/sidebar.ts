/** sidebar.*: registering the sidebar frames Glance itself puts on host pages. */
import { TOKEN_LIFETIME_MS, type SidebarRegistry } from '../access/sidebar-registry';
import type { PageContext } from '../hosts/types';
import type { ResponseOf } from '../messages/protocol';
import type { Caller, Handlers } from '../messages/server';
import type { Profile } from '../settings/profile';

/** What the content script's register started for the page it mounted the sidebar on, kept for the redeem. */
interface Prepared {
  /** The page as the register sent it (after the background's check), compared with the redeem's. */
  page: string;
  at: number;
  match: Promise<ResponseOf<'page.match'> | undefined>;
  profile: Promise<Profile | undefined> | undefined;
}

/** Longer than any token lives: a prepared page is never redeemed after that. */
const PREPARED_LIFETIME_MS = TOKEN_LIFETIME_MS;

/**
 * `match`: page.match, answered with the session (and the page as checked) when the sidebar sends the page in view as it redeems;
 * `profile`: the profile (the theme chosen), answered with it too, so a cold sidebar asks nothing else first.
 *
 * The content script registers with the page it mounts the sidebar on: the match starts then, while the
 * frame loads, and the redeem of the same page answers it from memory. Nothing of it reaches anyone but
 * the frame that redeems the tab's token; any write (`invalidate`) drops what was prepared.
 */
export function createSidebarHandlers(
  sidebars: SidebarRegistry,
  match?: Handlers['page.match'],
  profile?: () => Promise<Profile>,
  now: () => number = Date.now,
): Pick<Handlers, 'sidebar.register' | 'sidebar.redeem'> & { invalidate(): void } {
  const prepared = new Map<number, Prepared>();
  const matchOf = (context: PageContext, caller: Caller) =>
    match
      ? Promise.resolve()
          .then(() => match({ context }, caller))
          .catch(() => undefined)
      : Promise.resolve(undefined);
  const profileNow = () => profile?.().catch(() => undefined);
  /** Taken once: a second redeem (refused anyway) or a later page asks afresh. */
  const takePrepared = (tabId: number, context: PageContext | undefined): Prepared | undefined => {
    const kept = prepared.get(tabId);
    prepared.delete(tabId);
    return kept && context && kept.page === JSON.stringify(context) && now() - kept.at < PREPARED_LIFETIME_MS ? kept : undefined;
  };
  return {
    invalidate: () => prepared.clear(),
    'sidebar.register': async ({ context }, caller) => {
      const tabId = caller.sender.tab?.id;
      if (tabId === undefined) throw new Error('A sidebar is registered for a tab.');
      const token = await sidebars.register(tabId);
      for (const [tab, kept] of prepared) if (now() - kept.at >= PREPARED_LIFETIME_MS) prepared.delete(tab);
      if (context && match) {
        prepared.set(tabId, { page: JSON.stringify(context), at: now(), match: matchOf(context, caller), profile: profileNow() });
      } else prepared.delete(tabId);
      return { token };
    },
    'sidebar.redeem': async ({ token, context }, caller) => {
      const { sender } = caller;
      const tabId = sender.tab?.id;
      const refused = new Error('Refused: this sidebar was not opened by Glance.');
      if (tabId === undefined || sender.frameId === undefined) throw refused;
      const redeemed = await sidebars.redeem(token, { tabId, frameId: sender.frameId, documentId: sender.documentId });
      if (!redeemed) throw refused;
      const { session } = redeemed;
      // Only now, with the token redeemed for this very frame, does the sidebar learn anything. A match or
      // profile that fails leaves the session good: the sidebar asks for it itself and shows that error.
      // The key is kept for a worker restart meanwhile, and before the answer goes.
      const kept = takePrepared(tabId, context);
      const [matched, profiled] = await Promise.all([
        kept ? kept.match : context && match ? matchOf(context, caller) : undefined,
        kept ? kept.profile : profileNow(),
        redeemed.saved,
      ]);
      // The page as checked here comes back with its match: the sidebar can draw it before its own check loads.
      return { session, ...(matched && context ? { match: matched, context } : {}), ...(profiled ? { profile: profiled } : {}) };
    },
  };
}
