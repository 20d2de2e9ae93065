import { afterEach, describe, it, expect } from 'vitest';
import { parsePromise } from '../../../lib/promises';

/** Friday 20 November 2026. */
const SENT_FRI = '2026-11-20T15:00:00Z';
const NOW = new Date('2026-11-24T10:00:00Z');

const due = (text: string, sentAt: string | undefined = SENT_FRI, timeZone?: string) => parsePromise(text, { sentAt, now: NOW, timeZone });

describe('due dates from a Friday email (20 Nov 2026)', () => {
  it.each([
    ['by Friday', '2026-11-27', 'by Friday'],
    ['on Monday', '2026-11-23', 'on Monday'],
    ['end of next week', '2026-11-27', 'end of next week'],
    ['by the end of the week', '2026-11-20', 'by the end of the week'],
    ['EOW', '2026-11-20', 'EOW'],
    ['by EOD', '2026-11-20', 'by EOD'],
    ['COB tomorrow', '2026-11-21', 'COB tomorrow'],
    ['end of month', '2026-11-30', 'end of month'],
    ['by month-end', '2026-11-30', 'by month-end'],
    ['before the 15th', '2026-12-15', 'before the 15th'],
    ['by the 20th', '2026-12-20', 'by the 20th'],
    ['by the 31st', '2026-11-30', 'by the 31st'],
    ['on the 3rd of next month', '2026-12-03', 'on the 3rd of next month'],
    ['in two weeks', '2026-12-04', 'in two weeks'],
    ['within 3 days', '2026-11-23', 'within 3 days'],
    ['in 24 months', '2028-11-20', 'in 24 months'],
    ['next Tuesday', '2026-11-24', 'next Tuesday'],
    ['the following Tuesday', '2026-11-24', 'Tuesday'],
    ['Friday next week', '2026-11-27', 'Friday next week'],
    ['tomorrow', '2026-11-21', 'tomorrow'],
    ['by March 3', '2027-03-03', 'by March 3'],
    ['3/14', '2027-03-14', '3/14'],
    ['14/3', '2027-03-14', '14/3'],
    ['by Friday, Nov 27', '2026-11-27', 'by Friday, Nov 27'],
    ['Q3', '2027-09-30', 'Q3'],
    ['Q4', '2026-12-31', 'Q4'],
    ["in Q2 '27", '2027-06-30', "in Q2 '27"],
    ['the third quarter of 2027', '2027-09-30', 'the third quarter of 2027'],
    ['by the end of the quarter', '2026-12-31', 'by the end of the quarter'],
    ['EOQ', '2026-12-31', 'EOQ'],
    ['next quarter', '2027-03-31', 'next quarter'],
    ['early next week', '2026-11-24', 'early next week'],
    ['mid next week', '2026-11-25', 'mid next week'],
    ['later this week', '2026-11-20', 'later this week'],
    ['next week', '2026-11-27', 'next week'],
    ['next month', '2026-12-31', 'next month'],
    ['early next month', '2026-12-10', 'early next month'],
    ['by the beginning of next month', '2026-12-01', 'by the beginning of next month'],
    ['end of the year', '2026-12-31', 'end of the year'],
    ['by mid-year', '2027-06-30', 'by mid-year'],
    ['2026-12-01', '2026-12-01', '2026-12-01'],
    ['by 12/01/2026', '2026-12-01', 'by 12/01/2026'],
    ['end of January', '2027-01-31', 'end of January'],
    ['in March', '2027-03-31', 'in March'],
    ['Dec 1-3', '2026-12-03', 'Dec 1-3'],
    ["We'll start June 15", '2027-06-15', 'June 15'],
    ['by the middle of December', '2026-12-15', 'by the middle of December'],
    ['by H1', '2027-06-30', 'by H1'],
    ['FY27 Q2', '2027-06-30', 'FY27 Q2'],
    ['by 5pm', '2026-11-20', 'by 5pm'],
    ['At 3pm we agreed to send it on Monday', '2026-11-23', 'on Monday'],
    ['We met Friday and will send it by Wednesday at 5pm', '2026-11-25', 'by Wednesday at 5pm'],
  ])('%s → %s', (text, expected, words) => {
    const parsed = due(text);
    expect(parsed.dueDate).toBe(expected);
    expect(parsed.dueText).toBe(words);
  });

  it.each([['once a week'], ['the 3rd party tool'], ['3/4 of the team'], ['locked for 24 months'], ['our 24/7 support']])(
    'finds no date in %j',
    (text) => {
      expect(due(text).dueDate).toBeUndefined();
    },
  );
});

