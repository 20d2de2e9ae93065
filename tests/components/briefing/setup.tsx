/** Renders briefing components over a QueryClient, with the message API answered from the sample book. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { AccountView, UpcomingMeeting } from '@/lib/account-view/types';
import type { ReminderSettings } from '@/lib/reminders/settings';
import { NOW, sampleView } from '../../unit/briefing/sample-view';

export { NOW, sampleView };

export interface Backend {
  views: Record<string, AccountView>;
  meetings: UpcomingMeeting[];
  reminders: ReminderSettings;
  tabMatch?: unknown;
}

export function backend(over: Partial<Backend> = {}): Backend {
  const acme = sampleView('sample-acme');
  return {
    views: { 'sample-acme': acme, 'sample-globex': sampleView('sample-globex') },
    meetings: acme.upcomingMeetings.map((m) => ({
      activityId: m.id,
      accountId: m.accountId,
      accountName: 'Acme Robotics',
      date: m.date,
      summary: m.summary,
    })),
    reminders: { enabled: true, leadMinutes: 10 },
    ...over,
  };
}

/** The `call` double: answers each request type the way the background would. */
export function answer(b: Backend) {
  return async (type: string, payload: Record<string, unknown>) => {
    switch (type) {
      case 'account.view':
        return b.views[payload.accountId as string] ?? null;
      case 'meetings.upcoming':
        return b.meetings;
      case 'reminders.get':
        return b.reminders;
      case 'reminders.save':
        b.reminders = payload.settings as ReminderSettings;
        return b.reminders;
      case 'accounts.search':
        return Object.values(b.views)
          .filter((v) => v.account.name.toLowerCase().includes(String(payload.query).toLowerCase()))
          .map((v) => ({ id: v.account.id, name: v.account.name }));
      case 'page.match':
        return b.tabMatch;
      default:
        return null;
    }
  };
}

export function renderWithClient(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}
