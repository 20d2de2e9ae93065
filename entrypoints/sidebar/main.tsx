import { createRoot } from 'react-dom/client';
import { createQueryClient, GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import { prefetchPageMatch } from '@/components/sidebar/page-match';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import { usePageStore } from '@/components/sidebar/page-store';
import { handleHostMessage } from '@/components/sidebar/selection';
import { connectToHost } from '@/lib/sidebar-frame/connect';
import '@/assets/glance.css';
import '@/assets/insights.css';
import '@/assets/sidebar.css';

const queryClient = createQueryClient();
const link = connectToHost(window, (message) => {
  if (message.type === 'context') prefetchPageMatch(queryClient, message.context);
  handleHostMessage(message);
});
if (link) usePageStore.setState({ postToHost: (message) => link.post(message) });

createRoot(document.getElementById('root')!).render(
  <GlanceQueryProvider client={queryClient}>
    <SidebarApp standalone={link === null} />
  </GlanceQueryProvider>,
);
