/**
 * The local store: the only code that opens IndexedDB. It lives in the background service worker
 * (extension iframes on host pages are denied IndexedDB); UI pages reach it through lib/messages.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CachedInsight } from '../insights/cache';
import type { Account, Activity, Commitment, Contact, Ticket, UsagePoint } from '../model/bundle';
import { contactNameKey } from '../match/names';
import { packOf } from './contacts';

/** Index fields the store derives from a record; stripped again on export. */
export interface AccountKeys {
  _domains: string[];
  _sf?: string;
  _hs?: string;
  _name: string;
  /** Set by a CRM sync: where the account's data came from and when (lib/store/sync-writes.ts). */
  _synced?: { source: 'hubspot' | 'salesforce'; at: string; crmId: string };
}
export interface ContactKeys {
  _email: string;
  /** contactNameKey(name): Outlook shows recipients by name only. */
  _name?: string;
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
  /** Commitments of the file left as they were because they changed here since the file was made. */
  kept?: number;
  /** The import was interrupted and Glance finished it on its own: how. */
  recovery?: 'resumed';
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
  /**
   * pending: some connected CRM still has to take it; failed: a CRM refused it for good (the user
   * may retry); sent: every connected CRM has it (kept a while so the options page can list it).
   */
  status: 'pending' | 'failed' | 'sent';
  attempts: number;
  lastError?: string;
  /** Per connected CRM: how far this change got there. New on v2 rows; no index, so no schema change. */
  delivery?: Partial<Record<'hubspot' | 'salesforce', Delivery>>;
  /** When the last CRM took it (status sent). */
  sentAt?: string;
}

