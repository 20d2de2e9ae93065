import { describe, expect, it } from 'vitest';
import { mayAsk } from '../../../lib/access/roles';
import { DEFAULT_QUERY } from '../../../lib/book/query';
import { startService } from './harness';

const all = { ...DEFAULT_QUERY, scope: 'all' as const };

describe('book service', () => {
  it('lists every account of the sample book, ranked, with filter counts', async () => {
    const { run } = startService();
    await run('sample.load', {});
    const page = await run('book.query', { query: all, offset: 0, limit: 100 });
    expect(page.total).toBe(50);
    expect(page.inView).toBe(50);
    const priorities = page.rows.map((r) => r.topActionPriority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    const risky = await run('book.query', { query: { ...all, filters: ['at-risk'] }, offset: 0, limit: 100 });
    expect(risky.inView).toBe(page.counts['at-risk']);
    expect(risky.rows.every((r) => r.band === 'red' || r.band === 'yellow')).toBe(true);
  });

  it('returns the window asked for', async () => {
    const { run } = startService();
    await run('sample.load', {});
    const whole = await run('book.query', { query: all, offset: 0, limit: 50 });
    const window = await run('book.query', { query: all, offset: 10, limit: 5 });
    expect(window.rows.map((r) => r.accountId)).toEqual(whole.rows.slice(10, 15).map((r) => r.accountId));
  });

  it('takes a commitment marked done off Today and the account’s overdue count', async () => {
    const { run } = startService();
    await run('sample.load', {});
    const today = (await run('book.today', { scope: 'all' })).items;
    const overdue = today.find((t) => t.state === 'overdue')!;
    expect(overdue).toBeDefined();
    const before = (await run('book.query', { query: { ...all, text: overdue.accountName }, offset: 0, limit: 5 })).rows.find(
      (r) => r.accountId === overdue.accountId,
    )!;
    await run('commitment.setStatus', { id: overdue.id, status: 'done' });
    expect((await run('book.today', { scope: 'all' })).items.map((t) => t.id)).not.toContain(overdue.id);
    const after = (await run('book.query', { query: { ...all, text: overdue.accountName }, offset: 0, limit: 5 })).rows.find(
      (r) => r.accountId === overdue.accountId,
    )!;
    expect(after.overdueCount).toBe(before.overdueCount - 1);
  });

  it('keeps a snoozed commitment off Today, and refuses a snooze into the past', async () => {
    const { run } = startService();
    await run('sample.load', {});
    const [first] = (await run('book.today', { scope: 'all' })).items;
    await run('book.snooze', { commitmentId: first.id, until: '2026-11-06T10:00:00.000Z' });
    expect((await run('book.today', { scope: 'all' })).items.map((t) => t.id)).not.toContain(first.id);
    await expect(run('book.snooze', { commitmentId: first.id, until: '2026-11-01T00:00:00.000Z' })).rejects.toThrow(/not in the future/);
  });

  it('shows only her accounts once her profile names her, and every account with the switch', async () => {
    const { run } = startService();
    await run('sample.load', {});
    await run('profile.save', { profile: { ownDomains: [], me: ['nobody@northpeak.io'] } });
    expect((await run('book.query', { query: DEFAULT_QUERY, offset: 0, limit: 10 })).inView).toBe(0);
    expect((await run('book.query', { query: all, offset: 0, limit: 10 })).inView).toBe(50);
    await run('profile.save', { profile: { ownDomains: [] } });
    expect((await run('profile.get', {})).me).toEqual(['nobody@northpeak.io']);
  });

  it('exports the rows in view as CSV', async () => {
    const { run } = startService();
    await run('sample.load', {});
    const { csv, rows } = await run('book.export', { query: { ...all, filters: ['overdue'] } });
    const page = await run('book.query', { query: { ...all, filters: ['overdue'] }, offset: 0, limit: 100 });
    expect(rows).toBe(page.inView);
    expect(csv.split('\r\n')).toHaveLength(rows + 1);
  });

  it('is for Glance pages only: a sidebar may not ask for the book', () => {
    for (const type of ['book.query', 'book.today', 'book.export', 'book.snooze', 'digest.get', 'digest.save'] as const) {
      expect(mayAsk('sidebar', type)).toBe(false);
      expect(mayAsk('content', type)).toBe(false);
      expect(mayAsk('page', type)).toBe(true);
    }
  });
});
