/**
 * What the sync engine keeps per CRM (in the background's settings table, never in storage.local)
 * and what it tells Glance's pages. Secrets have their own record (SourceSecret) that no request
 * answer is ever built from.
 */
import type { HubSpotFieldMapping } from '../connectors/hubspot/mapping';
import type { SalesforceFieldMapping } from '../connectors/salesforce/map';
import type { SalesforceTokens } from '../connectors/salesforce/oauth';
import type { SourceId, SyncObject } from '../connectors/types';

export type { SourceId, SyncObject };

export const SOURCES: readonly SourceId[] = ['hubspot', 'salesforce'];

/** Owners first (they say whose book an account is in), then accounts before what hangs off them. */
export const SYNC_ORDER: readonly SyncObject[] = ['owners', 'companies', 'contacts', 'deals', 'tickets', 'activities'];

export type SyncState = 'disconnected' | 'syncing' | 'ok' | 'error' | 'reconnect';

/** Records written (per Glance record type), removed and left out in one run. */
export interface RunTotals {
  written: Record<string, number>;
  removed: number;
  /** Records the CRM sent that Glance could not hold, or that are not in her book. */
  skipped: number;
}

/** A run in progress: stored with every page, so a stopped worker resumes at the page it stopped. */
export interface RunProgress extends RunTotals {
  /** Tells this run from one started over in its place (absent on runs stored before it was kept). */
  id?: string;
  startedAt: string;
  /** Index into SYNC_ORDER of the object being read. */
  objectIndex: number;
  /** Every object read from the start (first sync, switch of book, or the CRM's window ran out). */
  full: boolean;
}

export interface RunResult extends RunTotals {
  finishedAt: string;
  full: boolean;
}

export interface SourceRecord {
  source: SourceId;
  connected: boolean;
  state: SyncState;
  /** The portal or org, as verify said. */
  label?: string;
  error?: string;
  /** Something the user should know about the last run, e.g. that it had to read everything again. */
  notice?: string;
  lastSyncAt?: string;
  lastResult?: RunResult;
  run?: RunProgress;
  cursors: Partial<Record<SyncObject, string | null>>;
  /** Only the accounts whose owner is ownerEmail (her book), or the whole CRM. */
  herBook: boolean;
  /** Her CRM user's email: confirmed in options (HubSpot), from the connection's user (Salesforce). */
  ownerEmail?: string;
  /** The connection's own user, as the CRM said (Salesforce userinfo). */
  userEmail?: string;
  accountUrlPrefix?: string;
  /** The org's My Domain (Salesforce): where sign-in and tokens go. Not a secret. */
  myDomain?: string;
  /** No write-back to this CRM before this time (ISO): it asked Glance to slow down. */
  outboxPausedUntil?: string;
  connectedAt?: string;
}

export type FieldMappings = { hubspot: HubSpotFieldMapping; salesforce: SalesforceFieldMapping };

/** Credentials, kept by the background alone. */
export type SourceSecret =
  { source: 'hubspot'; accessToken: string } | { source: 'salesforce'; tokens: SalesforceTokens; clientId: string; myDomain: string };

export function emptySource(source: SourceId): SourceRecord {
  return { source, connected: false, state: 'disconnected', cursors: {}, herBook: true };
}

/** The fields of the mapping the options page edits (CSM owner, health, NPS, ARR, renewal date, tier). */
export interface MappingFields {
  owner: string;
  health: string;
  nps: string;
  arr: string;
  renewalDate: string;
  tier: string;
}

/** What the options page shows for one CRM: no token, no refresh token, no consumer key. */
export interface SourceStatus {
  source: SourceId;
  state: SyncState;
  label?: string;
  error?: string;
  notice?: string;
  lastSyncAt?: string;
  /** The last run in plain words ("Synced 10 companies, 34 contacts, 2 removed"). */
  lastResult?: string;
  /** While syncing: records written so far in this run, and the object being read. */
  progress?: { records: number; object: SyncObject };
  herBook: boolean;
  ownerEmail?: string;
  /** A suggestion for ownerEmail when none is confirmed yet (the other CRM's user). */
  suggestedOwnerEmail?: string;
  /** How many CRM users own records, and whether ownerEmail is one of them. */
  owners: number;
  ownerKnown: boolean;
  myDomain?: string;
  accountUrlPrefix?: string;
  mapping: MappingFields;
}

export type OutboxItemState = 'pending' | 'sent' | 'failed';

/** One commitment's write-back, across its queued changes and the connected CRMs. */
export interface OutboxItem {
  commitmentId: string;
  accountId: string;
  /** A logged promise becomes a CRM task; a logged email a HubSpot note or a completed Salesforce task. */
  kind: 'promise' | 'email';
  text: string;
  state: OutboxItemState;
  error?: string;
  /** The next automatic attempt (ISO), after a busy or failing CRM. */
  nextAttemptAt?: string;
  sentAt?: string;
  /** Per CRM: where it got to, with the task id once there. */
  targets: Partial<Record<SourceId, { state: 'pending' | 'sent' | 'failed' | 'skipped'; remoteId?: string; error?: string }>>;
}

export interface SyncStatus {
  sources: SourceStatus[];
  outbox: OutboxItem[];
  /** Changes waiting because no CRM is connected yet. */
  waitingForConnection: number;
  /** The address Salesforce sends the sign-in back to: the admin registers it as the app's callback URL. */
  callbackUrl?: string;
}
