import { describe, expect, it } from 'vitest';
import type { ThreadMessage } from '@/lib/hosts/types';
import { commitmentIdOf, readThread, threadTouch } from '@/lib/thread';
import { cleanMessage } from '@/lib/thread/clean';
import { textUnits } from '@/lib/thread/units';

const CASEY = { name: 'Casey Morgan', email: 'casey.morgan@northpeak.io' };
const DANA = { name: 'Dana Whitfield', email: 'dana.whitfield@acmerobotics.com' };
const PRIYA = { name: 'Priya Nair', email: 'priya.nair@acmerobotics.com' };

const options = {
  threadId: '18e5c2a7f4b91d03',
  ownDomains: ['northpeak.io'],
  userEmail: CASEY.email,
  accountName: 'Acme Robotics',
  accountDomains: ['acmerobotics.com'],
  contactEmails: [DANA.email],
  now: new Date('2026-03-20T12:00:00Z'),
};

const thread: ThreadMessage[] = [
  {
    from: DANA,
    to: [CASEY, PRIYA],
    sentAt: '2026-03-02T10:12:00Z',
    text: "Hi Casey,\n\nCould you send the security questionnaire over? Also, we'll get you the usage export next week. It would be great if dashboards could be exported to PDF.\n\nThanks,\nDana",
  },
  {
    from: CASEY,
    to: [DANA],
    sentAt: '2026-03-03T14:40:00Z',
    text: "Hi Dana,\n\nWe'll send the security questionnaire by Friday.\n\nBest,\nCasey\n\nOn Mon, Mar 2, 2026 at 10:12 AM Dana Whitfield wrote:\n> we'll get you the usage export next week",
  },
];

describe('reading an open thread', () => {
  const found = readThread(thread, options);

  it('finds the customer ask, the customer promise and our promise, each with owner and due date', () => {
    expect(found.commitments.map(({ text, kind, owner, dueDate }) => ({ text, kind, owner, dueDate }))).toEqual([
      { text: 'Could you send the security questionnaire over?', kind: 'customer-ask', owner: 'us', dueDate: undefined },
      { text: "Also, we'll get you the usage export next week.", kind: 'customer-promise', owner: 'customer', dueDate: '2026-03-13' },
      { text: "We'll send the security questionnaire by Friday.", kind: 'our-promise', owner: 'us', dueDate: '2026-03-06' },
    ]);
  });

  it('does not offer the promise quoted in the reply a second time', () => {
    expect(found.commitments.filter((c) => c.text.includes('usage export'))).toHaveLength(1);
  });

  it('gives the same ids on every read of the same thread, and other ids in another thread', () => {
    const again = readThread(thread, options);
    expect(again.commitments.map((c) => c.id)).toEqual(found.commitments.map((c) => c.id));
    const elsewhere = readThread(thread, { ...options, threadId: 'another' });
    expect(elsewhere.commitments[0].id).not.toBe(found.commitments[0].id);
    expect(commitmentIdOf(found.commitments[0].id)).toBe(`c-${found.commitments[0].id}`);
  });

  it('captures the feature request as feedback, not as a commitment', () => {
    expect(found.feedback).toEqual([
      expect.objectContaining({ kind: 'feature-request', text: 'It would be great if dashboards could be exported to PDF.' }),
    ]);
  });

  it('offers people at the account domain who are not contacts yet', () => {
    expect(found.newPeople).toEqual([{ email: PRIYA.email, name: PRIYA.name }]);
  });

  it("knows the customer's latest message", () => {
    expect(found.latestCustomerMessage).toEqual({ email: DANA.email, sentAt: '2026-03-02T10:12:00Z' });
  });

  it('reads nothing from an auto-reply or a newsletter', () => {
    const auto = readThread(
      [{ from: DANA, text: "Automatic reply: I am out of the office until Monday. I'll reply when I'm back." }],
      options,
    );
    const news = readThread([{ from: DANA, text: "We'll send five renewal plays next week.\nUnsubscribe" }], options);
    expect(auto.commitments).toEqual([]);
    expect(news.commitments).toEqual([]);
  });
});

describe('cleaning a message body', () => {
  it('keeps the signature apart from the words and drops quoted history and disclaimers', () => {
    const cleaned = cleanMessage(
      "Hi,\n\nI'll send it Monday.\n\nKind regards,\nTom\n+44 20 7946 0958\n\nCONFIDENTIALITY NOTICE: This email is confidential.",
    );
    expect(cleaned.lines.filter(Boolean)).toEqual(['Hi,', "I'll send it Monday."]);
    expect(cleaned.signature).toContain('+44 20 7946 0958');
    expect(cleaned.signature).not.toContain('CONFIDENTIALITY');
  });

  it('cuts list items out with the line that introduces them', () => {
    expect(textUnits(['Next steps:', '- send the deck', '2) book the call', '', 'Thanks. See you soon.'])).toEqual([
      { text: 'Next steps:' },
      { text: 'send the deck', listLead: 'Next steps:' },
      { text: 'book the call', listLead: 'Next steps:' },
      { text: 'Thanks.' },
      { text: 'See you soon.' },
    ]);
  });
});

describe('logging the thread as a touch', () => {
  it('is one email activity dated by the latest message, naming the contacts who took part', () => {
    const touch = threadTouch({
      accountId: 'acc-acme',
      threadId: options.threadId,
      subject: 'Security review',
      messages: thread,
      contacts: [{ id: 'ct-dana', email: DANA.email }],
      now: options.now,
    });
    expect(touch).toMatchObject({
      accountId: 'acc-acme',
      type: 'email',
      date: '2026-03-03T14:40:00.000Z',
      summary: 'Email: Security review',
      contactIds: ['ct-dana'],
    });
    expect(
      threadTouch({ accountId: 'acc-acme', threadId: options.threadId, subject: '', messages: [], contacts: [], now: options.now }).id,
    ).toBe(touch.id);
  });
});
