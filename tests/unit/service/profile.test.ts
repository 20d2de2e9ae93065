import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../lib/hosts/types';
import { bookRecords, startService } from './harness';

const thread = (emails: string[], userEmail: string): PageContext => ({
  host: 'gmail',
  kind: 'thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXprofile',
  threadId: 'FMfcgzQXprofile',
  subject: 'Forwarded: renewal notes',
  people: emails.map((email) => ({ email })),
  userEmail,
  messages: [],
});

describe('profile: the user’s own company domains', () => {
  it('stops a colleague’s company domain from matching an account, once the domain is saved', async () => {
    const service = startService();
    await service.importRecords('small-book.json', bookRecords());
    // The user writes from a personal alias; a colleague at harborfreight-systems.com is on the thread.
    const context = thread(['ops@harborfreight-systems.com'], 'casey@gmail.com');
    const before = await service.run('page.match', { context });
    expect(before.match).toMatchObject({ status: 'matched', accountId: 'acc-harbor', via: 'domain' });

    const saved = await service.run('profile.save', { profile: { ownDomains: ['mail.HarborFreight-Systems.com'] } });
    expect(saved.ownDomains).toEqual(['harborfreight-systems.com']);
    const after = await service.run('page.match', { context });
    expect(after.match.status).toBe('none');
  });

  it('refuses something that is not a domain, naming it, and keeps the saved list', async () => {
    const service = startService();
    await service.run('profile.save', { profile: { ownDomains: ['northpeak.io'] } });
    await expect(service.run('profile.save', { profile: { ownDomains: ['northpeak.io', 'not a domain'] } })).rejects.toThrow(
      'Not saved: "not a domain" is not a domain.',
    );
    await expect(service.run('profile.get', {})).resolves.toEqual({ ownDomains: ['northpeak.io'] });
  });
});
