/** sidebar.*: registering the sidebar frames Glance itself puts on host pages. */
import type { SidebarRegistry } from '../access/sidebar-registry';
import type { Handlers } from '../messages/server';

export function createSidebarHandlers(sidebars: SidebarRegistry): Pick<Handlers, 'sidebar.register' | 'sidebar.redeem'> {
  return {
    'sidebar.register': async (_payload, { sender }) => {
      if (sender.tab?.id === undefined) throw new Error('A sidebar is registered for a tab.');
      return { token: await sidebars.register(sender.tab.id) };
    },
    'sidebar.redeem': async ({ token }, { sender }) => {
      const tabId = sender.tab?.id;
      const session =
        tabId === undefined || sender.frameId === undefined
          ? null
          : await sidebars.redeem(token, { tabId, frameId: sender.frameId, documentId: (sender as { documentId?: string }).documentId });
      if (!session) throw new Error('Refused: this sidebar was not opened by Glance.');
      return { session };
    },
  };
}
