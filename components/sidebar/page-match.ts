/** The query that matches the page in view to an account; also started the moment a context arrives. */
import type { QueryClient } from '@tanstack/react-query';
import type { PageContext } from '@/lib/hosts/types';
import { call } from '@/lib/messages/client';
import type { PageMatch } from '@/lib/messages/protocol';
import { queryKeys } from '../data/hooks';

export function pageMatchQuery(client: QueryClient, context: PageContext | null) {
  return {
    queryKey: ['glance', 'page-match', context ? JSON.stringify(context) : ''] as const,
    enabled: context !== null,
    queryFn: async (): Promise<PageMatch> => {
      const result = await call('page.match', { context: context! });
      // Seed the account's own query so the view shows without a second round trip.
      if (result.view) client.setQueryData(queryKeys.account(result.view.account.id), result.view);
      return result;
    },
  };
}

/** Starts matching before React renders the loading state: the round trip overlaps the render. */
export function prefetchPageMatch(client: QueryClient, context: PageContext): void {
  void client.prefetchQuery(pageMatchQuery(client, context));
}
