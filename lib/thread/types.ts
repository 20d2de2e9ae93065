/** What Glance finds in an open email thread. Plain data: it is shown in the sidebar and saved from there. */
import type { Commitment } from '../model/bundle';

/** Whose words they are and who must act: our promise, the customer's ask of us, the customer's promise. */
export type FoundKind = 'our-promise' | 'customer-ask' | 'customer-promise';

export interface FoundCommitment {
  /** Stable for this thread and sentence: a dismissal or a logged commitment finds it again. */
  id: string;
  /** Index of the message in the thread (as the reader gave them) that holds it. */
  messageIndex: number;
  /** The sentence or list item exactly as written. */
  text: string;
  kind: FoundKind;
  /** Who must deliver: `us` for our promises and for the customer's asks of us. */
  owner: Commitment['owner'];
  /** `YYYY-MM-DD`, resolved against the message's sent time (docs/commitment-dates.md). */
  dueDate?: string;
  /** The words that gave the date ("by Friday"). */
  dueText?: string;
  /** The record kind to save it as: a capability we promise is a sales promise. */
  recordKind: Commitment['kind'];
  /** 0-1: how sure the wording makes it (an explicit "I'll … by Friday" is surer than a bare list item). */
  confidence: number;
  /** The message's sender and sent time: who made it, and when. */
  from?: string;
  madeAt?: string;
}

export interface FoundFeedback {
  id: string;
  messageIndex: number;
  text: string;
  kind: 'feature-request' | 'feedback';
  from?: string;
  at?: string;
}

export interface NewPerson {
  name?: string;
  email: string;
}

export interface ThreadFindings {
  commitments: FoundCommitment[];
  feedback: FoundFeedback[];
  newPeople: NewPerson[];
  /** The latest message from the customer's side, if any: the champion's last response. */
  latestCustomerMessage?: { email: string; sentAt?: string };
}

export interface ThreadReadOptions {
  threadId: string;
  /** The user's company domains (profile): a sender there is "us". */
  ownDomains: string[];
  userEmail?: string;
  /** The matched account: its name and domains tell its people and its company's name. */
  accountName?: string;
  accountDomains: string[];
  /** Emails of the account's known contacts (any case). */
  contactEmails: string[];
  /** IANA zone the due days are taken in; default UTC. */
  timeZone?: string;
  /** Used when a message shows no sent time. */
  now: Date;
}
