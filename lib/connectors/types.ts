/**
 * What the sync engine knows of a CRM: one connector per source (lib/connectors/<source>/), each with
 * one HTTP client (client.ts), pure mapping from API payloads to bundle records (map.ts) and pure
 * write-back requests for outbox entries (writeback.ts). The engine (lib/sync) only sees this.
 */
import type { RecordsByType, RecordType } from '../model/bundle';
import type { OutboxEntry } from '../store/db';

export type SourceId = 'hubspot' | 'salesforce';

/** The CRM objects a connector pulls, each with a cursor of its own. */
export type SyncObject = 'owners' | 'companies' | 'contacts' | 'deals' | 'tickets' | 'activities';

export interface PullPage {
  /** Records mapped onto the Glance model, ready for a bounded write. */
  records: Partial<RecordsByType>;
  /** Ids (Glance ids) removed in the CRM since the cursor. */
  deleted?: Partial<Record<RecordType, string[]>>;
  /** The cursor to store once this page is written: where the next pull starts. */
  cursor: string | null;
  /** More pages remain for this object in this run. */
  more: boolean;
  /** The window is too old to follow changes (Salesforce keeps deletions 15 days): a full resync is due. */
  resyncRequired?: boolean;
  /** The CRM's users who own records (from the owners pull): whose book an account is in. */
  owners?: CrmOwner[];
  /** What a page of renewal deals says about accounts (HubSpot): merged into the accounts, not records of their own. */
  renewals?: RenewalUpdate[];
  /**
   * Per account (by the Glance id on this page): fields the CRM answered empty, which Glance clears.
   * A field the CRM did not send is not in this list and keeps its value.
   */
  cleared?: Record<string, ClearableField[]>;
  /** Renewal deals / opportunities removed in the CRM (Glance ids): what they fed on their accounts is worked out again. */
  deletedDeals?: string[];
}

/** Account fields a CRM can empty. */
export type ClearableField =
  'arr' | 'renewalDate' | 'tier' | 'currency' | 'owner' | 'domains' | 'lifecycleStage' | 'licensedSeats' | 'activeSeats';

export interface CrmOwner {
  id: string;
  email: string;
  name?: string;
}

export interface RenewalUpdate {
  accountId: string;
  /** The deal's Glance id: an account's renewal is worked out from all its renewal deals, so one removed can be taken out. */
  dealId?: string;
  renewalDate?: string;
  amount?: number;
  closed: boolean;
}

export interface PushResult {
  /** The CRM record that now carries the change (task id). */
  remoteId: string;
}

export interface VerifiedConnection {
  /** What the options page shows: the HubSpot portal or the Salesforce org. */
  label: string;
  /** The CRM user behind the credentials: her book is the accounts this user owns. */
  userId?: string;
  userEmail?: string;
  /** An account's page in the CRM is this followed by its CRM id. */
  accountUrlPrefix?: string;
}

export interface Connector {
  source: SourceId;
  verify(): Promise<VerifiedConnection>;
  pull(object: SyncObject, cursor: string | null): Promise<PullPage>;
  /** Writes one outbox entry exactly once (idempotent across retries). */
  push(entry: OutboxEntry): Promise<PushResult>;
  /** The account's id in this CRM, read from a Glance id this connector made; null for ids from elsewhere. */
  crmAccountId(glanceId: string): string | null;
  /** The Glance id this connector gives the CRM account with this id. */
  glanceAccountId(crmId: string): string;
}

/** How a failed call should be treated: the engine retries, backs off, asks to reconnect or gives up. */
export type FailureKind = 'auth' | 'rate-limit' | 'transient' | 'permanent';

export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    /** From Retry-After or the API's own policy, when it says. */
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
