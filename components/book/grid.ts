/**
 * What the book's grid and its React-free first rows (./first-rows.ts) share: the columns, the row
 * height, the status line's words and where a row leads. No React here.
 */
import type { BookQuery, BookSortKey } from '@/lib/book/query';
import type { BookBlock } from './first-block';

export const ROW_HEIGHT = 44;
/** Rows drawn above and below the ones on screen. */
const OVERSCAN = 8;

export const COLUMNS: { key: BookSortKey; label: string; className: string }[] = [
  { key: 'name', label: 'Account', className: 'book-col--name' },
  { key: 'health', label: 'Health', className: 'book-col--health' },
  { key: 'trend', label: 'Trend', className: 'book-col--trend' },
  { key: 'action', label: 'Top action', className: 'book-col--action' },
  { key: 'risks', label: 'Risks', className: 'book-col--num' },
  { key: 'renewal', label: 'Renewal', className: 'book-col--num' },
  { key: 'overdue', label: 'Overdue', className: 'book-col--num' },
  { key: 'lastTouch', label: 'Last touch', className: 'book-col--num' },
  { key: 'arr', label: 'ARR', className: 'book-col--num' },
];

/** The popup page shows one account's briefing when given its id. */
export const briefingHref = (accountId: string) => `/popup.html?account=${encodeURIComponent(accountId)}`;

export function statusText(page: BookBlock, scope: BookQuery['scope']): string {
  const within = `${page.inView} of ${page.inScope} ${scope === 'all' ? 'accounts' : 'of your accounts'}`;
  return page.inScope !== page.total ? `${within} (${page.total} in the book)` : within;
}

/** The rows drawn (from `first`, up to but not including `last`) in a body `height` pixels tall, scrolled to `scrollTop`. */
export function rowWindow(scrollTop: number, height: number, inView: number): { first: number; last: number } {
  return {
    first: Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN),
    last: Math.min(inView, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN),
  };
}
