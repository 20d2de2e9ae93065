/**
 * The sample book: about fifty accounts, the size of a real CSM's book, each designed to show
 * one playbook situation (see the catalogue). Generated from `now` with a seeded PRNG, so it is
 * the same for the same `now` and never goes stale: every date is an offset from `now`.
 */
import type { Activity, Bundle, Commitment, Contact, Ticket, UsagePoint } from '../model/bundle';
import { buildAccount } from './build-account';
import { buildActivities } from './build-activities';
import { buildContacts } from './build-contacts';
import { buildCommitments, buildTickets } from './build-records';
import { buildHealthHistory, buildUsage } from './build-series';
import { SAMPLE_BOOK_CATALOGUE } from './catalogue';
import type { AccountSpec } from './catalogue-types';

export { SAMPLE_ID_PREFIX, isSampleRecordId } from './ids';
export { SAMPLE_BOOK_CATALOGUE };
export type { AccountSpec };

/** Everything the sample book holds for one catalogue entry. */
export function buildSampleAccount(now: Date, spec: AccountSpec, index: number) {
  const account = buildAccount(now, spec, index);
  const healthHistory = buildHealthHistory(now, spec);
  if (healthHistory) account.healthHistory = healthHistory;
  const contacts = buildContacts(now, spec, index);
  return {
    account,
    contacts,
    usage: buildUsage(now, spec, account),
    tickets: buildTickets(now, spec),
    commitments: buildCommitments(now, spec, account, contacts),
    activities: buildActivities(now, spec, account, contacts),
  };
}

export function makeSampleBook(now: Date): Bundle {
  const book = {
    format: 'glance.bundle' as const,
    version: 1 as const,
    generatedAt: now.toISOString(),
    accounts: [] as Bundle['accounts'],
    contacts: [] as Contact[],
    usage: [] as UsagePoint[],
    tickets: [] as Ticket[],
    commitments: [] as Commitment[],
    activities: [] as Activity[],
  };
  SAMPLE_BOOK_CATALOGUE.forEach((spec, index) => {
    const built = buildSampleAccount(now, spec, index);
    book.accounts.push(built.account);
    book.contacts.push(...built.contacts);
    book.usage.push(...built.usage);
    book.tickets.push(...built.tickets);
    book.commitments.push(...built.commitments);
    book.activities.push(...built.activities);
  });
  return book;
}
