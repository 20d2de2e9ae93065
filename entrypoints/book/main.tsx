import { createRoot } from 'react-dom/client';
import { BookApp } from '@/components/book/BookApp';
import { prefetchBook } from '@/components/book/book-hooks';
import { createQueryClient, GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import '@/assets/glance.css';
import '@/assets/book.css';

const client = createQueryClient();
// The first rows and Today are asked for before React's first render, not after its effects run.
prefetchBook(client);

createRoot(document.getElementById('root')!).render(
  <GlanceQueryProvider client={client}>
    <BookApp />
  </GlanceQueryProvider>,
);
