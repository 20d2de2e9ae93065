/** "Synced 3 min ago from HubSpot company 9001": where the account's data came from, linked to the CRM record. */
import type { AccountView } from '@/lib/account-view/types';
import { ago } from '@/lib/sync/words';

export function SyncedLine({ sync }: { sync: NonNullable<AccountView['sync']> }) {
  const record = sync.source === 'hubspot' ? `HubSpot company ${sync.crmId}` : 'Salesforce account';
  return (
    <p className="muted synced-line">
      Synced {ago(sync.at, new Date())} from{' '}
      {sync.url ? (
        <a href={sync.url} target="_blank" rel="noopener noreferrer">
          {record}
        </a>
      ) : (
        record
      )}
    </p>
  );
}
