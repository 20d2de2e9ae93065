/**
 * The Outlook on the web reader on real DOM captured from the live product (outlook.live.com 2024 and
 * 2025, an outlook.office.com card from 2023). The captures are a shared reference kept beside the
 * checkout, not part of the project: without them these tests skip; tests/fixtures/hosts/outlook-*.html
 * reproduce their structures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage, sentAtOfNode } from '../../../lib/hosts/index';
import type { ReadPage } from '../../../lib/hosts/index';

const CAPTURES = join(__dirname, '../../../../shared/reference/host-dom/outlook');
const absent = !existsSync(CAPTURES);
const skipNote = absent ? ' (skipped: the real captures in ../shared/reference/host-dom are not beside this checkout)' : '';
const capture = (file: string) => new DOMParser().parseFromString(readFileSync(join(CAPTURES, file), 'utf8'), 'text/html');

const READ = 'outlook.live.com-read-item-open-2025-05-compare-selectors1.html';
const LIST_2025 = 'outlook.live.com-inbox-list-no-message-open-2025-05-compare-selectors1.html';
const LIST_2024 = 'outlook.live.com-inbox-list-2024-07-c-outlook.html';
const COMPOSE = 'outlook.live.com-compose-new-message-2025-05-compare-selectors1.html';
const CARD_2023 = 'outlook.office.com-conversation-card-collapsed-2023-05-better-outlook-codefragment.html';

const INBOX = 'https://outlook.live.com/mail/0/';
// The item id of the open mail, as its inline images carry it (the captures hold no address bar).
const ITEM = 'https://outlook.live.com/mail/0/inbox/id/AQMkADAwATM0MDAAMi04ZTI5LTRmNjUtMDACLTAwCgBGAAADbh6QAAAAgVZAAAAA';
const CONVERSATION_ID = 'AQQkADAwATM0MDAAMi04ZTI5LTRmNjUtMDACLTAwCgAQAJr5qba978hCoYLaodB+3Lo=';
const read = (file: string, url: string, doc = capture(file)) => readPage(new URL(url), doc)!;
const thread = (ctx: ReadPage) => {
  if (ctx.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(ctx)}`);
  return ctx;
};

describe.skipIf(absent)(`real Outlook on the web DOM${skipNote}`, () => {
  it('2025 message open in the reading pane: subject, sender with address, the user as recipient, sent time and body', () => {
    const ctx = thread(read(READ, ITEM));
    expect(ctx.host).toBe('outlook');
    expect(ctx.subject).toBe('Welcome to your new Outlook.com account');
    // The list row selected for the open mail carries the conversation id.
    expect(ctx.threadId).toBe(CONVERSATION_ID);
    expect(ctx.userEmail).toBe('owner-2025@example.org');
    expect(ctx.messages).toHaveLength(1);
    const [message] = ctx.messages;
    expect(message.from).toEqual({ name: 'Outlook Team', email: 'no-reply@microsoft.com' });
    // Shown as "You", labelled with the owner's name: the user, so the user's own address.
    expect(message.to).toEqual([{ name: 'Account Owner', email: 'owner-2025@example.org' }]);
    expect(message.sentAt).toBe(new Date(2025, 3, 30, 15, 3).toISOString());
    // The capture was re-indented by a formatter: compare words, not its line breaks.
    expect(message.text.replace(/\s+/g, ' ')).toMatch(/^Hi Welcome to your Outlook! We're the email service designed to help you/);
    expect(message.text).not.toMatch(/font-family|rps_ad91/);
    expect(ctx.people).toEqual([message.from, message.to![0]]);
  });

  it('2025 open message: the sent time of a selection in its body', () => {
    const doc = capture(READ);
    const bodyText = doc.querySelector('[id^="UniqueMessageBody"] td')!;
    expect(sentAtOfNode(new URL(ITEM), bodyText)).toBe(new Date(2025, 3, 30, 15, 3).toISOString());
  });

  it.each([[LIST_2025], [LIST_2024]])('the message list %s is a list, and never a thread', (file) => {
    expect(read(file, INBOX).kind).toBe('list');
    // Rows carry senders and conversation ids, but no conversation is open: an address that says one
    // is open without a reading pane is a page Glance could not read, not the first row's thread.
    expect(read(file, ITEM).kind).toBe('unreadable');
  });

  it('2025 compose form in the reading pane is no thread, though a row is still selected', () => {
    expect(read(COMPOSE, INBOX).kind).toBe('list');
    expect(read(COMPOSE, ITEM).kind).toBe('list');
  });

  it('2023 collapsed conversation card (office.com): the sender by name, the date and the preview', () => {
    const doc = capture(CARD_2023);
    // The fragment has no reading pane around it: put it where Outlook draws a conversation.
    doc.querySelector('[role="main"]')!.id = 'ConversationReadingPaneContainer';
    const ctx = thread(read('', 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA3NjUtNDAwAAQAKm9Q2dc%3D', doc));
    expect(ctx.threadId).toBe('AAQkAGI2TG93AAA3NjUtNDAwAAQAKm9Q2dc=');
    expect(ctx.messages).toEqual([
      {
        from: { name: 'Sender Twentythree' },
        sentAt: new Date(2023, 4, 10, 15, 25).toISOString(),
        text: expect.stringMatching(/^CAUTION: This email originated from outside of the organization/),
      },
    ]);
  });
});
