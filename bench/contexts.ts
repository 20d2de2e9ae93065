/**
 * The pages the benchmark opens, and the page contexts it sends straight to the background.
 * The Gmail context mirrors what the content script reads from the Acme thread of
 * tests/fixtures/hosts/gmail-app.html (people, subject and bodies), so the background parses a
 * payload of realistic size; the run replaces it with the one the content script really produced.
 */
import type { PageContext } from '../lib/hosts/types';
import { ANCHORS, SAMPLE_USER } from '../lib/sample/anchors';

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/';
export const ACME_THREAD = 'FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';
export const GLOBEX_THREAD = 'FMfcgzQVxPnMhKsJcLbWtRgDfZqXvBkN';

const dana = { name: ANCHORS.acme.champion.name, email: ANCHORS.acme.champion.email };
const raj = { name: ANCHORS.acme.economicBuyer.name, email: ANCHORS.acme.economicBuyer.email };
const casey = { name: SAMPLE_USER.name, email: SAMPLE_USER.email };

export const ACME_GMAIL_CONTEXT: PageContext = {
  host: 'gmail',
  kind: 'thread',
  url: `${GMAIL_URL}#inbox/${ACME_THREAD}`,
  threadId: 'thread-f:1794054053198109955',
  subject: 'Security review before the Berlin rollout',
  people: [dana, casey, raj],
  userEmail: casey.email,
  messages: [
    {
      from: dana,
      to: [casey, raj],
      sentAt: '2025-03-03T10:12:00.000Z',
      text:
        'Hi Casey,\n\nOur security team needs the completed vendor questionnaire before we can roll Northpeak out to the Berlin office. ' +
        "Could you send it over?\n\nAlso a heads-up: we're evaluating our tech stack for next year, so the renewal conversation should " +
        'cover how you fit with the rest of our tools.\n\nThanks,\nDana\n--\nDana Whitfield | Director of Operations | Acme Robotics',
    },
    {
      from: casey,
      to: [dana, raj],
      sentAt: '2025-03-03T14:40:00.000Z',
      text:
        "Hi Dana,\n\nThanks for the heads-up. We'll send the security questionnaire by Friday. I'll also bring our solutions engineer " +
        'to the renewal call so we can walk Raj through the SSO setup.\n\nBest,\nCasey',
    },
    {
      from: dana,
      to: [casey, raj],
      sentAt: '2025-03-04T09:14:00.000Z',
      text: 'Perfect, thank you! Raj will want to review it before our renewal call on the 20th.\n\nDana',
    },
  ],
};

/** A Lightning Account record page: matched by CRM id, no email or domain step. */
export const ACME_SALESFORCE_CONTEXT: PageContext = {
  host: 'salesforce',
  kind: 'record',
  url: `https://northpeak.lightning.force.com/lightning/r/Account/${ANCHORS.acme.salesforceId18}/view`,
  record: { crm: 'salesforce', object: 'account', id: ANCHORS.acme.salesforceId18, title: ANCHORS.acme.name },
};

/** A thread from a domain no account has: every index look-up runs and finds nothing, so no view is built. */
export const UNKNOWN_GMAIL_CONTEXT: PageContext = {
  ...ACME_GMAIL_CONTEXT,
  url: `${GMAIL_URL}#inbox/FMfcgzQVbenchUnknownThreadXXXXXX`,
  threadId: 'thread-f:1',
  people: [{ name: 'Nobody Known', email: 'nobody@no-such-customer-domain.com' }, casey],
  messages: [{ from: { name: 'Nobody Known', email: 'nobody@no-such-customer-domain.com' }, text: 'Hello' }],
};
