/** ActionsCard wired to the background: dismiss, snooze and restore go through the message API. */
import type { ActionsResult } from '@/lib/insights';
import { useGlanceMutation } from '../data/hooks';
import { ActionsCard } from './ActionsCard';

export interface ConnectedActionsCardProps {
  accountId: string;
  actions: ActionsResult;
  now?: string | number | Date;
  compact?: boolean;
}

export function ConnectedActionsCard({ accountId, actions, now, compact }: ConnectedActionsCardProps) {
  const snooze = useGlanceMutation('action.snooze');
  const restore = useGlanceMutation('action.restore');
  const failed = snooze.error ?? restore.error;
  return (
    <ActionsCard
      accountId={accountId}
      actions={actions}
      now={now}
      compact={compact}
      busy={snooze.isPending || restore.isPending}
      error={failed ? `Could not save that change: ${failed.message}` : null}
      onSnooze={(actionId, until) => snooze.mutate(until ? { accountId, actionId, until } : { accountId, actionId })}
      onRestore={(actionId) => restore.mutate({ accountId, actionId })}
    />
  );
}