describe('weekdays and weekends', () => {
  it('on a Wednesday, "by Monday" is the coming Monday and "this Friday" two days on', () => {
    const wed = '2026-11-18T12:00:00Z';
    expect(due('by Monday', wed).dueDate).toBe('2026-11-23');
    expect(due('this Friday', wed).dueDate).toBe('2026-11-20');
    expect(due('by Friday', wed).dueDate).toBe('2026-11-20');
    expect(due('next Friday', wed).dueDate).toBe('2026-11-27');
  });

  it('on a Saturday, "end of the week" and "next week" mean the week about to start', () => {
    const sat = '2026-11-21T12:00:00Z';
    expect(due('by the end of the week', sat).dueDate).toBe('2026-11-27');
    expect(due('next week', sat).dueDate).toBe('2026-11-27');
    expect(due('early next week', sat).dueDate).toBe('2026-11-24');
    expect(due('next Monday', sat).dueDate).toBe('2026-11-23');
  });
});

describe('dates written without a year', () => {
  it('keeps a date up to 30 days back as a slipped deadline, in the past', () => {
    const parsed = due('by Nov 2', undefined);
    expect(parsed).toMatchObject({ dueDate: '2026-11-02', dueIsPast: true });
  });

  it('moves an older one to next year', () => {
    expect(due('by Sept 30').dueDate).toBe('2027-09-30');
  });

  it('takes last December from an email in early January', () => {
    expect(due('by Dec 20', '2027-01-05T10:00:00Z').dueDate).toBe('2026-12-20');
  });
});

describe('relative to the sent date, flagged against now', () => {
  it('counts "tomorrow" from the email and flags it once today has passed it', () => {
    const parsed = parsePromise('I will send it tomorrow', { sentAt: '2026-11-02T09:00:00Z', now: NOW });
    expect(parsed).toMatchObject({ dueDate: '2026-11-03', dueIsPast: true });
  });

  it('is not past on the due day itself', () => {
    const parsed = parsePromise('I will send it Tuesday', { sentAt: SENT_FRI, now: NOW });
    expect(parsed).toMatchObject({ dueDate: '2026-11-24', dueIsPast: false });
  });

  it('reads a timestamp without a zone as UTC', () => {
    expect(due('tomorrow', '2026-11-20T23:30:00').dueDate).toBe('2026-11-21');
  });
});

describe('time zones', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('takes calendar days in the given zone', () => {
    // 02:00 UTC on Saturday is still Friday evening in New York.
    const lateFriday = '2026-11-21T02:00:00Z';
    expect(due('tomorrow', lateFriday, 'America/New_York').dueDate).toBe('2026-11-21');
    expect(due('tomorrow', lateFriday).dueDate).toBe('2026-11-22');
    expect(due('by EOD', lateFriday, 'Asia/Tokyo').dueDate).toBe('2026-11-21');
  });

  it('judges "past" in the given zone too', () => {
    const now = new Date('2026-11-21T02:00:00Z');
    expect(parsePromise('EOD', { sentAt: '2026-11-20T15:00:00Z', now, timeZone: 'America/New_York' }).dueIsPast).toBe(false);
    expect(parsePromise('EOD', { sentAt: '2026-11-20T15:00:00Z', now, timeZone: 'UTC' }).dueIsPast).toBe(true);
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(due('tomorrow', SENT_FRI, 'Mars/Olympus_Mons').dueDate).toBe('2026-11-21');
  });

  it.each(['UTC', 'Pacific/Kiritimati', 'America/Adak', 'Australia/Lord_Howe', 'Europe/London'])(
    'gives the same days whatever the machine zone (%s), across a daylight-saving change',
    (machineZone) => {
      process.env.TZ = machineZone;
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(machineZone);
      // US clocks change on 8 March 2026, the UK's on 29 March.
      const sent = '2026-03-06T12:00:00Z';
      const results = ['in two weeks', 'within 3 days', 'tomorrow', 'next month', 'by Monday', 'in 30 days', 'end of next week'].map(
        (text) => due(text, sent, 'Europe/London').dueDate,
      );
      expect(results).toEqual(['2026-03-20', '2026-03-09', '2026-03-07', '2026-04-30', '2026-03-09', '2026-04-05', '2026-03-13']);
    },
  );
});
