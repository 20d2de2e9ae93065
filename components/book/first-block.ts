/**
 * What the book page asks for before anything else: the first block of rows in rank order. No React
 * here, so the book's entry can send it while React and the page load.
 */
import { DEFAULT_QUERY } from '@/lib/book/query';
import { call } from '@/lib/messages/client';

/** Rows per request: the list asks for the blocks around what is on screen. */
export const BLOCK = 100;

export type BookBlock = Awaited<ReturnType<typeof askFirstBlock>>;

export function askFirstBlock() {
  return call('book.query', { query: DEFAULT_QUERY, offset: 0, limit: BLOCK });
}
