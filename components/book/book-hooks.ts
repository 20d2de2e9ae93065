/** The book's data over the message API: windows of rows, Today, and the export. */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { DEFAULT_QUERY, type BookQuery } from '@/lib/book/query';
import { TODAY_FIRST } from '@/lib/book/today';
import { call } from '@/lib/messages/client';

/** Rows per request: the list asks for the blocks around what is on screen. */
export const BLOCK = 100;

export const bookKeys = {
  block: (query: BookQuery, block: number) => ['glance', 'book', query, block] as const,
  today: (scope: BookQuery['scope'], limit: number) => ['glance', 'book-today', scope, limit] as const,
};

/** What the book shows first: its first block of rows in rank order, and Today. */
export function prefetchBook(client: QueryClient) {
  void client.prefetchQuery({
    queryKey: bookKeys.block(DEFAULT_QUERY, 0),
    queryFn: () => call('book.query', { query: DEFAULT_QUERY, offset: 0, limit: BLOCK }),
  });
  void client.prefetchQuery({
    queryKey: bookKeys.today(DEFAULT_QUERY.scope, TODAY_FIRST),
    queryFn: () => call('book.today', { scope: DEFAULT_QUERY.scope, limit: TODAY_FIRST }),
  });
}

export function useBookBlock(query: BookQuery, block: number, enabled = true) {
  return useQuery({
    queryKey: bookKeys.block(query, block),
    queryFn: () => call('book.query', { query, offset: block * BLOCK, limit: BLOCK }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useToday(scope: BookQuery['scope'], limit: number) {
  return useQuery({
    queryKey: bookKeys.today(scope, limit),
    queryFn: () => call('book.today', { scope, limit }),
    placeholderData: keepPreviousData,
  });
}

/** Asks the background for the CSV of the rows in view and hands it to the browser as a download. */
export async function downloadBookCsv(query: BookQuery, now = new Date()): Promise<number> {
  const { csv, rows } = await call('book.export', { query });
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `glance-book-${now.toISOString().slice(0, 10)}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return rows;
}
