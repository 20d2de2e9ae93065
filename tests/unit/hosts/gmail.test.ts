import { describe, expect, it } from 'vitest';
import { readGmail, readGmailMessages, gmailThreadToken } from '../../../lib/hosts/gmail';
import { parseGmailDate } from '../../../lib/hosts/gmail-date';
import { readPage } from '../../../lib/hosts/index';
import { ANCHORS, SAMPLE_USER } from '../../../lib/sample/anchors';
import { loadFixture } from './load-fixture';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const read = (file: string, hash: string) => readPage(new URL(GMAIL + hash), loadFixture(file))!;

describe('gmail thread, classic DOM (v1)', () => {
  const ctx = read('gmail-thread-v1.html', '#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT');

  it('reads the thread', () => {
    if (ctx.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(ctx)}`);
    expect(ctx.subject).toBe('Security review before the Berlin rollout');
    expect(ctx.threadId).toBe('18e5c2a7f4b91d03');
    expect(ctx.userEmail).toBe(SAMPLE_USER.email);
    expect(ctx.people).toEqual([
      { name: ANCHORS.acme.champion.name, email: ANCHORS.acme.champion.email },
      { name: SAMPLE_USER.name, email: SAMPLE_USER.email },
      { name: ANCHORS.acme.economicBuyer.name, email: ANCHORS.acme.economicBuyer.email },
    ]);
  });

  it('reads each message: sender, recipients, time and body without quoted history', () => {
    if (ctx.kind !== 'thread') throw new Error('expected a thread');
    expect(ctx.messages).toHaveLength(3);
    const [first, reply] = ctx.messages;
    expect(first.from?.email).toBe(ANCHORS.acme.champion.email);
    expect(first.to?.map((p) => p.email)).toEqual([SAMPLE_USER.email, ANCHORS.acme.economicBuyer.email]);
    expect(first.sentAt).toBe(new Date(2025, 2, 3, 10, 12).toISOString());
    expect(first.text).toContain("we're evaluating our tech stack");
    expect(reply.from?.email).toBe(SAMPLE_USER.email);
    expect(reply.text).toContain("We'll send the security questionnaire by Friday.");
    expect(reply.text).not.toContain('wrote:');
    expect(reply.text.startsWith('Hi Dana,\n')).toBe(true);
    expect(ctx.messages[2].sentAt).toBe(new Date(2025, 2, 4, 9, 14).toISOString());
  });
});

describe('gmail thread, attribute-only DOM (v2)', () => {
  const ctx = read('gmail-thread-v2.html', '#inbox/FMfcgzQVxPnMhKsJcLbWtRgDfZqXvBkN');
  it('falls back to [email], [data-message-id], [role=main] and the permanent thread id', () => {
    if (ctx.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(ctx)}`);
    expect(ctx.subject).toBe('Training for the Manchester team');
    // thread-f:<decimal> is the legacy hex id in decimal: one id per thread whichever DOM is served.
    expect(ctx.threadId).toBe('18e5d9b3c2a17f46');
    expect(ctx.people.map((p) => p.email)).toEqual([ANCHORS.globex.subdomainSender.email, SAMPLE_USER.email]);
    expect(ctx.people[0].name).toBe('Tom Reyes');
    expect(ctx.messages).toHaveLength(2);
    expect(ctx.messages[0].from?.email).toBe(ANCHORS.globex.subdomainSender.email);
    expect(ctx.messages[0].to).toEqual([{ name: SAMPLE_USER.name, email: SAMPLE_USER.email }]);
    expect(ctx.messages[0].sentAt).toBe(new Date(2025, 2, 3, 16, 2).toISOString());
    expect(ctx.messages[0].text).toContain('40 more people in Manchester');
  });
});

describe('gmail other threads', () => {
  it('initech and free-mail threads list their sender', () => {
    const initech = read('gmail-thread-initech.html', '#inbox/FMfcgzQVzBcDfGhJkLmNpQrStVwXyZbC');
    const pat = read('gmail-thread-freemail.html', '#label/Leads/FMfcgzQVyTrEwQaSdFgHjKlZxCvBnMqW');
    expect(initech.kind === 'thread' && initech.people[0]).toEqual({ name: 'Bill Lumbergh', email: ANCHORS.initechStranger.email });
    expect(pat.kind === 'thread' && pat.people[0]).toEqual({ name: 'Pat Doe', email: ANCHORS.freeMailStranger.email });
  });
});

describe('gmail list and unreadable pages', () => {
  it('inbox, search and label routes are lists', () => {
    for (const hash of [
      '',
      '#inbox',
      '#search/acme',
      '#label/Customers',
      '#inbox/p2',
      '#inbox?compose=new',
      '#search/securityquestionnaire',
    ]) {
      expect(read('gmail-inbox.html', hash).kind).toBe('list');
    }
  });

  it('a thread route whose DOM changed is unreadable, with a reason', () => {
    const ctx = read('gmail-thread-broken.html', '#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT');
    expect(ctx.kind).toBe('unreadable');
    expect(ctx.kind === 'unreadable' && ctx.reason).toBe(
      "Gmail's thread view could not be read: no thread heading, message or sender found",
    );
    expect(ctx.kind === 'unreadable' && ctx.looked).toMatch(/h2\.hP/);
  });

  it('a thread route still showing the inbox is not read as a thread', () => {
    const ctx = read('gmail-inbox.html', '#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT');
    expect(ctx.kind).toBe('unreadable');
  });
});

