import { describe, expect, it } from 'vitest';
import { keepHandNotes } from '../../../bench/report-sections';

const notes = [
  { name: 'cold open', after: '<!-- /cold bench -->' },
  { name: 'imports', before: '## (d)' },
];

const previous = [
  '# Performance',
  '<!-- cold bench -->\nold cold figures\n<!-- /cold bench -->',
  '<!-- notes: cold open -->\nWhat the last round changed.\n<!-- /notes: cold open -->',
  '## (c) Look-ups\nold table',
  '<!-- notes: imports -->\nThe import, traced.\n<!-- /notes: imports -->',
  '## (d) Big books\nold',
].join('\n\n');

const rendered = [
  '# Performance',
  '<!-- cold bench -->\nnew cold figures\n<!-- /cold bench -->',
  '## (c) Look-ups\nnew table',
  '## (d) Big books\nnew',
].join('\n\n');

describe('a full bench run keeps the notes written by hand in docs/performance.md', () => {
  it('puts each block back after the section it follows, or before the heading that follows it', () => {
    const kept = keepHandNotes(previous, rendered, notes);
    expect(kept).toContain('new cold figures');
    expect(kept).not.toContain('old cold figures');
    expect(kept).not.toContain('old table');
    const order = ['new cold figures', 'What the last round changed.', 'new table', 'The import, traced.', '## (d) Big books'];
    const positions = order.map((text) => kept.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('changes nothing when there are no notes, and never writes a block twice', () => {
    expect(keepHandNotes('# Performance\n', rendered, notes)).toBe(rendered);
    const once = keepHandNotes(previous, rendered, notes);
    expect(keepHandNotes(previous, once, notes)).toBe(once);
  });

  it('keeps a note whose anchor is gone at the end, rather than dropping it', () => {
    const kept = keepHandNotes(previous, '# Performance\n', notes);
    expect(kept).toContain('What the last round changed.');
    expect(kept).toContain('The import, traced.');
  });
});
