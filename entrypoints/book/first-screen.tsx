/** The book page's React side, loaded beside the first request in main.ts. */
import { createRoot } from 'react-dom/client';
import { BookApp } from '@/components/book/BookApp';
import { seedFirstBlock } from '@/components/book/book-hooks';
import type { BookBlock } from '@/components/book/first-block';
import { createQueryClient, GlanceQueryProvider } from '@/components/data/GlanceQueryProvider';

/**
 * `firstBlock`: the answer main.ts asked for, so the page never asks for its first rows twice;
 * `answered`: that answer if it is already in (and its rows drawn), so the first render shows them.
 */
export function drawBook(root: HTMLElement, firstBlock: Promise<BookBlock>, answered?: BookBlock): void {
  const client = createQueryClient();
  seedFirstBlock(client, firstBlock, answered);
  createRoot(root).render(
    <GlanceQueryProvider client={client}>
      <BookApp />
    </GlanceQueryProvider>,
  );
}
