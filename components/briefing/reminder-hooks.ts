/** The reminder lead time over the message API; keys start with 'glance' so change events refresh them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '@/lib/messages/client';
import type { ReminderSettings } from '@/lib/reminders/settings';

const KEY = ['glance', 'reminders'] as const;

export const useReminderSettings = () => useQuery({ queryKey: KEY, queryFn: () => call('reminders.get', {}) });

export function useSaveReminderSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReminderSettings) => call('reminders.save', { settings }),
    onSuccess: (saved) => client.setQueryData(KEY, saved),
  });
}
