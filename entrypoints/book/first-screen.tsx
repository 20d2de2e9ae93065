/** The book page's React side, loaded beside the first request in main.ts. */
import { createRoot } from 'react-dom/client';
import { BookApp } from '@/components/book/BookApp';
import { seedFirstBlock } from '@/components/book/book-hooks';
import type { BookBlock } from '@/components/book/first-block';
import { createQueryClient, GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';
import '@/assets/glance.css';
import '@/assets/book.css';

/** `firstBlock`: the answer main.ts asked for, so the page never asks for its first rows twice. */
export function drawBook(firstBlock: Promise<BookBlock>): void {
  const client = createQueryClient();
  seedFirstBlock(client, firstBlock);
  createRoot(document.getElementById('root')!).render(
    <GlanceQueryProvider client={client}>
      <BookApp />
    </GlanceQueryProvider>,
  );
}
