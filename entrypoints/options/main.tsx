import { createRoot } from 'react-dom/client';
import { GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/assets/glance.css';
import '@/assets/options.css';
import '@/assets/settings.css';

createRoot(document.getElementById('root')!).render(
  <GlanceQueryProvider>
    <OptionsApp />
  </GlanceQueryProvider>,
);
