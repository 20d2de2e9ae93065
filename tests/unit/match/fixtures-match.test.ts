/** Each fixture page, read by its adapter and matched against the sample book: what the demo shows. */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/hosts/index';
import { decideMatch, lookupKeys } from '../../../lib/match/match';
import { ANCHORS } from '../../../lib/sample/anchors';
import { loadFixture } from '../hosts/load-fixture';
import { lookup, OPTS } from './book';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/';
const SF = 'https://northpeak.lightning.force.com/lightning/r/';
const HS = 'https://app.hubspot.com/contacts/4417291/record/';

const CASES: [file: string, url: string, expected: { status: string; accountId?: string; via?: string; candidates?: string[] }][] = [
  [
    'gmail-thread-v1.html',
    `${GMAIL}FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT`,
    { status: 'matched', accountId: ANCHORS.acme.accountId, via: 'email' },
  ],
  [
    'gmail-thread-v2.html',
    `${GMAIL}FMfcgzQVxPnMhKsJcLbWtRgDfZqXvBkN`,
    { status: 'matched', accountId: ANCHORS.globex.accountId, via: 'domain' },
  ],
  [
    'gmail-thread-initech.html',
    `${GMAIL}FMfcgzQVzBcDfGhJkLmNpQrStVwXyZbC`,
    { status: 'ambiguous', via: 'domain', candidates: [ANCHORS.initechUs.accountId, ANCHORS.initechEmea.accountId] },
  ],
  ['gmail-thread-freemail.html', `${GMAIL}FMfcgzQVyTrEwQaSdFgHjKlZxCvBnMqW`, { status: 'none' }],
  // Shapes of real Gmail captures: collapsed messages only, a message without heading or wrapper, bodies naming Globex people.
  [
    'gmail-thread-collapsed.html',
    `${GMAIL}FMfcgzQVwRnJkLpMxZbCqTvHsDgFyWeA`,
    { status: 'matched', accountId: ANCHORS.acme.accountId, via: 'email' },
  ],
  [
    'gmail-message-header-only.html',
    `${GMAIL}FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT`,
    { status: 'matched', accountId: ANCHORS.acme.accountId, via: 'email' },
  ],
  [
    'gmail-thread-body-emails.html',
    `${GMAIL}FMfcgzQVqWeRtYuIoPaSdFgHjKlZxCvB`,
    { status: 'matched', accountId: ANCHORS.acme.accountId, via: 'email' },
  ],
  ['gmail-inbox.html', 'https://mail.google.com/mail/u/0/#inbox', { status: 'none' }],
  ['gmail-thread-broken.html', `${GMAIL}FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT`, { status: 'none' }],
  [
    'salesforce-account.html',
    `${SF}Account/${ANCHORS.acme.salesforceId18}/view`,
    { status: 'matched', accountId: ANCHORS.acme.accountId, via: 'crm-id' },
  ],
  [
    'salesforce-contact.html',
    `${SF}Contact/${ANCHORS.acme.champion.salesforceId18}/view`,
    { status: 'matched', accountId: ANCHORS.acme.accountId },
  ],
  [
    'salesforce-contact-details-ja.html',
    `${SF}Contact/${ANCHORS.acme.champion.salesforceId18}/view`,
    { status: 'matched', accountId: ANCHORS.acme.accountId },
  ],
  [
    'salesforce-opportunity.html',
    `${SF}Opportunity/${ANCHORS.acme.opportunitySalesforceId18}/view`,
    { status: 'matched', accountId: ANCHORS.acme.accountId },
  ],
  [
    'salesforce-classic-contact.html',
    'https://northpeak.my.salesforce.com/003Dn00000Ab1CD',
    { status: 'matched', accountId: ANCHORS.acme.accountId },
  ],
  ['salesforce-list.html', 'https://northpeak.lightning.force.com/lightning/o/Account/list?filterName=Recent', { status: 'none' }],
  ['hubspot-company.html', `${HS}0-2/9001`, { status: 'matched', accountId: ANCHORS.acme.accountId, via: 'crm-id' }],
  ['hubspot-contact.html', `${HS}0-1/5101`, { status: 'matched', accountId: ANCHORS.acme.accountId }],
  [
    'hubspot-deal.html',
    `https://app-eu1.hubspot.com/contacts/4417291/record/0-3/7301`,
    { status: 'matched', accountId: ANCHORS.acme.accountId },
  ],
  ['hubspot-list.html', 'https://app.hubspot.com/contacts/4417291/objects/0-2/views/all/list', { status: 'none' }],
];

describe('fixture pages match the sample book', () => {
  it.each(CASES)('%s', (file, url, expected) => {
    const ctx = readPage(new URL(url), loadFixture(file));
    if (!ctx) throw new Error('not a known host');
    const keys = lookupKeys(ctx, OPTS);
    const result = decideMatch(ctx, keys, lookup(keys), OPTS);
    const { candidates, ...rest } = expected;
    expect(result).toMatchObject(rest);
    if (candidates) expect(result.status === 'ambiguous' && result.candidates.map((c) => c.accountId)).toEqual(candidates);
  });
});
