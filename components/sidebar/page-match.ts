/** The query that matches the page in view to an account; also started the moment a context arrives. */
import type { QueryClient } from '@tanstack/react-query';
import type { PageContext } from '@/lib/hosts/types';
import { call } from '@/lib/messages/client';
import type { PageMatch } from '@/lib/messages/protocol';
import { queryKeys } from '../data/hooks';

export interface FirstMatch {
  context: PageContext;
  match: PageMatch;
}

const keyOf = (context: PageContext | null) => (context ? JSON.stringify(context) : '');

/**
 * A sidebar on a host page gets its first page's match together with its session (sidebar.redeem),
 * one round trip instead of two. Until then, a match query waits for this rather than asking again.
 */
let firstMatch: Promise<FirstMatch | null> | null = null;
export function expectFirstMatch(answer: Promise<FirstMatch | null>): void {
  firstMatch = answer;
}

async function takeFirstMatch(context: PageContext): Promise<PageMatch | null> {
  const first = firstMatch && (await firstMatch);
  if (!first || keyOf(first.context) !== keyOf(context)) return null;
  firstMatch = null;
  return first.match;
}

export function pageMatchQuery(client: QueryClient, context: PageContext | null) {
  return {
    queryKey: ['glance', 'page-match', keyOf(context)] as const,
    enabled: context !== null,
    queryFn: async (): Promise<PageMatch> => {
      const result = (await takeFirstMatch(context!)) ?? (await call('page.match', { context: context! }));
      // Seed the account's own query so the view shows without a second round trip.
      if (result.view) client.setQueryData(queryKeys.account(result.view.account.id), result.view);
      return result;
    },
  };
}

/**
 * The first page's match as already drawn (without React): in the cache before React's first render,
 * so that render is the matched account, not the loading state.
 */
export function seedFirstMatch(client: QueryClient, first: FirstMatch): void {
  firstMatch = null;
  client.setQueryData(pageMatchQuery(client, first.context).queryKey, first.match);
  if (first.match.view) client.setQueryData(queryKeys.account(first.match.view.account.id), first.match.view);
}

/** Starts matching before React renders the loading state: the round trip overlaps the render. */
export function prefetchPageMatch(client: QueryClient, context: PageContext): void {
  void client.prefetchQuery(pageMatchQuery(client, context));
}
