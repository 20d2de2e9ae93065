/**
 * The one message API between UI pages / content script and the background.
 * Every request type is declared here with the zod schema of its payload (checked on arrival)
 * and the type of its response. Nothing else invents message strings.
 */
import { z } from '../schema/zod';
import { RECORD_TYPES, commitmentSchema, isoDate, type Activity, type Commitment, type Contact } from '../model/bundle';
import type { MatchResult } from '../match/types';
import type { PageContext } from '../hosts/types';
import { MAX_TOKEN_LENGTH } from './frame';
import type { Rejection } from '../import/validate';
import type { RecordCounts } from '../store/records';
import type { FeedbackRecord, ImportJob, ImportLogRow } from '../store/db';
import type { AccountView, AccountSummary, UpcomingMeeting } from '../account-view/types';
import type { PlaybookSettings } from '../settings';
import { pageContextSchema } from './page-context-schema';
import { profileSchema, type Profile } from '../settings/profile';
import { reminderSettingsSchema, type ReminderSettings } from '../reminders/settings';
import type { SourceStatus, SyncStatus } from '../sync/types';
import { BOOK_FILTER_IDS, BOOK_SORT_KEYS, type BookFilterId } from '../book/query';
import { digestSettingsSchema, type DigestSettings } from '../book/digest-settings';
import { TODAY_MOST, type TodayPage } from '../book/today';
import type { AccountInsight } from '../insights/summary';

/** Declares an endpoint: the payload schema is a value, the response a type. */
function endpoint<Response>() {
  return <Payload extends z.ZodType>(payload: Payload) => ({ payload, response: undefined as unknown as Response });
}

const id = z.string().min(1).max(200);

/** The fields of a commitment a page may change; see lib/commitments/patch. */
const commitmentPatchSchema = z
  .strictObject({
    text: commitmentSchema.shape.text.optional(),
    kind: commitmentSchema.shape.kind.optional(),
    owner: commitmentSchema.shape.owner.optional(),
    status: commitmentSchema.shape.status.optional(),
    dueDate: isoDate.nullable().optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), { message: 'expected at least one field to change' });

export interface StoreSummary {
  counts: RecordCounts;
  sampleAccounts: number;
  lastImport?: ImportLogRow;
  outboxPending: number;
  /** The newest import Glance found interrupted and resumed or rolled back on its own. */
  interruptedImport?: Pick<ImportJob, 'name' | 'state' | 'recovery' | 'written' | 'total' | 'touchedAt'>;
}

/** One step of an import's commit: the page asks again until `done`. */
export interface ImportCommitStep {
  done: boolean;
  written: number;
  total: number;
  counts: RecordCounts;
  /** Commitments of the file left as they are because they changed here since the file was made. */
  kept: number;
}

/** What an export will hold: counts per record type, and the time written into the file. */
export interface ExportStart {
  exportId: string;
  generatedAt: string;
  counts: RecordCounts;
}

/** Primary key of a record: an id, or [accountId, date] for usage points. */
const recordKey = z.union([z.string().max(400), z.array(z.string().max(400)).max(2)]);
export type RecordKey = z.infer<typeof recordKey>;

/** A page of one record type in key order; `lastKey` is where the next page starts after. */
export interface ExportPage {
  records: unknown[];
  lastKey?: RecordKey;
  done: boolean;
}

/** Most records an export page holds (pages are also cut at EXPORT_PAGE_BYTES of JSON). */
export const EXPORT_PAGE_LIMIT = 5000;

/** What the user already did on an open thread: the suggestions dismissed, and whether the thread is logged as a touch. */
export interface ThreadState {
  dismissed: string[];
  touchLogged: boolean;
}

/** The thread as the sidebar read it: what a touch is made of. */
const threadContextSchema = pageContextSchema.options[0];

