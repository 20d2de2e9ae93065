/**
 * Glance in the browser's own side panel (Chrome sidePanel, Firefox sidebar_action): the same sidebar
 * and the same hooks, following the active tab instead of living in the page. It keeps the sidebar's
 * narrow role (lib/access/roles.ts): no import, export or settings writes from here.
 */
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createQueryClient, GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import { prefetchPageMatch } from '@/components/sidebar/page-match';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import { usePageStore } from '@/components/sidebar/page-store';
import { handleHostMessage } from '@/components/sidebar/selection';
import { followActiveTab } from './follow-tab';
import '@/assets/glance.css';
import '@/assets/insights.css';
import '@/assets/sidebar.css';
import '@/assets/found.css';
import '@/assets/sections.css';

const queryClient = createQueryClient();

const tab = followActiveTab({
  onContext(context) {
    if (!context) return usePageStore.getState().setNoHostPage();
    prefetchPageMatch(queryClient, context);
    handleHostMessage({ type: 'context', context });
  },
  onNavigating: () => handleHostMessage({ type: 'navigating' }),
  onOpenPromiseForm: (seed) => handleHostMessage({ type: 'open-promise-form', seed }),
});

// The sidebar asks its host for the selection and the thread's messages; here the host is the active tab's content script.
usePageStore.setState({
  openOptions: () => void browser.runtime.openOptionsPage(),
  postToHost: (message) => {
    if (message.type === 'get-selection') {
      void tab.selection().then((seed) => handleHostMessage({ type: 'selection', requestId: message.requestId, seed }));
    }
    if (message.type === 'get-messages') {
      void tab.messages().then((messages) => handleHostMessage({ type: 'messages', requestId: message.requestId, messages }));
    }
  },
});

createRoot(document.getElementById('root')!).render(
  <GlanceQueryProvider client={queryClient}>
    <SidebarApp standalone={false} inPanel />
  </GlanceQueryProvider>,
);