describe('gmail helpers', () => {
  it('finds thread tokens in hash routes', () => {
    const t = (hash: string) => gmailThreadToken(new URL(GMAIL + hash));
    expect(t('#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT')).toBe('FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT');
    expect(t('#search/acme+robotics/18e5c2a7f4b91d03')).toBe('18e5c2a7f4b91d03');
    expect(t('#label/Customers%2FAcme/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT?compose=new')).toBe('FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT');
    expect(t('#inbox')).toBeNull();
  });

  it('parses US and UK date titles, including the narrow no-break space before AM/PM', () => {
    expect(parseGmailDate('Tue, Mar 4, 2025, 9:14\u202fAM')).toBe(new Date(2025, 2, 4, 9, 14).toISOString());
    expect(parseGmailDate('Tue, 4 Mar 2025, 21:05')).toBe(new Date(2025, 2, 4, 21, 5).toISOString());
    expect(parseGmailDate('Wed, Dec 31, 2025, 12:30 AM')).toBe(new Date(2025, 11, 31, 0, 30).toISOString());
    expect(parseGmailDate('gestern')).toBeUndefined();
  });
});

describe('gmail bounds and fallbacks', () => {
  const url = new URL(GMAIL + '#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT');

  it('keeps the last 10 messages, each body cut to 4,000 characters, but everyone who wrote', () => {
    const doc = loadFixture('gmail-thread-v1.html');
    const list = doc.querySelector('[role="list"]')!;
    const first = list.querySelector('[role="listitem"]')!;
    for (let i = 0; i < 14; i++) list.insertBefore(first.cloneNode(true), first);
    const old = list.querySelector('span.gD')!;
    old.setAttribute('email', 'early.bird@acmerobotics.com');
    old.setAttribute('name', 'Early Bird');
    const last = list.querySelectorAll('div.a3s');
    last[last.length - 1].textContent = 'x'.repeat(10_000);
    const ctx = readPage(url, doc)!;
    if (ctx.kind !== 'thread') throw new Error('expected a thread');
    expect(ctx.messages).toHaveLength(10);
    expect(ctx.messages[9].text).toHaveLength(4000);
    expect(ctx.people.map((p) => p.email)).toContain('early.bird@acmerobotics.com');
  });

  it('finds the user from a localised account button, else from the tab title', () => {
    const doc = loadFixture('gmail-thread-v1.html');
    const button = doc.querySelector('a[aria-label^="Google Account"]')!;
    button.setAttribute('aria-label', 'Compte Google : Casey Morgan (casey.morgan@northpeak.io)');
    expect(readGmail(url, doc)).toMatchObject({ userEmail: SAMPLE_USER.email });
    button.remove();
    expect(readGmail(url, doc)).toMatchObject({ userEmail: SAMPLE_USER.email });
    doc.title = 'Gmail';
    expect(readGmail(url, doc)).not.toHaveProperty('userEmail');
  });

  it('takes the subject from the tab title when the heading has no text', () => {
    const doc = loadFixture('gmail-thread-v1.html');
    doc.querySelector('h2.hP')!.textContent = '';
    expect(readGmail(url, doc)).toMatchObject({ subject: 'Security review before the Berlin rollout' });
  });
});

describe('what the content script reads at page load, and what only on request', () => {
  const url = new URL(GMAIL + '#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT');

  it('matches on the people alone: no message bodies or dates in the context it sends on every read', () => {
    const ctx = readGmail(url, loadFixture('gmail-thread-v1.html'));
    expect(ctx).toMatchObject({ kind: 'thread', threadId: '18e5c2a7f4b91d03' });
    expect(ctx).not.toHaveProperty('messages');
  });

  it('counts the messages shown and open, so a reply arriving is noticed without reading what it says', () => {
    const doc = loadFixture('gmail-thread-v1.html');
    expect(readGmail(url, doc)).toMatchObject({ shown: { messages: 3, open: 3 } });
    const last = doc.querySelectorAll('div.adn');
    last[last.length - 1].after(last[last.length - 1].cloneNode(true));
    expect(readGmail(url, doc)).toMatchObject({ shown: { messages: 4, open: 4 } });
  });

  it('reads the messages when asked, with each sent time as the page writes it (read in the sidebar)', () => {
    const messages = readGmailMessages(url, loadFixture('gmail-thread-v1.html'));
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatchObject({
      from: { email: ANCHORS.acme.champion.email },
      sent: { host: 'gmail', text: expect.stringMatching(/2025/) },
    });
    expect(messages[0]).not.toHaveProperty('sentAt');
    expect(messages[0].text).not.toBe('');
  });
});
