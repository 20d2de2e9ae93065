import { describe, it, expect } from 'vitest';
import { isRoadmapPromise, isSalesPromise, parsePromise } from '../../../lib/promises';

const NOW = new Date('2026-11-24T10:00:00Z');
const owner = (text: string) => {
  const { owner: who, ownerConfidence } = parsePromise(text, { now: NOW });
  return [who, ownerConfidence];
};

describe('owner', () => {
  it.each([
    ['We will send the pricing sheet', 'us'],
    ["We'll send the pricing sheet", 'us'],
    ['I\u2019ll ping the product team', 'us'],
    ['I will set up the sandbox', 'us'],
    ['Our team is reviewing the logs', 'us'],
    ['Let me check with engineering', 'us'],
    ['I can send the SOC 2 report', 'us'],
    ["We're preparing the QBR deck", 'us'],
    ["You'll have the credentials by Monday", 'us'],
    ['Your team will be able to export reports', 'us'],
    ['We promised them a fix', 'us'],
    ['Will send the recap Friday', 'us'],
    ['You will send the signed DPA', 'customer'],
    ["You'll share the admin list", 'customer'],
    ['Your team owns the SSO cutover', 'customer'],
    ['Can you send the logo?', 'customer'],
    ['Could you confirm the attendees?', 'customer'],
    ['Please send the W-9', 'customer'],
    ["We'll need you to sign the order form first", 'customer'],
    ["I'd appreciate it if you could approve the PO", 'customer'],
    ['Can we get the usage export from your side?', 'customer'],
    ['Let me know which dates work', 'customer'],
  ])('%s → %s (clear)', (text, expected) => {
    expect(owner(text)).toEqual([expected, 'clear']);
  });

  it.each([
    ["We'll send the deck by Friday, please let me know if you have questions"],
    ['Please note we will invoice on the 1st'],
    ["We'll send your team the invite"],
  ])('a sign-off or a mention of the customer does not take a promise of ours: %s', (text) => {
    expect(owner(text)).toEqual(['us', 'clear']);
  });

  it.each([['Security questionnaire by Friday'], ['Dana to send the SOW'], ['SSO rollout']])(
    'guesses us when the wording does not say: %s',
    (text) => {
      expect(owner(text)).toEqual(['us', 'guess']);
    },
  );
});

describe('roadmap risk', () => {
  it.each([
    'The HubSpot integration is on our roadmap',
    'Native SAML is coming in Q3',
    'Bulk export will support Parquet',
    'Multi-currency is planned for next year',
    'A Slack app is planned',
    'It will be in the next release',
    'This is an upcoming feature',
    "We're building a Workday connector",
    'Engineering is working on a new API for this',
    'Audit logs are available in beta',
    'Custom roles will be generally available in March',
    'We are adding support for SCIM',
    'Coming soon: Zendesk sync',
  ])('flags %j', (text) => {
    expect(isRoadmapPromise(text)).toBe(true);
    expect(parsePromise(text, { now: NOW })).toMatchObject({ roadmapRisk: true, kind: 'sales-promise' });
  });

  it.each([
    "We'll support you through the rollout",
    'Our team will support the migration',
    "We're working on your ticket",
    "I'll send the release notes",
    'The invoice is coming next week',
    'We planned the kickoff for Monday',
    'Your plan includes 50 seats',
    "We'll set up the Salesforce integration on Friday",
  ])('does not flag %j', (text) => {
    expect(isRoadmapPromise(text)).toBe(false);
    expect(parsePromise(text, { now: NOW }).roadmapRisk).toBe(false);
  });
});

describe('sales promise', () => {
  it.each([
    'We agreed to a 20% discount on year two',
    'Pricing is locked for 24 months',
    "We'll lock in your current rate",
    'Renewal cap of 5% as agreed',
    'Premium support is included at no extra cost',
    'Onboarding is complimentary',
    'Sales promised weekly office hours',
    'As agreed in the contract, you get two sandboxes',
    'Per the order form, you have 500 API calls a minute',
    'The SLA is 4-hour response for P1s',
    'We guarantee 99.9% uptime',
    'You get a dedicated CSM',
    "We'll build a custom integration with your ERP",
    'The platform will integrate with NetSuite',
  ])('%j is a sales promise', (text) => {
    expect(isSalesPromise(text)).toBe(true);
    expect(parsePromise(text, { now: NOW }).kind).toBe('sales-promise');
  });

  it.each([
    "We'll send the security questionnaire by Friday",
    "I'll set up a training session for your admins",
    'Can you send the signed order form?',
    'We will share the QBR deck next week',
    "Let's review the contract renewal date together",
  ])('%j is a plain commitment', (text) => {
    expect(parsePromise(text, { now: NOW }).kind).toBe('commitment');
  });

  it('does not call a customer-side build a sales promise', () => {
    expect(parsePromise('Your engineers are building the connector on your side', { now: NOW })).toMatchObject({
      owner: 'customer',
      kind: 'commitment',
    });
  });
});
