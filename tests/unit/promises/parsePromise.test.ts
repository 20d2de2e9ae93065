import { describe, it, expect } from 'vitest';
import { parsePromise } from '../../../lib/promises';
import type { PromiseKind, PromiseOwner } from '../../../lib/promises';

/** Friday 20 November 2026, 15:00 UTC: the email the sentence was selected in. */
const SENT_FRI = '2026-11-20T15:00:00Z';
/** Tuesday 24 November 2026: the CSM logs the promise a few days later. */
const NOW = new Date('2026-11-24T10:00:00Z');

interface Row {
  text: string;
  due: string | undefined;
  owner: PromiseOwner;
  kind: PromiseKind;
  /** Defaults to SENT_FRI; null means no sent date (dates count from NOW). */
  sentAt?: string | null;
}

const us = 'us' as const;
const customer = 'customer' as const;
const commitment = 'commitment' as const;
const sales = 'sales-promise' as const;

const ROWS: Row[] = [
  // Relative to the sent date (Friday 20 Nov), logged on Tuesday 24 Nov.
  { text: "We'll send the security questionnaire by Friday.", due: '2026-11-27', owner: us, kind: commitment },
  { text: "I'll send it over Friday", due: '2026-11-27', owner: us, kind: commitment },
  { text: "We'll have it for you this Friday", due: '2026-11-20', owner: us, kind: commitment },
  { text: "I'll set up the kickoff call on Monday", due: '2026-11-23', owner: us, kind: commitment },
  { text: 'Our team will have the SSO configuration done by end of next week.', due: '2026-11-27', owner: us, kind: commitment },
  { text: 'I will get you the updated SOW by end of the week', due: '2026-11-20', owner: us, kind: commitment },
  { text: 'Can you send over the signed order form by EOW?', due: '2026-11-20', owner: customer, kind: commitment },
  { text: 'Will confirm the attendee list EOD', due: '2026-11-20', owner: us, kind: commitment },
  { text: "We'll get you the DPA redlines by EOD Monday", due: '2026-11-23', owner: us, kind: commitment },
  { text: 'Please have your admin complete the user import by end of month.', due: '2026-11-30', owner: customer, kind: commitment },
  { text: 'Could you get the W-9 back to us before the 15th?', due: '2026-12-15', owner: customer, kind: commitment },
  { text: "We'll circle back with the root-cause analysis in two weeks.", due: '2026-12-04', owner: us, kind: commitment },
  { text: 'Our support team will get back to you within 3 days.', due: '2026-11-23', owner: us, kind: commitment },
  { text: 'Let me book the QBR for next Tuesday', due: '2026-11-24', owner: us, kind: commitment },
  { text: 'I can send the renewal quote tomorrow', due: '2026-11-21', owner: us, kind: commitment },
  { text: "You'll get the final invoice by March 3", due: '2027-03-03', owner: us, kind: commitment },
  { text: 'Your team will finish the data migration by 3/14', due: '2027-03-14', owner: customer, kind: commitment },
  { text: 'We will deliver the reporting pack by the end of the quarter', due: '2026-12-31', owner: us, kind: commitment },
  { text: "I'll share the onboarding plan early next week", due: '2026-11-24', owner: us, kind: commitment },
  { text: "We'll have the sandbox ready by 2026-12-01", due: '2026-12-01', owner: us, kind: commitment },
  { text: 'Could you confirm the go-live date by next week?', due: '2026-11-27', owner: customer, kind: commitment },
  { text: "Let's aim for Wednesday", due: '2026-11-25', owner: us, kind: commitment },
  { text: 'Dana will send the SOW on Monday', due: '2026-11-23', owner: us, kind: commitment },
  { text: 'Your legal team to return the MSA by the end of the month', due: '2026-11-30', owner: customer, kind: commitment },
  { text: "We'll schedule the executive business review for mid-December", due: '2026-12-15', owner: us, kind: commitment },
  { text: "We met on Monday and we'll send the recap by Wednesday", due: '2026-11-25', owner: us, kind: commitment },
  { text: 'I\u2019ll get the\n  usage report   to you  by the 1st of December', due: '2026-12-01', owner: us, kind: commitment },
  { text: "We'll train the new admins by Q4", due: '2026-12-31', owner: us, kind: commitment },
  { text: 'We can revisit the seat count end of Q2 2027', due: '2027-06-30', owner: us, kind: commitment },
  // No date in the sentence.
  { text: 'Please send the security contact details', due: undefined, owner: customer, kind: commitment },
  { text: "We'll loop in our solutions engineer once legal signs off", due: undefined, owner: us, kind: commitment },
  { text: 'Could you share the list of 3rd party tools you use?', due: undefined, owner: customer, kind: commitment },
  { text: 'I\u2019ll make sure 3/4 of the team is trained', due: undefined, owner: us, kind: commitment },
  // Promises from the sale.
  { text: 'As agreed in the contract, your price is locked for 24 months', due: undefined, owner: us, kind: sales },
  { text: 'Sales promised a 15% discount on the renewal if you sign by Dec 15', due: '2026-12-15', owner: us, kind: sales },
  { text: 'SSO is included at no extra cost', due: undefined, owner: us, kind: sales },
  { text: 'We guarantee 99.9% uptime under the SLA', due: undefined, owner: us, kind: sales },
  { text: 'The Salesforce integration is coming in Q3', due: '2027-09-30', owner: us, kind: sales },
  { text: "We're building the Workday connector and expect to ship it in Q1", due: '2027-03-31', owner: us, kind: sales },
  { text: 'The renewal discount is valid until the end of the year', due: '2026-12-31', owner: us, kind: sales },
  // "Your AE" is ours: the account executive who sold to them.
  { text: 'Your AE committed to a dedicated CSM for the first 90 days', due: undefined, owner: us, kind: sales },
  // Crossing the year boundary.
  {
    text: "We'll send the renewal paperwork by end of next month",
    due: '2027-01-31',
    owner: us,
    kind: commitment,
    sentAt: '2026-12-18T10:00:00Z',
  },
  { text: "I'll follow up in two weeks", due: '2027-01-01', owner: us, kind: commitment, sentAt: '2026-12-18T10:00:00Z' },
  { text: "We'll have the invoice corrected by EOM", due: '2026-12-31', owner: us, kind: commitment, sentAt: '2026-12-30T10:00:00Z' },
  { text: 'Can you send the PO by the 5th?', due: '2027-01-05', owner: customer, kind: commitment, sentAt: '2026-12-30T10:00:00Z' },
  { text: "We'll deliver the admin training next week", due: '2027-01-08', owner: us, kind: commitment, sentAt: '2026-12-28T10:00:00Z' },
  { text: 'You will have the new contract by Jan 8', due: '2027-01-08', owner: us, kind: commitment, sentAt: '2026-12-18T10:00:00Z' },
  // A Wednesday email: "by Monday" is the coming Monday, "next Friday" the one in the following week.
  { text: "We'll have the pilot results by Monday", due: '2026-11-23', owner: us, kind: commitment, sentAt: '2026-11-18T12:00:00Z' },
  { text: "I'll send the proposal next Friday", due: '2026-11-27', owner: us, kind: commitment, sentAt: '2026-11-18T12:00:00Z' },
  // No sent date: relative to now (Tuesday 24 Nov).
  { text: "I'll send the deck by Friday", due: '2026-11-27', owner: us, kind: commitment, sentAt: null },
  { text: "We'll get back to you tomorrow", due: '2026-11-25', owner: us, kind: commitment, sentAt: null },
  { text: 'You said you would send the logo EOD', due: '2026-11-24', owner: customer, kind: commitment, sentAt: null },
  { text: 'We promised the audit report by Nov 2', due: '2026-11-02', owner: us, kind: commitment, sentAt: null },
  { text: 'The SOC 2 report was due 2026-10-15, sorry for the delay', due: '2026-10-15', owner: us, kind: commitment, sentAt: null },
];

