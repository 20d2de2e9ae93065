/**
 * What the open thread's messages say. The content script sends the context without them (matching
 * needs only the people) and reads them when asked, so a thread that matches no account, or a thread
 * swap, costs the host page no reading of bodies and dates. Asked once per context, when a view shows them.
 */
import { useQuery } from '@tanstack/react-query';
import type { PageContext, ThreadMessage } from '@/lib/hosts/types';
import { requestMessages } from '../sidebar/selection';

type ThreadContext = Extract<PageContext, { kind: 'thread' }>;

export function useThreadMessages(context: ThreadContext | null): ThreadMessage[] | undefined {
  const { data } = useQuery({
    // Not under 'glance': a change of the book (which refetches 'glance' queries) changes no email.
    queryKey: ['host', 'thread-messages', context ? JSON.stringify(context) : ''] as const,
    enabled: context !== null,
    queryFn: async () => context!.messages ?? (await requestMessages()) ?? [],
    staleTime: Infinity,
    retry: false,
  });
  return data;
}
