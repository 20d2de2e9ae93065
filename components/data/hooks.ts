/** Typed queries over the message API. Every key starts with 'glance' so change events refresh them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/messages/client';
import type { PayloadOf, RequestType } from '@/lib/messages/protocol';

export const queryKeys = {
  summary: ['glance', 'summary'] as const,
  settings: ['glance', 'settings'] as const,
  account: (id: string) => ['glance', 'account', id] as const,
  search: (query: string) => ['glance', 'search', query] as const,
  meetings: ['glance', 'meetings'] as const,
};

export const useStoreSummary = () => useQuery({ queryKey: queryKeys.summary, queryFn: () => call('store.summary', {}) });
export const useSettings = () => useQuery({ queryKey: queryKeys.settings, queryFn: () => call('settings.get', {}) });
export const useAccountView = (accountId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.account(accountId ?? ''),
    queryFn: () => call('account.view', { accountId: accountId! }),
    enabled: Boolean(accountId),
  });
export const useAccountSearch = (query: string) =>
  useQuery({
    queryKey: queryKeys.search(query),
    queryFn: () => call('accounts.search', { query }),
    enabled: query.trim().length > 0,
    placeholderData: (previous) => previous,
  });
export const useUpcomingMeetings = () =>
  useQuery({ queryKey: queryKeys.meetings, queryFn: () => call('meetings.upcoming', { withinDays: 7 }) });

/** A mutation for one request type; the background's change event refreshes dependent queries. */
export function useGlanceMutation<K extends RequestType>(type: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (payload: PayloadOf<K>) => call(type, payload),
    onSuccess: () => client.invalidateQueries({ queryKey: ['glance'] }),
  });
}
