import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageContext } from '../../../lib/hosts/types';
import { changeEvent } from '../../../lib/messages/server';
import { bookRecords, startService } from './harness';

let service: ReturnType<typeof startService>;
beforeEach(async () => {
  service = startService();
  await service.importRecords('book.json', {
    ...bookRecords(),
    accounts: [...bookRecords().accounts, { id: 'acc-lumen-ortho', name: 'Lumen Orthodontics', domains: ['ortho.lumendental.com'] }],
  });
  service.broadcast.mockClear();
});
afterEach(() => service.db.close());

const thread = (emails: string[], threadId = 'FMfcgzQXJWbN'): PageContext => ({
  host: 'gmail',
  kind: 'thread',
  url: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
  threadId,
  subject: 'Renewal next steps',
  people: [...emails.map((email) => ({ email })), { email: 'me@northpeak.io' }],
  userEmail: 'me@northpeak.io',
  messages: [],
});

describe('page.match', () => {
  it('matches a thread by a contact email, whatever case the file used, and sends the view along', async () => {
    // Stored as Leo.Brandt@HarborFreight-Systems.com.
    const result = await service.run('page.match', { context: thread(['leo.brandt@harborfreight-systems.com']) });
    expect(result.match).toMatchObject({ status: 'matched', accountId: 'acc-harbor', via: 'email' });
    expect(result.pageKey).toBe('gmail:thread:FMfcgzQXJWbN');
    expect(result.view?.account).toEqual(bookRecords().accounts[0]);
    expect(result.view?.contacts.map((c) => c.id).sort()).toEqual(['con-1', 'con-2']);
  });

  it('matches by the registrable domain of someone who is not a contact yet', async () => {
    const result = await service.run('page.match', { context: thread(['new.hire@eu.picobakery.com']) });
    expect(result.match).toMatchObject({ status: 'matched', accountId: 'acc-pico', via: 'domain' });
    expect(result.view?.account.id).toBe('acc-pico');
  });

  it('says when a domain belongs to several accounts, without guessing or sending a view', async () => {
    const result = await service.run('page.match', { context: thread(['front.desk@lumendental.com']) });
    expect(result.match.status).toBe('ambiguous');
    expect(result.match.status === 'ambiguous' && result.match.candidates.map((c) => c.accountId).sort()).toEqual([
      'acc-lumen',
      'acc-lumen-ortho',
    ]);
    expect(result.view).toBeUndefined();
  });

  it('finds nothing for free-mail or unknown senders and says why', async () => {
    const result = await service.run('page.match', { context: thread(['pat.smith@gmail.com', 'x@unknown.org']) });
    expect(result.match).toEqual({
      status: 'none',
      reason: 'no stored contact or account domain matches pat.smith@gmail.com (free-mail), x@unknown.org',
    });
    expect(result.view).toBeUndefined();
  });

  it('answers list and unreadable pages without looking anything up', async () => {
    expect(
      await service.run('page.match', { context: { host: 'gmail', kind: 'list', url: 'https://mail.google.com/mail/u/0/#inbox' } }),
    ).toEqual({
      match: { status: 'none', reason: 'No thread or record is open.' },
      pageKey: undefined,
    });
    const unreadable = await service.run('page.match', {
      context: { host: 'salesforce', kind: 'unreadable', url: 'https://x.lightning.force.com/', reason: 'Salesforce changed its page' },
    });
    expect(unreadable.match).toEqual({ status: 'none', reason: 'Salesforce changed its page' });
  });

  it('matches a CRM record by its Salesforce id in either length', async () => {
    // The account was imported with the 18-character id; the page shows the 15-character one.
    const result = await service.run('page.match', {
      context: {
        host: 'salesforce',
        kind: 'record',
        url: 'https://x.lightning.force.com/lightning/r/Account/001Dn00000Hb4FS/view',
        record: { crm: 'salesforce', object: 'account', id: '001Dn00000Hb4FS' },
      },
    });
    expect(result.match).toMatchObject({ status: 'matched', accountId: 'acc-harbor', via: 'crm-id' });
  });

  it('remembers the account the user chose for a page, for that page only', async () => {
    const ambiguous = await service.run('page.match', { context: thread(['front.desk@lumendental.com']) });
    expect(await service.run('match.choose', { pageKey: ambiguous.pageKey!, accountId: 'acc-lumen-ortho' })).toBeNull();
    expect(service.broadcast).toHaveBeenCalledExactlyOnceWith(changeEvent(['matches']));

    const again = await service.run('page.match', { context: thread(['front.desk@lumendental.com']) });
    expect(again.match).toMatchObject({ status: 'matched', accountId: 'acc-lumen-ortho', via: 'manual' });
    expect(again.view?.account.id).toBe('acc-lumen-ortho');
    // Even an email match gives way to the user's choice on that thread...
    const chosen = await service.run('page.match', { context: thread(['ivy.chen@lumendental.com']) });
    expect(chosen.match).toMatchObject({ accountId: 'acc-lumen-ortho', via: 'manual' });
    // ...but another thread is matched afresh.
    const other = await service.run('page.match', { context: thread(['ivy.chen@lumendental.com'], 'FMfcgzOTHER') });
    expect(other.match).toMatchObject({ accountId: 'acc-lumen', via: 'email' });
  });
});

describe('accounts.search', () => {
  it('finds accounts by name and domain, best first, and sees newly imported accounts', async () => {
    expect((await service.run('accounts.search', { query: 'lumen' })).map((a) => a.id)).toEqual(['acc-lumen', 'acc-lumen-ortho']);
    expect(await service.run('accounts.search', { query: 'picobak' })).toEqual([
      { id: 'acc-pico', name: 'Pico Bakery', domains: ['picobakery.com'], arr: 9000, sample: false },
    ]);
    expect(await service.run('accounts.search', { query: 'lumen', limit: 1 })).toHaveLength(1);

    await service.importRecords('more.json', { accounts: [{ id: 'acc-lumina', name: 'Lumina Labs' }] });
    expect((await service.run('accounts.search', { query: 'lumin' })).map((a) => a.id)).toEqual(['acc-lumina']);
  });
});
