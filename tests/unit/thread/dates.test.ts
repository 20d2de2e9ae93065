import { describe, expect, it } from 'vitest';
import { addBusinessDays, asDayFirst, resolveDue } from '@/lib/thread/dates';
import { writesDayFirst } from '@/lib/thread/locale';

/** Wednesday 4 March 2026, 10:00 UTC. */
const WEDNESDAY = new Date('2026-03-04T10:00:00Z');
const due = (text: string, opts: { sentAt?: Date; dayFirst?: boolean } = {}) =>
  resolveDue(text, { sentAt: opts.sentAt ?? WEDNESDAY, timeZone: 'UTC', dayFirst: opts.dayFirst ?? false })?.date;

describe('due dates of commitments in a thread (docs/commitment-dates.md)', () => {
  it.each([
    ['by Friday', '2026-03-06'],
    ['this Friday', '2026-03-06'],
    ['next Friday', '2026-03-13'],
    ['Thursday at 3pm', '2026-03-05'],
    ['by EOD', '2026-03-04'],
    ['this afternoon', '2026-03-04'],
    ['tomorrow', '2026-03-05'],
    ['COB Friday', '2026-03-06'],
    ['by end of week', '2026-03-06'],
    ['next week', '2026-03-13'],
    ['early next week', '2026-03-10'],
    ['by the end of next week', '2026-03-13'],
    ['by end of month', '2026-03-31'],
    ['by end of Q2', '2026-06-30'],
    ['in 2 business days', '2026-03-06'],
    ['within 48 hours', '2026-03-06'],
    ['in two weeks', '2026-03-18'],
    ['by the 14th', '2026-03-14'],
    ['by 20 March', '2026-03-20'],
    ['by 3/20', '2026-03-20'],
  ])('"%s" in a Wednesday 4 March message is due %s', (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it('counts from the message that holds the sentence, not from today', () => {
    expect(due('by Friday', { sentAt: new Date('2026-03-09T09:00:00Z') })).toBe('2026-03-13');
  });

  it('skips the weekend when counting business days from a Thursday', () => {
    expect(due('in 2 business days', { sentAt: new Date('2026-03-12T17:00:00Z') })).toBe('2026-03-16');
    expect(addBusinessDays({ year: 2026, month: 3, day: 6 }, 1)).toEqual({ year: 2026, month: 3, day: 9 });
  });

  it('counts hours from the sent instant: 24 hours from a late message is the next day', () => {
    expect(due('within 24 hours', { sentAt: new Date('2026-03-04T23:00:00Z') })).toBe('2026-03-05');
  });

  it('reads 10/4 as 10 April from a day-first writer and as 4 October otherwise', () => {
    expect(due('by 10/4', { dayFirst: true })).toBe('2026-04-10');
    expect(due('by 10/4')).toBe('2026-10-04');
    expect(asDayFirst('by 4/5/2026, not 3/4 of the team')).toBe('by 4 May 2026, not 3 April of the team');
  });

  it('takes "within a week" as the deadline over a day merely mentioned', () => {
    expect(due("Finance will look into it today and we'll send the corrected invoice within a week.")).toBe('2026-03-11');
    expect(due('within 3 days')).toBe('2026-03-07');
  });

  it('names no day for a time counted from an event that is not a date', () => {
    expect(due('Could you send the slides two days before the workshop?')).toBeUndefined();
  });

  it('has no date when the words name none', () => {
    expect(due("I'll send the deck over")).toBeUndefined();
  });
});

describe('who writes dates day-first', () => {
  it.each([
    ['tom.reyes@globex.co.uk', '', true],
    ['sarah@meridianbank.com', 'Meridian Bank plc, 1 Churchill Place, London E14 5HP', true],
    ['sarah@meridianbank.com', 'T: +44 20 7123 4567', true],
    ['ops@fabrikam.com', 'Fabrikam Ltd, Leeds, UK', true],
    ['jamie@pinecrest.com', 'Pinecrest Outdoor | Denver, CO | (303) 555-0142', false],
    [undefined, '', false],
  ])('%s with signature "%s": %s', (email, signature, expected) => {
    expect(writesDayFirst(email, signature)).toBe(expected);
  });
});
