/**
 * What Glance finds in the open thread, read after the account is on screen (its messages asked of
 * the page then, and read a macrotask later, so the account's first paint never waits for them), and
 * what the user already did with it.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { AccountView } from '@/lib/account-view/types';
import type { PageContext } from '@/lib/hosts/types';
import { call } from '@/lib/messages/client';
import { isFreeMailDomain, registrableDomain } from '@/lib/match/domains';
import { readThread, type ThreadFindings } from '@/lib/thread';
import { useThreadMessages } from './use-thread-messages';

export type ThreadContext = Extract<PageContext, { kind: 'thread' }>;

export const threadKeys = {
  state: (threadId: string) => ['glance', 'thread', threadId] as const,
  feedback: (accountId: string) => ['glance', 'feedback', accountId] as const,
  profile: ['glance', 'profile'] as const,
};

/** The user's company domains; without a profile, the domain of the signed-in address (unless it is free mail). */
function ownDomainsOf(profileDomains: string[] | undefined, userEmail: string | undefined): string[] {
  if (profileDomains?.length) return profileDomains;
  const domain = userEmail ? registrableDomain(userEmail) : null;
  return domain && !isFreeMailDomain(domain) ? [domain] : [];
}

export function useThreadFindings(context: ThreadContext, view: AccountView): ThreadFindings | null {
  const profile = useQuery({ queryKey: threadKeys.profile, queryFn: () => call('profile.get', {}) });
  const [read, setRead] = useState<{ context: ThreadContext; findings: ThreadFindings } | null>(null);
  const messages = useThreadMessages(context);
  const ready = !profile.isPending && messages !== undefined;
  const { account, contacts } = view;

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => {
      const findings = readThread(messages!, {
        threadId: context.threadId,
        ownDomains: ownDomainsOf(profile.data?.ownDomains, context.userEmail),
        userEmail: context.userEmail,
        accountName: account.name,
        accountDomains: account.domains ?? [],
        contactEmails: contacts.map((c) => c.email),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        now: new Date(),
      });
      setRead({ context, findings });
    }, 0);
    return () => clearTimeout(timer);
  }, [ready, profile.data, context, messages, account, contacts]);

  // Until this thread is read, nothing: never the previous thread's findings under this one.
  return read?.context === context ? read.findings : null;
}

export function useThreadState(threadId: string) {
  return useQuery({ queryKey: threadKeys.state(threadId), queryFn: () => call('thread.state', { threadId }) });
}

export function useAccountFeedback(accountId: string) {
  return useQuery({ queryKey: threadKeys.feedback(accountId), queryFn: () => call('feedback.list', { accountId }) });
}