describe('parsePromise: phrasings from real email', () => {
  it.each(ROWS.map((r) => [r.text, r] as const))('%s', (_label, row) => {
    const sentAt = row.sentAt === null ? undefined : (row.sentAt ?? SENT_FRI);
    const parsed = parsePromise(row.text, { sentAt, now: NOW });
    expect({ dueDate: parsed.dueDate, owner: parsed.owner, kind: parsed.kind }).toEqual({
      dueDate: row.due,
      owner: row.owner,
      kind: row.kind,
    });
  });

  it('has at least 40 phrasings', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });
});

describe('parsePromise: result shape', () => {
  it('returns plain JSON with the words that gave the date', () => {
    const parsed = parsePromise("  We'll send the security\n questionnaire by Friday.  ", { sentAt: SENT_FRI, now: NOW });
    expect(parsed).toEqual({
      text: "We'll send the security questionnaire by Friday.",
      dueDate: '2026-11-27',
      dueText: 'by Friday',
      dueIsPast: false,
      owner: 'us',
      ownerConfidence: 'clear',
      kind: 'commitment',
      roadmapRisk: false,
    });
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('leaves dueDate and dueText out when there is no date', () => {
    const parsed = parsePromise('We will loop in legal', { now: NOW });
    expect(parsed).not.toHaveProperty('dueDate');
    expect(parsed).not.toHaveProperty('dueText');
    expect(parsed.dueIsPast).toBe(false);
  });

  it.each([
    ['by the 1st of December', 'by the 1st of December'],
    ["We'll ship it in March", 'in March'],
    ['Can you send the PO by the 5th?', 'by the 5th'],
    ['within 3 days', 'within 3 days'],
    ['EOD Monday', 'EOD Monday'],
  ])('gives the words of %j as %j', (text, words) => {
    expect(parsePromise(text, { sentAt: SENT_FRI, now: NOW }).dueText).toBe(words);
  });

  it('keeps a due date that has passed, flagged against now rather than the sent date', () => {
    const eod = parsePromise('I will send it EOD', { sentAt: SENT_FRI, now: NOW });
    expect(eod).toMatchObject({ dueDate: '2026-11-20', dueIsPast: true });
    const sameDay = parsePromise('I will send it EOD', { sentAt: SENT_FRI, now: new Date('2026-11-20T22:00:00Z') });
    expect(sameDay).toMatchObject({ dueDate: '2026-11-20', dueIsPast: false });
  });

  it('counts from now when sentAt is not a date', () => {
    expect(parsePromise('by tomorrow', { sentAt: 'last week', now: NOW }).dueDate).toBe('2026-11-25');
  });

  it('handles an empty selection', () => {
    expect(parsePromise('   ', { now: NOW })).toEqual({
      text: '',
      dueIsPast: false,
      owner: 'us',
      ownerConfidence: 'guess',
      kind: 'commitment',
      roadmapRisk: false,
    });
  });
});
