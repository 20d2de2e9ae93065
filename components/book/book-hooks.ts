/** The book's data over the message API: windows of rows, Today, and the export. */
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { DEFAULT_QUERY, type BookQuery } from '@/lib/book/query';
import { call } from '@/lib/messages/client';
import { BLOCK, type BookBlock } from './first-block';

export { BLOCK };

export const bookKeys = {
  block: (query: BookQuery, block: number) => ['glance', 'book', query, block] as const,
  today: (scope: BookQuery['scope'], limit: number) => ['glance', 'book-today', scope, limit] as const,
};

/**
 * What the book shows first, asked for before React loaded: its first block of rows in rank order.
 * Already `answered`, it is in the first render: the rows drawn without React are replaced by rows, never by "Loading".
 */
export function seedFirstBlock(client: QueryClient, firstBlock: Promise<BookBlock>, answered?: BookBlock) {
  if (answered) client.setQueryData(bookKeys.block(DEFAULT_QUERY, 0), answered);
  else void client.prefetchQuery({ queryKey: bookKeys.block(DEFAULT_QUERY, 0), queryFn: () => firstBlock });
}

export function useBookBlock(query: BookQuery, block: number, enabled = true) {
  return useQuery({
    queryKey: bookKeys.block(query, block),
    queryFn: () => call('book.query', { query, offset: block * BLOCK, limit: BLOCK }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `enabled`: Today is asked for once the first rows are in, so it never holds them back. */
export function useToday(scope: BookQuery['scope'], limit: number, enabled = true) {
  return useQuery({
    queryKey: bookKeys.today(scope, limit),
    queryFn: () => call('book.today', { scope, limit }),
    placeholderData: keepPreviousData,
    enabled,
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
