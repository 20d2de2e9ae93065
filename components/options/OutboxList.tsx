/** Promises and logged emails on their way to the CRMs: waiting, sent (listed for a day) or refused with the reason and "Retry". */
import type { OutboxItem } from '@/lib/sync/types';
import { useGlanceMutation } from '../data/hooks';

const NAMES = { hubspot: 'HubSpot', salesforce: 'Salesforce' } as const;

/** What the CRM record is called there: a logged email is a note in HubSpot, a (completed) task in Salesforce. */
function remoteWord(item: OutboxItem, source: string): string {
  return item.kind === 'email' && source === 'hubspot' ? 'note' : 'task';
}

function stateWords(item: OutboxItem): string {
  if (item.state === 'failed') return `Not written: ${item.error ?? 'the CRM refused it'}`;
  if (item.state === 'sent') {
    const where = Object.entries(item.targets)
      .filter(([, t]) => t.state === 'sent')
      .map(([s, t]) => `${NAMES[s as keyof typeof NAMES]}${t.remoteId ? ` ${remoteWord(item, s)} ${t.remoteId}` : ''}`);
    return where.length ? `Written to ${where.join(' and ')}` : 'Written';
  }
  if (item.nextAttemptAt)
    return `Waiting to sync: ${item.error ?? 'the CRM was busy'}; next try at ${new Date(item.nextAttemptAt).toLocaleTimeString()}`;
  return 'Waiting to sync';
}

export function OutboxList({ items, waitingForConnection }: { items: OutboxItem[]; waitingForConnection: number }) {
  const retry = useGlanceMutation('sync.retry');
  return (
    <section aria-labelledby="outbox-heading" className="outbox">
      <h3 id="outbox-heading">Write-back to the CRM</h3>
      {waitingForConnection > 0 && (
        <p className="muted">
          {waitingForConnection === 1 ? '1 change waits' : `${waitingForConnection} changes wait`} until HubSpot or Salesforce is connected.
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">No promises or logged emails waiting or written today.</p>
      ) : (
        <ul className="outbox__list">
          {items.map((item) => (
            <li key={item.commitmentId} data-outbox-id={item.commitmentId} data-outbox-state={item.state}>
              <span className="outbox__text">{item.text}</span>{' '}
              <span className={item.state === 'failed' ? 'error' : 'muted'}>{stateWords(item)}</span>{' '}
              {item.state === 'failed' && (
                <button
                  type="button"
                  className="button button--small"
                  disabled={retry.isPending}
                  aria-label="Retry"
                  onClick={() => retry.mutate({ commitmentId: item.commitmentId })}
                >
                  Retry
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {retry.isError && (
        <p className="error" role="alert">
          {retry.error.message}
        </p>
      )}
    </section>
  );
}
