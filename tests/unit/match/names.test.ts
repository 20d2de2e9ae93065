import { describe, expect, it } from 'vitest';
import type { PageContext, Person } from '../../../lib/hosts/types';
import { decideMatch } from '../../../lib/match/match';
import { contactNameKey } from '../../../lib/match/names';
import { ANCHORS, SAMPLE_USER } from '../../../lib/sample/anchors';
import { ACCOUNTS, CONTACTS, keysAndResults, lookup, OPTS } from './book';

/** An Outlook conversation: the user's own message, its recipients shown by name only. */
function outlookThread(people: Person[]): PageContext {
  return {
    host: 'outlook',
    kind: 'thread',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkAGFjbWU%3D',
    threadId: 'AAQkAGFjbWU=',
    subject: 'Renewal',
    people: [{ name: SAMPLE_USER.name, email: SAMPLE_USER.email }, ...people],
    userEmail: SAMPLE_USER.email,
    messages: [],
  };
}
const match = (ctx: PageContext, accounts = ACCOUNTS, contacts = CONTACTS) => {
  const { keys } = keysAndResults(ctx);
  return decideMatch(ctx, keys, lookup(keys, accounts, contacts), OPTS);
};

describe('matching people the page names without an address', () => {
  it('finds the account of a contact the book knows by that whole name', () => {
    expect(match(outlookThread([{ name: 'Raj Patel' }]))).toEqual({
      status: 'matched',
      accountId: ANCHORS.acme.accountId,
      via: 'name',
      reason: 'Raj Patel (named on the thread, no address shown) is a contact of Acme Robotics',
    });
  });

  it('lets an address decide before any name', () => {
    const result = match(outlookThread([{ name: 'Raj Patel' }, { name: 'Tom Reyes', email: ANCHORS.globex.subdomainSender.email }]));
    expect(result).toMatchObject({ status: 'matched', accountId: ANCHORS.globex.accountId, via: 'domain' });
  });

  it('offers a choice when two accounts have a contact of that name, never a guess', () => {
    const twin = { id: 'twin', accountId: ANCHORS.globex.accountId, name: 'Raj Patel', email: 'raj.patel@globex.co.uk' };
    const result = match(outlookThread([{ name: 'raj  PATEL' }]), ACCOUNTS, [...CONTACTS, twin]);
    expect(result.status).toBe('ambiguous');
    if (result.status === 'ambiguous') expect(result.candidates.map((c) => c.accountId).sort()).toEqual(['sample-acme', 'sample-globex']);
  });

  it('finds nothing by a near name, a first name alone, or the user', () => {
    for (const name of ['Raj Patil', 'R. Patel', 'Raj', SAMPLE_USER.name]) {
      expect(match(outlookThread([{ name }])).status, name).toBe('none');
    }
    expect(contactNameKey('Dana')).toBeUndefined();
    expect(contactNameKey(' Dana \n Whitfield ')).toBe('dana whitfield');
  });
});
