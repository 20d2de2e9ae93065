import type { Commitment } from '../model/bundle';

/** Same values as a stored commitment, so a parsed promise can be saved as one. */
export type PromiseOwner = Commitment['owner'];
export type PromiseKind = Commitment['kind'];

/** 'clear' when the wording says who acts; 'guess' when the owner fell back to us. */
export type OwnerConfidence = 'clear' | 'guess';

/** A selected sentence read as a promise; plain JSON, absent fields are left out. */
export interface ParsedPromise {
  /** The selection, trimmed, runs of whitespace collapsed to one space. */
  text: string;
  /** `YYYY-MM-DD` in the user's time zone. */
  dueDate?: string;
  /** The words that gave the date ("by Friday"). */
  dueText?: string;
  /** The due date is before today (in the user's time zone). */
  dueIsPast: boolean;
  owner: PromiseOwner;
  ownerConfidence: OwnerConfidence;
  kind: PromiseKind;
  /** The promise is about a product capability that does not exist yet. */
  roadmapRisk: boolean;
}

export interface ParsePromiseOptions {
  /** ISO timestamp of the email the sentence came from; relative dates count from it. */
  sentAt?: string;
  now: Date;
  /** IANA zone the calendar days are taken in; default 'UTC'. */
  timeZone?: string;
}
