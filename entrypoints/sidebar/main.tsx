import { createRoot } from 'react-dom/client';
import { GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import { usePageStore } from '@/components/sidebar/page-store';
import { handleHostMessage } from '@/components/sidebar/selection';
import { connectToHost } from '@/lib/sidebar-frame/connect';
import '@/assets/glance.css';
import '@/assets/insights.css';
import '@/assets/sidebar.css';

const link = connectToHost(window, handleHostMessage);
if (link) usePageStore.setState({ postToHost: (message) => link.post(message) });

createRoot(document.getElementById('root')!).render(
  <GlanceQueryProvider>
    <SidebarApp standalone={link === null} />
  </GlanceQueryProvider>,
);
