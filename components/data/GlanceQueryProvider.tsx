/** TanStack Query over the message API; the background's change events refresh what they touched. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { onDataChanged } from '@/lib/messages/client';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Local data: no background refetching, no retries hiding a real error.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export function GlanceQueryProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  useEffect(
    () =>
      onDataChanged(() => {
        // Every view depends on records, so any change refreshes all Glance queries; they are local and cheap.
        void queryClient.invalidateQueries({ queryKey: ['glance'] });
      }),
    [queryClient],
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
