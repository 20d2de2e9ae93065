/**
 * The local store: the only code that opens IndexedDB. It lives in the background service worker
 * (extension iframes on host pages are denied IndexedDB); UI pages reach it through lib/messages.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Account, Activity, Commitment, Contact, Ticket, UsagePoint } from '../model/bundle';

/** Index fields the store derives from a record; stripped again on export. */
export interface AccountKeys {
  _domains: string[];
  _sf?: string;
  _hs?: string;
  _name: string;
}
export interface ContactKeys {
  _email: string;
  _sf?: string;
  _hs?: string;
}
export type StoredAccount = Account & AccountKeys;
export type StoredContact = Contact & ContactKeys;

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface ImportLogRow {
  seq?: number;
  at: string;
  source: 'file' | 'sample' | 'sample-removed' | 'crm';
  name: string;
  counts: Record<string, number>;
  rejected: number;
}

/** A change waiting to be written to the CRMs (drained by the connectors). */
export interface OutboxEntry {
  seq?: number;
  createdAt: string;
  entity: 'commitment' | 'activity' | 'contact' | 'account';
  entityId: string;
  accountId: string;
  op: 'upsert' | 'delete';
  /** The record as it was when the change was made: what a connector writes. */
  record: unknown;
  status: 'pending' | 'failed';
  attempts: number;
  lastError?: string;
}

export interface MatchChoice {
  pageKey: string;
  accountId: string;
  at: string;
}

export interface ActionPref {
  accountId: string;
  actionId: string;
  /** Absent: dismissed; an ISO date: snoozed until then. */
  until?: string;
  at: string;
}

/** Schema history. Never edit a released version: add a new one with its upgrade. */
export const SCHEMA_V1 = {
  accounts: 'id, *_domains, _sf, _hs, _name',
  contacts: 'id, accountId, _email, _sf, _hs',
  usage: '[accountId+date], accountId',
  tickets: 'id, accountId',
  commitments: 'id, accountId, status',
  activities: 'id, accountId',
  settings: 'key',
  importLog: '++seq, at',
};

/** v2: the outbox, remembered match choices, action dismissals, and meetings by date for reminders. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  activities: 'id, accountId, [type+date]',
  outbox: '++seq, status, entityId',
  matchChoices: 'pageKey, accountId',
  actionPrefs: '[accountId+actionId], accountId',
};

export const DB_NAME = 'glance';

export class GlanceDB extends Dexie {
  accounts!: EntityTable<StoredAccount, 'id'>;
  contacts!: EntityTable<StoredContact, 'id'>;
  usage!: Table<UsagePoint, [string, string]>;
  tickets!: EntityTable<Ticket, 'id'>;
  commitments!: EntityTable<Commitment, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  importLog!: EntityTable<ImportLogRow, 'seq'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  matchChoices!: EntityTable<MatchChoice, 'pageKey'>;
  actionPrefs!: Table<ActionPref, [string, string]>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
  }
}

/** The record tables a bundle fills, by bundle key. */
export const RECORD_TABLES = ['accounts', 'contacts', 'usage', 'tickets', 'commitments', 'activities'] as const;