/** One CRM's side of an outbox entry. */
export interface Delivery {
  state: 'pending' | 'sent' | 'failed' | 'skipped';
  /** The CRM record (task) that carries the change, recorded the moment the push returns. */
  remoteId?: string;
  attempts: number;
  lastError?: string;
  /** Not before this time (ISO): backoff after a busy or failing CRM. */
  nextAttemptAt?: string;
  at?: string;
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

/**
 * v3: imports are staged and journalled in IndexedDB so that a commit runs as a sequence of small
 * transactions and survives the service worker being stopped half-way (see lib/store/import-journal.ts).
 * Only new tables: every v2 row is kept as it is.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  importJobs: 'id, state',
  importStaged: '++seq, importId',
  importUndo: '++seq, importId',
};

/**
 * v4: contacts by name, for hosts that show people by name only (Outlook on the web's recipients);
 * what the user did with what Glance found in an email thread: suggestions dismissed per thread,
 * and customer feedback kept per account; the insights cache, one row per account with the version
 * of its inputs (lib/insights/cache.ts).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  contacts: 'id, accountId, _email, _sf, _hs, _name',
  threadDismissals: '[threadId+suggestionId], threadId',
  feedback: 'id, accountId',
  insights: 'accountId',
};

/**
 * v5: contacts are stored one row per account (a contact pack) instead of one row per contact. An
 * import writes an account's ten contacts as one record rather than ten, each with five index
 * entries written on its own, which made the commit run at the bare put rate of single contacts;
 * look-ups go through multi-entry indexes over the pack's contacts. The upgrade moves every contact
 * into its account's pack and drops the contacts table. lib/store/contacts.ts owns the layout.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  contacts: null,
  contactPacks: 'accountId, *_ids, *_emails, *_names, *_sf, *_hs',
};

/**
 * An account's contacts (sorted by id, as the contacts table's account index gave them) and, for the
 * indexes, the keys of each: one entry per distinct value, so a look-up finds the pack and then picks
 * the contacts with that key out of it.
 */
export interface ContactPack {
  accountId: string;
  contacts: StoredContact[];
  _ids: string[];
  _emails: string[];
  _names: string[];
  _sf: string[];
  _hs: string[];
}

/** A suggestion found in a thread that the user dismissed: not offered again on that thread. */
export interface ThreadDismissal {
  threadId: string;
  suggestionId: string;
  at: string;
}

/** A feature request or product feedback from a customer's email, kept for the account. */
export interface FeedbackRecord {
  id: string;
  accountId: string;
  kind: 'feature-request' | 'feedback';
  text: string;
  from?: string;
  /** When the customer wrote it (the message's sent time), else when it was kept. */
  at: string;
  threadId?: string;
  url?: string;
}

/** Where an import is: staged while the file is uploaded, then committed batch by batch, or rolled back. */
export type ImportJobState = 'staging' | 'committing' | 'committed' | 'rolling-back' | 'rolled-back' | 'discarded';

export interface ImportJob {
  id: string;
  name: string;
  /** The file's generatedAt: how old its records are, for the commitments changed here since. */
  generatedAt?: string;
  state: ImportJobState;
  startedAt: string;
  /** Last staging or commit step: a staging import untouched for long was abandoned. */
  touchedAt: string;
  finishedAt?: string;
  /** Valid records staged, records applied so far, and the file's refused records. */
  total: number;
  written: number;
  rejected: number;
  counts: Record<string, number>;
  /** Commitments in the file that were left alone because they changed here after the file was made. */
  kept: number;
  /** Set when Glance found this import interrupted (service worker stopped, page closed) and finished it on its own. */
  recovery?: 'resumed' | 'rolled-back' | 'discarded';
  error?: string;
}

/** One uploaded chunk of valid records of one type, waiting for commit. */
export interface StagedChunk {
  seq?: number;
  importId: string;
  type: (typeof RECORD_TABLES)[number];
  records: unknown[];
}

/** What one committed batch replaced: each key with the record stored before (absent: there was none). */
export interface UndoBatch {
  seq?: number;
  importId: string;
  type: (typeof RECORD_TABLES)[number];
  entries: { key: unknown; before?: unknown }[];
  /**
   * Set on contacts' batches since v5: the entries are contact packs (key: accountId) and this many
   * contacts were applied. Without it a contacts batch holds single contacts (written before v5).
   */
  packedContacts?: number;
}

export const DB_NAME = 'glance';

export class GlanceDB extends Dexie {
  accounts!: EntityTable<StoredAccount, 'id'>;
  contactPacks!: EntityTable<ContactPack, 'accountId'>;
  usage!: Table<UsagePoint, [string, string]>;
  tickets!: EntityTable<Ticket, 'id'>;
  commitments!: EntityTable<Commitment, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  importLog!: EntityTable<ImportLogRow, 'seq'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  matchChoices!: EntityTable<MatchChoice, 'pageKey'>;
  actionPrefs!: Table<ActionPref, [string, string]>;
  importJobs!: EntityTable<ImportJob, 'id'>;
  importStaged!: EntityTable<StagedChunk, 'seq'>;
  importUndo!: EntityTable<UndoBatch, 'seq'>;
  threadDismissals!: Table<ThreadDismissal, [string, string]>;
  feedback!: EntityTable<FeedbackRecord, 'id'>;
  insights!: EntityTable<CachedInsight, 'accountId'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade((tx) =>
        tx
          .table('contacts')
          .toCollection()
          .modify((contact: StoredContact) => {
            const name = contactNameKey(contact.name);
            if (name) contact._name = name;
          }),
      );
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        // In account order, so each account's contacts arrive together and a pack is written once.
        const packs = tx.table('contactPacks');
        let group: StoredContact[] = [];
        const flush = () => {
          if (group.length) void packs.put(packOf(group[0].accountId, group));
          group = [];
        };
        await tx
          .table('contacts')
          .orderBy('accountId')
          .each((contact: StoredContact) => {
            if (group.length && group[0].accountId !== contact.accountId) flush();
            group.push(contact);
          });
        flush();
      });
  }
}

/** The record tables a bundle fills, by bundle key. */
export const RECORD_TABLES = ['accounts', 'contacts', 'usage', 'tickets', 'commitments', 'activities'] as const;

/** Where a bundle key's records are stored: contacts live in packs (lib/store/contacts.ts). */
export const STORE_OF = {
  accounts: 'accounts',
  contacts: 'contactPacks',
  usage: 'usage',
  tickets: 'tickets',
  commitments: 'commitments',
  activities: 'activities',
} as const satisfies Record<(typeof RECORD_TABLES)[number], string>;

/** The tables holding the records of a bundle, for a transaction over all of them. */
export const recordStores = (db: GlanceDB) => RECORD_TABLES.map((t) => db.table(STORE_OF[t]));
