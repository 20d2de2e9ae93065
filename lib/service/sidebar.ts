/** sidebar.*: registering the sidebar frames Glance itself puts on host pages. */
import type { SidebarRegistry } from '../access/sidebar-registry';
import type { Handlers } from '../messages/server';
import type { Profile } from '../settings/profile';

/**
 * `match`: page.match, answered with the session (and the page as checked) when the sidebar sends the page in view as it redeems;
 * `profile`: the profile (the theme chosen), answered with it too, so a cold sidebar asks nothing else first.
 */
export function createSidebarHandlers(
  sidebars: SidebarRegistry,
  match?: Handlers['page.match'],
  profile?: () => Promise<Profile>,
): Pick<Handlers, 'sidebar.register' | 'sidebar.redeem'> {
  return {
    'sidebar.register': async (_payload, { sender }) => {
      if (sender.tab?.id === undefined) throw new Error('A sidebar is registered for a tab.');
      return { token: await sidebars.register(sender.tab.id) };
    },
    'sidebar.redeem': async ({ token, context }, caller) => {
      const { sender } = caller;
      const tabId = sender.tab?.id;
      const redeemed =
        tabId === undefined || sender.frameId === undefined
          ? null
          : await sidebars.redeem(token, { tabId, frameId: sender.frameId, documentId: (sender as { documentId?: string }).documentId });
      if (!redeemed) throw new Error('Refused: this sidebar was not opened by Glance.');
      const { session } = redeemed;
      // Only now, with the token redeemed for this very frame, does the sidebar learn anything. A match or
      // profile that fails leaves the session good: the sidebar asks for it itself and shows that error.
      // The key is kept for a worker restart meanwhile, and before the answer goes.
      const [matched, profileNow] = await Promise.all([
        context && match
          ? Promise.resolve()
              .then(() => match({ context }, caller))
              .catch(() => undefined)
          : undefined,
        profile?.().catch(() => undefined),
        redeemed.saved,
      ]);
      // The page as checked here comes back with its match: the sidebar can draw it before its own check loads.
      return { session, ...(matched && context ? { match: matched, context } : {}), ...(profileNow ? { profile: profileNow } : {}) };
    },
  };
}
