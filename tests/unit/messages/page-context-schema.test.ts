import { describe, expect, it } from 'vitest';
import type { PageContext } from '../../../lib/hosts/types';
import { pageContextSchema } from '../../../lib/messages/page-context-schema';

const thread: PageContext = {
  host: 'gmail',
  kind: 'thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbN',
  threadId: 'FMfcgzQXJWbN',
  subject: 'Renewal next steps',
  people: [{ name: 'Ana Lopez', email: 'ana@globex.com' }, { email: 'me@northpeak.io' }],
  userEmail: 'me@northpeak.io',
  messages: [
    {
      from: { name: 'Ana Lopez', email: 'ana@globex.com' },
      to: [{ email: 'me@northpeak.io' }],
      sentAt: '2026-11-02T10:15:00.000Z',
      text: 'Can you send the security questionnaire by Friday?',
    },
    { text: '' },
  ],
};
const outlookThread: PageContext = {
  host: 'outlook',
  kind: 'thread',
  url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMi04ZTI5',
  threadId: 'AAQkADAwATM0MDAAMi04ZTI5',
  subject: 'Renewal next steps',
  // Outlook names recipients without their addresses.
  people: [{ name: 'Ana Lopez', email: 'ana@globex.com' }, { name: 'Raj Patel' }],
  messages: [{ from: { name: 'Ana Lopez', email: 'ana@globex.com' }, to: [{ name: 'Raj Patel' }], text: 'See you Friday.' }],
};
const sfRecord: PageContext = {
  host: 'salesforce',
  kind: 'record',
  url: 'https://northpeak.lightning.force.com/lightning/r/Opportunity/006A0000006Vm9rIAC/view',
  record: {
    crm: 'salesforce',
    object: 'opportunity',
    id: '006A0000006Vm9rIAC',
    relatedAccountId: '001A0000006Vm9rIAC',
    title: 'Globex renewal',
  },
};
const hsRecord: PageContext = {
  host: 'hubspot',
  kind: 'record',
  url: 'https://app.hubspot.com/contacts/123/company/4401',
  record: { crm: 'hubspot', object: 'company', id: '4401' },
};
const list: PageContext = { host: 'gmail', kind: 'list', url: 'https://mail.google.com/mail/u/0/#inbox' };
const unreadable: PageContext = {
  host: 'hubspot',
  kind: 'unreadable',
  url: 'https://app.hubspot.com/x',
  reason: 'the record id could not be read',
};

describe('pageContextSchema', () => {
  it('accepts every kind of page context as the adapters produce it, unchanged', () => {
    for (const ctx of [thread, outlookThread, sfRecord, hsRecord, list, unreadable]) {
      expect(pageContextSchema.parse(ctx)).toEqual(ctx);
    }
  });

  it('rejects oversized contexts', () => {
    const invalid = (ctx: unknown) => expect(pageContextSchema.safeParse(ctx).success).toBe(false);
    invalid({ ...thread, subject: 'x'.repeat(1001) });
    invalid({ ...thread, url: `https://mail.google.com/${'a'.repeat(4000)}` });
    invalid({ ...thread, people: Array.from({ length: 501 }, (_, i) => ({ email: `p${i}@globex.com` })) });
    invalid({ ...thread, messages: Array.from({ length: 201 }, () => ({ text: 'hi' })) });
    invalid({ ...thread, messages: [{ text: 'x'.repeat(20001) }] });
    invalid({ ...sfRecord, record: { ...sfRecord.record, id: '0'.repeat(65) } });
    invalid({ ...unreadable, reason: 'x'.repeat(501) });
  });

  it('rejects malformed contexts', () => {
    const invalid = (ctx: unknown) => expect(pageContextSchema.safeParse(ctx).success).toBe(false);
    invalid(null);
    invalid({ ...list, host: 'yahoo' });
    invalid({ ...list, kind: 'inbox' });
    invalid({ host: 'gmail', kind: 'list' });
    invalid({ ...thread, host: 'salesforce' });
    invalid({ ...thread, people: [{}] });
    invalid({ ...outlookThread, messages: [{ text: '', to: [{ name: '' }] }] });
    invalid({ ...thread, people: 'ana@globex.com' });
    invalid({ ...sfRecord, record: { ...sfRecord.record, object: 'lead' } });
    invalid({ ...sfRecord, host: 'gmail' });
    invalid({ ...unreadable, reason: undefined });
  });
});
