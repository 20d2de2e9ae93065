/**
 * The shape of one entry of the sample-book catalogue: who the account is, the playbook
 * situation it was designed to show, and the knobs the builders read to produce exactly
 * that situation. Knobs left out get calm defaults that raise no signal.
 */
import type { Account, Contact } from '../model/bundle';

export type Tier = 'enterprise' | 'mid-market' | 'smb';
export type IntendedBand = 'green' | 'yellow' | 'red' | 'none';
export type IntendedAction =
  | 'champion-departure'
  | 'save-play-escalate'
  | 'overdue-commitment'
  | 'renewal-at-risk'
  | 'renewal-stage'
  | 'save-play-reach-out'
  | 'qbr-due'
  | 'expansion-ready'
  | 'keep-cadence';

/**
 * Health inputs: strong scores green (~84-92), fair yellow (~63-70), weak red;
 * sparse-* fill only one or two dimensions (coverage < 5/5); empty fills none (band none).
 */
export type HealthProfile = 'strong' | 'fair' | 'weak' | 'sparse-green' | 'sparse-yellow' | 'empty';

export type UsageShape = 'stable' | 'growing' | 'declining' | 'drop' | 'none';

export interface AccountSpec {
  /** The id is `sample-<key>`; contacts, tickets and so on are `sample-<key>-…`. */
  key: string;
  name: string;
  domain: string;
  industry: string;
  tier: Tier;
  arr: number;
  currency?: string;
  /** The playbook situation this account exists to show, in a CSM's words. */
  situation: string;
  band: IntendedBand;
  topAction: IntendedAction;
  /** Further actions that must also come out (e.g. expansion-ready below a higher one). */
  alsoActions?: IntendedAction[];
  /** Risk signals the situation is built on (playbook signal ids), checked against the real rules in tests. */
  signals?: string[];
  profile: HealthProfile;
  renewalInDays?: number;
  usage?: UsageShape;
  /** Share of licensed seats in use; strong defaults stay under 80% so fillers are not expansion-ready. */
  seatRatio?: number;
  expansionConversation?: boolean;
  contactCount?: number;
  /** Contacts that must appear exactly (anchors), placed first. */
  fixedContacts?: Partial<Contact>[];
  championResponseDaysAgo?: number;
  /** Adds a departed champion (and no active one) this many days ago. */
  championDepartedDaysAgo?: number;
  departedChampionName?: string;
  /** How many of the latest past meetings were missed in a row. */
  missedMeetings?: number;
  /** Extra tickets opened in the last 30 days, mostly closed. */
  recentTickets?: number;
  openP1?: boolean;
  /** NPS scores, oldest first. */
  nps?: number[];
  invoiceDaysLate?: number;
  events?: { daysAgo: number; type: NonNullable<Account['events']>[number]['type']; note: string }[];
  /** Days since the last QBR; null: never held one. Defaults follow the tier's cadence. */
  qbrDaysAgo?: number | null;
  escalationDaysAgo?: number;
  /** One of our commitments is past due (named in `overdueText`). */
  overdueOurs?: { text: string; daysLate: number };
  /** Extra sales promises about future product capabilities. */
  roadmapPromises?: string[];
  /** Explicit account fields that win over the profile (anchor CRM ids, tuned health inputs). */
  account?: Partial<Account>;
}
