import { createRoot } from 'react-dom/client';
import { BookApp } from '@/components/book/BookApp';
import { GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import '@/assets/glance.css';
import '@/assets/book.css';

createRoot(document.getElementById('root')!).render(
  <GlanceQueryProvider>
    <BookApp />
  </GlanceQueryProvider>,
);
