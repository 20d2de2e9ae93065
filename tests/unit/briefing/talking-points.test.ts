import { MAX_TALKING_POINTS, talkingPoints } from '../../../lib/briefing/talking-points';
import { NOW, sampleView } from './sample-view';

describe('talkingPoints', () => {
  it('puts the outage, our overdue promise and the login drop first for Acme, each naming its data', () => {
    const points = talkingPoints(sampleView('sample-acme'));
    expect(points.slice(0, 4)).toEqual([
      'Give the latest on the open P1 "Fleet-sync outage: robots not receiving schedules at the…" (opened Mar 8)',
      'Own the overdue "Send Dana the root-cause analysis for the fleet-sync outage" (due Mar 7, 3 days late) and give a new date',
      'Ask about the 54% drop in logins last week (202, down from 437 the week before)',
      'Ask what is behind their NPS of 6 on Feb 17, down from 8',
    ]);
    expect(points[4]).toBe('Check on their "Confirm the admins for the new workspace" (was due Mar 5)');
    expect(points).toHaveLength(MAX_TALKING_POINTS);
    // Two minutes allow about five; the rest are there for a longer list.
    const more = talkingPoints(sampleView('sample-acme'), 10);
    expect(more.slice(5, 7)).toEqual([
      'Review the goal "One dashboard for fleet uptime across three plants": off track',
      'Do not overpromise on "The Snowflake connector is on the roadmap for Q3" (promised by Jordan Blake): it is a roadmap item',
    ]);
  });

  it('asks for the successor of a departed champion before anything else', () => {
    const [first] = talkingPoints(sampleView('sample-globex'));
    expect(first).toMatch(/^Ask who takes over from Oliver Grant \(champion, left \w{3} \d+\) and for an introduction$/);
  });

  it('raises a renewal the customer has not heard about inside 90 days', () => {
    expect(talkingPoints(sampleView('sample-initech-emea'))[0]).toMatch(
      /^Raise the renewal on \w{3} \d+ \(\d+ days out\): no renewal conversation is on record yet$/,
    );
  });

  it('names the stage checklist once inside the renewal window', () => {
    expect(talkingPoints(sampleView('sample-solstice'))).toContain('Renewal in 10 days (T-14, confirm signature): confirm the signature');
  });

  it('covers a quiet champion, missed meetings, org change, QBR and expansion', () => {
    expect(talkingPoints(sampleView('sample-bramblewood'))[0]).toMatch(
      /^Re-engage Esther Jensen: the champion has not replied for \d+ days$/,
    );
    expect(talkingPoints(sampleView('sample-quillfeather'))[0]).toMatch(
      /^Check this time slot still works: 2 scheduled meetings missed in a row, the last (on \w{3}, \w{3} \d+|\d+ days ago|yesterday)$/,
    );
    expect(talkingPoints(sampleView('sample-orchardlane'))[0]).toMatch(
      /^Ask what the layoffs on \w{3} \d+ mean for their team and priorities$/,
    );
    expect(talkingPoints(sampleView('sample-cobaltridge'))[0]).toMatch(/^Propose a date for the QBR: the last was \w{3} \d+$/);
    expect(talkingPoints(sampleView('sample-brightwater'))[0]).toMatch(
      /^Open the expansion conversation: \d+ of \d+ seats active \(\d+%\)$/,
    );
  });

  it('warns against overpromising on a roadmap sales promise', () => {
    expect(talkingPoints(sampleView('sample-globex'))).toContain(
      'Do not overpromise on "Will support SSO via Okta next release" (promised by Priscilla Nwosu): it is a roadmap item',
    );
  });

  it('says nothing made up for an account without data, and stops at the cap', () => {
    expect(talkingPoints(sampleView('sample-marigold'))).toEqual(['Ask who their executive sponsor is: none on record']);
    expect(talkingPoints(sampleView('sample-acme'), 2)).toHaveLength(2);
  });

  it('drops a point once its data is gone', () => {
    const view = sampleView('sample-acme', NOW, (data) => ({
      ...data,
      tickets: data.tickets.map((t) => ({ ...t, status: 'closed' as const })),
      commitments: data.commitments.map((c) => ({ ...c, status: 'done' as const })),
    }));
    const points = talkingPoints(view);
    expect(points.join('\n')).not.toMatch(/P1|overdue|Check on their/);
    expect(points[0]).toMatch(/^Ask about the 54% drop in logins/);
  });
});
