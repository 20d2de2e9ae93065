import { createRoot } from 'react-dom/client';
import { GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import { PopupApp } from '@/components/briefing/PopupApp';
import '@/assets/glance.css';
import '@/assets/insights.css';
import '@/assets/sidebar.css';
import '@/assets/sections.css';
import '@/assets/briefing.css';

createRoot(document.getElementById('root')!).render(
  <GlanceQueryProvider>
    <PopupApp />
  </GlanceQueryProvider>,
);
