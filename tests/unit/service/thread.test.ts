import { contactsOf, getContact } from '../../../lib/store/contacts';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageContext } from '../../../lib/hosts/types';
import { changeEvent } from '../../../lib/messages/server';
import { bookRecords, NOW, startService } from './harness';

let service: ReturnType<typeof startService>;
afterEach(() => service?.db.close());

const thread: Extract<PageContext, { kind: 'thread' }> = {
  host: 'gmail',
  kind: 'thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT',
  threadId: '18e5c2a7f4b91d03',
  subject: 'Rollout plan',
  people: [],
  userEmail: 'casey.morgan@northpeak.io',
  messages: [
    { from: { email: 'mara.jensen@harborfreight-systems.com' }, sentAt: '2026-11-02T09:00:00.000Z', text: 'Could you send the plan?' },
    { from: { email: 'casey.morgan@northpeak.io' }, sentAt: '2026-11-03T09:00:00.000Z', text: "I'll send it Friday." },
    { from: { email: 'mara.jensen@harborfreight-systems.com' }, sentAt: '2026-11-04T16:30:00.000Z', text: 'Thanks!' },
  ],
};

async function started() {
  service = startService();
  await service.importRecords('book.json', bookRecords());
  service.broadcast.mockClear();
  return service;
}

describe('dismissing a suggestion found in a thread', () => {
  it('is remembered for that thread only', async () => {
    const { run } = await started();
    await run('thread.dismiss', { threadId: thread.threadId, suggestionId: 's-1' });
    expect(await run('thread.state', { threadId: thread.threadId })).toEqual({ dismissed: ['s-1'], touchLogged: false });
    expect(await run('thread.state', { threadId: 'other-thread' })).toEqual({ dismissed: [], touchLogged: false });
  });
});

describe('Log this email', () => {
  it('records one email touch with its outbox entry, and moves the champion’s last response to her latest message', async () => {
    const { run, db, broadcast } = await started();
    const { touch, championUpdated } = await run('thread.logTouch', { accountId: 'acc-harbor', context: thread });

    expect(touch).toMatchObject({ accountId: 'acc-harbor', type: 'email', date: '2026-11-04T16:30:00.000Z', contactIds: ['con-1'] });
    expect(await db.activities.get(touch.id)).toEqual(touch);
    expect(await db.outbox.where('entityId').equals(touch.id).toArray()).toEqual([
      expect.objectContaining({ entity: 'activity', accountId: 'acc-harbor', op: 'upsert', status: 'pending' }),
    ]);
    expect(championUpdated).toBe(true);
    expect((await getContact(db, 'con-1'))?.lastResponseAt).toBe('2026-11-04T16:30:00.000Z');
    expect(await run('thread.state', { threadId: thread.threadId })).toEqual({ dismissed: [], touchLogged: true });
    expect(broadcast).toHaveBeenCalledWith(changeEvent(['records', 'threads'], ['acc-harbor']));
  });

  it('logs the thread once however often it is pressed', async () => {
    const { run, db } = await started();
    await run('thread.logTouch', { accountId: 'acc-harbor', context: thread });
    const again = await run('thread.logTouch', { accountId: 'acc-harbor', context: thread });
    expect(again.championUpdated).toBe(false);
    expect(await db.outbox.where('entityId').equals(again.touch.id).count()).toBe(1);
  });

  it('names the missing account and writes nothing', async () => {
    const { run, db } = await started();
    await expect(run('thread.logTouch', { accountId: 'acc-gone', context: thread })).rejects.toThrow('No account "acc-gone"');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('adding a person from the thread as a contact', () => {
  it('creates the contact once, and refuses an address that belongs to another account', async () => {
    const { run, db } = await started();
    const added = await run('contact.add', { accountId: 'acc-harbor', name: 'Priya Nair', email: 'Priya.Nair@harborfreight-systems.com' });
    expect(added).toMatchObject({
      accountId: 'acc-harbor',
      name: 'Priya Nair',
      email: 'priya.nair@harborfreight-systems.com',
      status: 'active',
    });
    expect(added).not.toHaveProperty('_email');
    expect(await run('contact.add', { accountId: 'acc-harbor', email: 'priya.nair@harborfreight-systems.com' })).toEqual(added);
    expect((await contactsOf(db, 'acc-harbor')).length).toBe(3);
    await expect(run('contact.add', { accountId: 'acc-lumen', email: 'priya.nair@harborfreight-systems.com' })).rejects.toThrow(
      'already a contact of another account',
    );
  });
});

describe('customer feedback', () => {
  it('is kept per account and listed newest first', async () => {
    const { run } = await started();
    const base = { accountId: 'acc-harbor', kind: 'feature-request' as const, threadId: thread.threadId };
    await run('feedback.save', {
      feedback: { ...base, id: 'f-1', text: 'PDF export of dashboards, please.', at: '2026-11-01T09:00:00.000Z' },
    });
    await run('feedback.save', { feedback: { ...base, id: 'f-2', text: 'Bulk edit is slow.', kind: 'feedback', at: NOW.toISOString() } });
    expect((await run('feedback.list', { accountId: 'acc-harbor' })).map((f) => f.id)).toEqual(['f-2', 'f-1']);
    expect(await run('feedback.list', { accountId: 'acc-lumen' })).toEqual([]);
  });
});
