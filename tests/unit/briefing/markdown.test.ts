import { briefingMarkdown } from '../../../lib/briefing/markdown';
import { talkingPoints } from '../../../lib/briefing/talking-points';
import { NOW, sampleView } from './sample-view';

const md = (id: string, edit?: Parameters<typeof sampleView>[2]) => briefingMarkdown(sampleView(id, NOW, edit), { timeZone: 'UTC' });

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}`);
  expect(start, heading).toBeGreaterThan(-1);
  const next = markdown.indexOf('\n## ', start + 4);
  return markdown.slice(start + 1, next === -1 ? undefined : next);
}

describe('briefingMarkdown', () => {
  const acme = md('sample-acme');

  it('opens with the account, tier, ARR, renewal date and stage', () => {
    expect(acme.split('\n').slice(0, 4)).toEqual([
      '# Acme Robotics: pre-call briefing',
      '',
      'Enterprise · ARR $240,000 · Renewal Jul 28, 2026 (in 140 days, before the renewal stages)',
      '_As of Mar 10, 2026_',
    ]);
    expect(acme.endsWith('\n')).toBe(true);
  });

  it('keeps the popup order: talking points, health, alerts, action, commitments, people, goals, touches', () => {
    const headings = acme.split('\n').filter((l) => l.startsWith('## '));
    expect(headings.map((h) => h.split(':')[0])).toEqual([
      '## Talking points',
      '## Health',
      '## Risk signals',
      '## Next best action',
      '## Open commitments',
      '## People',
      '## Goals',
      '## Touches',
    ]);
  });

  it('lists the same talking points as the popup', () => {
    const lines = section(acme, 'Talking points')
      .split('\n')
      .filter((l) => l.startsWith('- '));
    expect(lines).toEqual(talkingPoints(sampleView('sample-acme')).map((p) => `- ${p}`));
  });

  it('gives health with band, trend and drivers', () => {
    const health = section(acme, 'Health');
    expect(health).toContain('## Health: 51 Critical, down 6 since Feb 3 (from 57)');
    expect(health).toContain('- Down: NPS: 6 (detractor) on 2026-02-17');
    expect(health).toContain('- Up: Invoices: current');
  });

  it('gives alerts and the next best action with its reason', () => {
    expect(section(acme, 'Risk signals')).toContain(
      '- **P1/P2 ticket open** (red): Open: P1 "Fleet-sync outage: robots not receiving schedules at the Dayton plant"',
    );
    const action = section(acme, 'Next best action');
    expect(action).toContain('**Escalate: run the save play**: Health 51, critical; Open: P1');
    expect(action).toContain('- Then: Follow up now: Send Dana the root-cause analysis for the fleet-sync outage');
  });

  it('lists open commitments overdue first, ours, theirs and the sales promises', () => {
    const c = section(acme, 'Open commitments');
    expect(c).toContain(
      '### Ours\n\n- [ ] **Overdue** Send Dana the root-cause analysis for the fleet-sync outage · due Mar 7, 2026 (3 days ago) · to Dana Whitfield\n- [ ] Share the quarterly usage report',
    );
    expect(c).toContain(
      '### Theirs\n\n- [ ] **Past due** Confirm the admins for the new workspace · due Mar 5, 2026 (5 days ago) · by Dana Whitfield',
    );
    expect(c).toContain(
      '### Sales promises\n\n- [ ] **Roadmap risk** The Snowflake connector is on the roadmap for Q3 · no due date · by Jordan Blake to Dana Whitfield',
    );
    expect(c).not.toContain('Send the onboarding recap');
  });

  it('names the key people, who departed and who went quiet', () => {
    const people = section(acme, 'People');
    expect(people).toContain('- Dana Whitfield, Champion, Director of Operations');
    expect(people).toContain('- Raj Patel, Economic buyer, VP Finance');
    expect(people).toContain('- Nadia Brennan, Executive sponsor, Chief Information Officer');
    expect(people).toMatch(/- Chloe Park, Technical, Head of IT \(\*\*quiet \d+ days\*\*\)/);
    expect(md('sample-globex')).toMatch(/- Oliver Grant, Champion, [^\n]*\(\*\*departed\*\* \w{3} \d+, \d{4}\)/);
  });

  it('gives goals and the last touches with the next meeting', () => {
    expect(section(acme, 'Goals')).toContain('- One dashboard for fleet uptime across three plants: Off track');
    const touches = section(acme, 'Touches');
    expect(touches).toContain('**Next meeting:** Mar 10, 5:15 PM (today): Recovery check-in: fleet-sync outage');
    expect(touches).toContain('- Mar 9, 2026 · Note: Raj asked whether the renewal still makes sense if this repeats');
    expect(touches.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(4);
  });

  it('says so when a part has no data, rather than leaving it out', () => {
    const empty = md('sample-marigold', (d) => ({ ...d, commitments: [], activities: [], account: { ...d.account, goals: undefined } }));
    expect(empty).toContain('## Health: no data');
    expect(empty).toContain('**Next meeting:** none scheduled');
    expect(empty).toContain('No goals on record.');
    expect(section(empty, 'Open commitments')).toContain('### Ours\n\nNone open.');
  });

  it('escapes record text that would break the Markdown', () => {
    const out = md('sample-acme', (d) => ({
      ...d,
      commitments: [{ ...d.commitments[6], text: 'Fix *all* the [links] | now\nplease' }],
    }));
    expect(out).toContain('Fix \\*all\\* the \\[links\\] \\| now please');
  });
});
