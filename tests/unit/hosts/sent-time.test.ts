import { describe, expect, it } from 'vitest';
import { sentAtOf, threadMessagesOf } from '../../../lib/hosts/sent-time';

describe('sent times as the page writes them, read where they are used', () => {
  it("reads Gmail's date title and Outlook's header text, Outlook's by the page's language", () => {
    expect(sentAtOf({ host: 'gmail', text: 'Tue, Mar 4, 2025, 9:14 AM' })).toBe(new Date(2025, 2, 4, 9, 14).toISOString());
    expect(sentAtOf({ host: 'outlook', text: 'Wed 4/5/2025 3:03 PM', lang: 'en-US' })).toBe(new Date(2025, 3, 5, 15, 3).toISOString());
    expect(sentAtOf({ host: 'outlook', text: 'Wed 4/5/2025 15:03', lang: 'en-GB' })).toBe(new Date(2025, 4, 4, 15, 3).toISOString());
  });

  it('leaves a time it cannot read, or none, undated', () => {
    expect(sentAtOf({ host: 'gmail', text: 'gestern, 9:14' })).toBeUndefined();
    expect(sentAtOf(undefined)).toBeUndefined();
  });

  it('gives each message its timestamp and drops the raw time, keeping everything else', () => {
    const dana = { name: 'Dana Ruiz', email: 'dana@acme.example' };
    expect(
      threadMessagesOf([
        { text: 'By Friday.', from: dana, sent: { host: 'gmail', text: 'Tue, Mar 4, 2025, 9:14 AM' } },
        { text: 'Undated.', signature: 'Dana', sent: { host: 'gmail', text: 'yesterday' } },
        { text: 'No time shown.' },
      ]),
    ).toEqual([
      { text: 'By Friday.', from: dana, sentAt: new Date(2025, 2, 4, 9, 14).toISOString() },
      { text: 'Undated.', signature: 'Dana' },
      { text: 'No time shown.' },
    ]);
  });
});