const feedbackSchema = z.strictObject({
  id,
  accountId: id,
  kind: z.enum(['feature-request', 'feedback']),
  text: z.string().min(1).max(2000),
  from: z.string().max(320).optional(),
  at: isoDate,
  threadId: z.string().max(200).optional(),
  url: z
    .string()
    .max(4000)
    .regex(/^https?:\/\//i, 'expected an http(s) address')
    .optional(),
}) satisfies z.ZodType<FeedbackRecord>;

export interface PageMatch {
  match: MatchResult;
  /** Key under which a manual choice for this page is remembered; absent for lists. */
  pageKey?: string;
  /** Present when matched: saves the sidebar a round trip. */
  view?: AccountView;
}

const source = z.enum(['hubspot', 'salesforce']);
const crmName = z.string().trim().max(100);
const bookQuerySchema = z.object({
  scope: z.enum(['mine', 'all']),
  filters: z.array(z.enum(BOOK_FILTER_IDS as [BookFilterId, ...BookFilterId[]])).max(BOOK_FILTER_IDS.length),
  text: z.string().max(200),
  sort: z.object({ key: z.enum(BOOK_SORT_KEYS), direction: z.enum(['asc', 'desc']) }),
});

/** Most rows one book.query answers: the page asks for the window it shows. */
export const BOOK_PAGE_LIMIT = 500;

/** A window of the book's rows in view, with what the filters and the header need. */
export interface BookPage {
  rows: AccountInsight[];
  offset: number;
  /** Rows in view (owner, text and filters applied). */
  inView: number;
  counts: Record<BookFilterId, number>;
  /** Accounts in the scope before text and filters. */
  inScope: number;
  /** Every account in the book. */
  total: number;
  /** Who "mine" means (profile); empty: every account counts as hers. */
  me: string[];
  asOf: string;
  /** The background is still checking a big book after a change: some rows may be the ones judged before it. */
  updating: boolean;
}

export const api = {
  /**
   * A content script asks for its tab's one-time sidebar token; the sidebar redeems it for a session key.
   * With the page it mounts the sidebar on, the background matches it while the frame loads.
   */
  'sidebar.register': endpoint<{ token: string }>()(z.object({ context: pageContextSchema.optional() })),
  // With the page in view, the answer carries its match too, and the profile (its theme): a cold sidebar saves two round trips.
  'sidebar.redeem': endpoint<{ session: string; match?: PageMatch; context?: PageContext; profile?: Profile }>()(
    z.object({ token: z.string().min(1).max(MAX_TOKEN_LENGTH), context: pageContextSchema.optional() }),
  ),
  'store.summary': endpoint<StoreSummary>()(z.object({})),
  'import.begin': endpoint<{ importId: string }>()(z.object({ name: z.string().max(500), generatedAt: z.string().max(64).optional() })),
  'import.chunk': endpoint<{ accepted: number; rejected: Rejection[] }>()(
    z.object({
      importId: id,
      type: z.enum(RECORD_TYPES),
      offset: z.number().int().nonnegative(),
      records: z.array(z.unknown()).max(20000),
    }),
  ),
  'import.commit': endpoint<ImportCommitStep>()(z.object({ importId: id })),
  'import.abort': endpoint<{ state: ImportJob['state'] | 'unknown' }>()(z.object({ importId: id })),
  /** A column mapping the user confirmed for a CSV header row (lib/import/exports), by that row's key. */
  'import.mapping.get': endpoint<string[] | null>()(z.object({ headerKey: z.string().min(1).max(20000) })),
  'import.mapping.save': endpoint<null>()(
    z.object({ headerKey: z.string().min(1).max(20000), choices: z.array(z.string().min(1).max(100)).min(1).max(500) }),
  ),
  'export.begin': endpoint<ExportStart>()(z.object({})),
  'export.page': endpoint<ExportPage>()(
    z.object({
      exportId: id,
      type: z.enum(RECORD_TYPES),
      afterKey: recordKey.optional(),
      limit: z.number().int().min(1).max(EXPORT_PAGE_LIMIT).optional(),
    }),
  ),
  'sample.load': endpoint<{ counts: RecordCounts }>()(z.object({})),
  'sample.remove': endpoint<{ removedAccounts: number }>()(z.object({})),
  'page.match': endpoint<PageMatch>()(z.object({ context: pageContextSchema })),
  'match.choose': endpoint<null>()(z.object({ pageKey: z.string().min(1).max(300), accountId: id })),
  'accounts.search': endpoint<AccountSummary[]>()(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).optional() }),
  ),
  'account.view': endpoint<AccountView | null>()(z.object({ accountId: id })),
  'commitment.save': endpoint<Commitment>()(z.object({ commitment: commitmentSchema })),
  /** Changes only the given fields of the commitment as stored now. */
  'commitment.update': endpoint<Commitment>()(z.object({ id, patch: commitmentPatchSchema })),
  'commitment.setStatus': endpoint<Commitment>()(z.object({ id, status: z.enum(['open', 'done', 'cancelled']) })),
  /** Found in this email: what was dismissed on the thread, and whether it is logged. */
  'thread.state': endpoint<ThreadState>()(z.object({ threadId: z.string().min(1).max(200) })),
  'thread.dismiss': endpoint<null>()(z.object({ threadId: z.string().min(1).max(200), suggestionId: id })),
  /** "Log this email": the thread as a touch (with its outbox entry); the champion's last response follows. */
  'thread.logTouch': endpoint<{ touch: Activity; championUpdated: boolean }>()(z.object({ accountId: id, context: threadContextSchema })),
  'contact.add': endpoint<Contact>()(
    z.object({
      accountId: id,
      name: z.string().max(300).optional(),
      email: z
        .string()
        .max(320)
        .regex(/^[^\s@]+@[^\s@]+$/, 'expected an email address'),
    }),
  ),
  'feedback.save': endpoint<FeedbackRecord>()(z.object({ feedback: feedbackSchema })),
  'feedback.list': endpoint<FeedbackRecord[]>()(z.object({ accountId: id })),
  'action.snooze': endpoint<null>()(z.object({ accountId: id, actionId: id, until: z.string().max(64).optional() })),
  'action.restore': endpoint<null>()(z.object({ accountId: id, actionId: id })),
  'settings.get': endpoint<PlaybookSettings>()(z.object({})),
  'settings.save': endpoint<PlaybookSettings>()(z.object({ settings: z.unknown() })),
  'meetings.upcoming': endpoint<UpcomingMeeting[]>()(z.object({ withinDays: z.number().int().min(1).max(60).optional() })),
  'profile.get': endpoint<Profile>()(z.object({})),
  'profile.save': endpoint<Profile>()(z.object({ profile: profileSchema })),
  'reminders.get': endpoint<ReminderSettings>()(z.object({})),
  'reminders.save': endpoint<ReminderSettings>()(z.object({ settings: reminderSettingsSchema })),
  /** CRM connections and the write-back queue (page role only: answers never carry a credential). */
  'sync.status': endpoint<SyncStatus>()(z.object({})),
  'sync.connect': endpoint<SourceStatus>()(
    z.discriminatedUnion('source', [
      z.object({ source: z.literal('hubspot'), accessToken: z.string().max(1000) }),
      z.object({ source: z.literal('salesforce'), myDomain: z.string().max(300), consumerKey: z.string().max(1000) }),
    ]),
  ),
  'sync.disconnect': endpoint<null>()(z.object({ source })),
  /** Starts a sync of one CRM, or of every connected one; the page follows it through sync.status. */
  'sync.now': endpoint<null>()(z.object({ source: source.optional() })),
  'sync.configure': endpoint<SourceStatus>()(
    z.object({
      source,
      herBook: z.boolean().optional(),
      ownerEmail: z.string().trim().max(320).optional(),
      mapping: z
        .object({ owner: crmName, health: crmName, nps: crmName, arr: z.string().trim().max(400), renewalDate: crmName, tier: crmName })
        .partial()
        .optional(),
    }),
  ),
  /** Puts a commitment's refused write-back in the queue again. */
  'sync.retry': endpoint<{ requeued: number }>()(z.object({ commitmentId: id })),
  'book.query': endpoint<BookPage>()(
    z.object({ query: bookQuerySchema, offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(BOOK_PAGE_LIMIT) }),
  ),
  /** The first `limit` items of Today (overdue first) and how many there are in all. */
  'book.today': endpoint<TodayPage>()(
    z.object({ scope: z.enum(['mine', 'all']), limit: z.number().int().min(1).max(TODAY_MOST).optional() }),
  ),
  'book.export': endpoint<{ csv: string; rows: number }>()(z.object({ query: bookQuerySchema })),
  /** Keeps a commitment off the Today list until `until` (ISO). */
  'book.snooze': endpoint<null>()(z.object({ commitmentId: id, until: isoDate })),
  'digest.get': endpoint<DigestSettings>()(z.object({})),
  'digest.save': endpoint<DigestSettings>()(z.object({ settings: digestSettingsSchema })),
} as const;

export type Api = typeof api;
export type RequestType = keyof Api;
export type PayloadOf<K extends RequestType> = z.infer<Api[K]['payload']>;
export type ResponseOf<K extends RequestType> = Api[K]['response'];

/** Wire shapes. `glance` tags our messages so that nothing else on the runtime is mistaken for one. */
export interface RequestEnvelope<K extends RequestType = RequestType> {
  glance: 'request';
  type: K;
  payload: PayloadOf<K>;
  /** A registered sidebar's session key (see lib/access/sidebar-registry.ts); pages send none. */
  session?: string;
}
export type ResponseEnvelope<T> = { ok: true; data: T } | { ok: false; error: string };

/** Tables a change touched; open pages refresh the queries that read them. `insights`: a pass over the book's cached insights ended. */
export type ChangedTopic = 'records' | 'commitments' | 'settings' | 'actions' | 'matches' | 'sync' | 'threads' | 'insights';
export interface ChangeEvent {
  glance: 'event';
  event: 'data-changed';
  topics: ChangedTopic[];
  accountIds?: string[];
}

export const requestEnvelopeSchema = z.object({
  glance: z.literal('request'),
  type: z.string().max(100),
  payload: z.unknown(),
  session: z.string().max(200).optional(),
});
