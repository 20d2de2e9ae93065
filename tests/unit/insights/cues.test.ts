import { describe, it, expect } from 'vitest';
import { findCues } from '../../../lib/cues';

const cats = (text: string, disengaged = false) => findCues(text, { disengaged }).map((c) => c.category);

describe('email cues', () => {
  it.each([
    ["We're evaluating our tech stack for next year.", 'competitive-evaluation'],
    ['We are evaluating our stack this quarter', 'competitive-evaluation'],
    ['Honestly we are looking at other options.', 'competitive-evaluation'],
    ['The team is looking at other vendors', 'competitive-evaluation'],
    ['We have been LOOKING AT ALTERNATIVES', 'competitive-evaluation'],
    ['We need to think about it.', 'internal-pushback'],
    ['Budget is tight this year', 'roi-not-proven'],
    ['budget’s really tight right now', 'roi-not-proven'],
    ["We'll circle back after the holidays.", 'stalling'],
    ['Let us circle back in Q3', 'stalling'],
    ["I'm leaving the company at the end of the month", 'champion-departure'],
    ['Friday is my last day here', 'champion-departure'],
    ["I'm moving on to a new role", 'champion-departure'],
    ['We set up a new team in Berlin', 'expansion-trigger'],
    ["We're expanding to Canada", 'expansion-trigger'],
    ['We will need more seats soon', 'expansion-trigger'],
    ['Rolling out in another region', 'expansion-trigger'],
  ])('reads "%s" as %s', (text, category) => {
    expect(cats(text)).toEqual([category]);
  });

  it('returns the phrase as found, its reading and an excerpt', () => {
    const [cue] = findCues('Thanks for the call. To be transparent, we are Looking At Other Options for analytics next quarter.');
    expect(cue).toMatchObject({
      category: 'competitive-evaluation',
      phrase: 'Looking At Other Options',
      reading: 'competitive evaluation: churn risk',
    });
    expect(cue.excerpt).toContain('we are Looking At Other Options for analytics');
    expect(cue.excerpt.startsWith('…')).toBe(true);
  });

  it('keeps the stalling phrase up to the end of the clause', () => {
    expect(findCues("We'll circle back after the board meeting. Thanks!")[0].phrase).toBe('circle back after the board meeting');
  });

  it('reads "everything is fine" only from a disengaged account', () => {
    expect(cats('Everything is fine on our side.')).toEqual([]);
    expect(findCues('Everything is fine on our side.', { disengaged: true })[0]).toMatchObject({
      category: 'not-fine',
      reading: 'not fine: dig deeper',
    });
  });

  it('finds several cues in reading order and nothing in plain text', () => {
    const text = 'Budget is tight. Also, my last day is Friday; we may need more seats for the new team.';
    expect(cats(text)).toEqual(['roi-not-proven', 'champion-departure', 'expansion-trigger', 'expansion-trigger']);
    expect(cats('Thanks for the demo, see you Tuesday.')).toEqual([]);
    expect(cats('')).toEqual([]);
  });

  it('does not read an ordinary "leaving" as a departure', () => {
    expect(cats("I'm leaving Friday for vacation, leaving soon")).toEqual([]);
    expect(cats("I'm leaving Acme in June")).toEqual(['champion-departure']);
  });
});
