/**
 * CRM connections on the options page: each CRM's panel (data-source, data-sync-state,
 * data-last-sync), "Sync now", and the write-back queue. Data through the message API only.
 */
import { useQuery } from '@tanstack/react-query';
import { call } from '@/lib/messages/client';
import type { SyncStatus } from '@/lib/sync/types';
import { useGlanceMutation } from '../data/hooks';
import { OutboxList } from './OutboxList';
import { SourcePanel } from './SourcePanel';

export const syncStatusKey = ['glance', 'sync-status'] as const;

/** While something moves (a sync, a queued change) the page follows it; otherwise change events refresh it. */
function busy(status: SyncStatus | undefined): boolean {
  return !!status && (status.sources.some((s) => s.state === 'syncing') || status.outbox.some((i) => i.state === 'pending'));
}

export function ConnectionsPanel() {
  const status = useQuery({
    queryKey: syncStatusKey,
    queryFn: () => call('sync.status', {}),
    refetchInterval: (query) => (busy(query.state.data) ? 1500 : false),
  });
  const syncNow = useGlanceMutation('sync.now');
  const connected = status.data?.sources.some((s) => s.state !== 'disconnected') ?? false;

  return (
    <section className="card connections" aria-labelledby="connections-heading">
      <h2 id="connections-heading">Connections</h2>
      <p className="muted">
        Glance keeps a copy of your CRM book on this computer and writes the promises you log back to the CRM as tasks. It syncs every 15
        minutes.
      </p>
      <div className="row">
        <button type="button" className="button" disabled={syncNow.isPending} onClick={() => syncNow.mutate({})}>
          Sync now
        </button>
        <span aria-live="polite">{syncNow.isSuccess && !connected ? 'Connect HubSpot or Salesforce first.' : null}</span>
      </div>
      {syncNow.isError && (
        <p className="error" role="alert">
          {syncNow.error.message}
        </p>
      )}
      {status.isError && (
        <p className="error" role="alert">
          Glance could not read the connections: {status.error.message}
        </p>
      )}
      {status.data?.sources.map((source) => (
        <SourcePanel key={source.source} status={source} callbackUrl={status.data?.callbackUrl} />
      ))}
      {status.data && <OutboxList items={status.data.outbox} waitingForConnection={status.data.waitingForConnection} />}
    </section>
  );
}
