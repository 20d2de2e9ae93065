/**
 * One account on its own page (`account.html?account=<id>#<section>`), opened from the briefing's
 * "Details" links. Not web-accessible, unlike sidebar.html: no web page can open or frame it.
 */
import { createRoot } from 'react-dom/client';
import { createQueryClient, GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import { SidebarApp } from '@/components/sidebar/SidebarApp';
import '@/assets/glance.css';
import '@/assets/insights.css';
import '@/assets/sidebar.css';

createRoot(document.getElementById('root')!).render(
  <GlanceQueryProvider client={createQueryClient()}>
    <SidebarApp standalone />
  </GlanceQueryProvider>,
);
