/**
 * The Gmail reader on DOM shapes seen in real Gmail captures (2014 to 2026), reproduced in our own
 * fixtures: collapsed-only threads, a message copied without heading or wrapper, bodies holding
 * [email] elements, and a thread list beside the open thread.
 */
import { describe, expect, it } from 'vitest';
import { readPage, type ReadPage } from '../../../lib/hosts/index';
import { pageKey } from '../../../lib/match/page-key';
import { ANCHORS, SAMPLE_USER } from '../../../lib/sample/anchors';
import { loadFixture } from './load-fixture';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const ACME_TOKEN = 'FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';
const read = (file: string, hash: string, edit?: (doc: Document) => void) => {
  const doc = loadFixture(file);
  edit?.(doc);
  return readPage(new URL(GMAIL + hash), doc)!;
};
const emails = (ctx: ReadPage) => (ctx.kind === 'thread' ? ctx.people.map((p) => p.email) : ctx);

const { champion: dana, economicBuyer: raj } = ANCHORS.acme;
const casey = SAMPLE_USER;

describe('a thread whose messages are all collapsed (no subject heading, no message ids)', () => {
  const token = 'FMfcgzQVwRnJkLpMxZbCqTvHsDgFyWeA';
  const ctx = read('gmail-thread-collapsed.html', `#inbox/${token}`);

  it('is a thread with every sender, named, keyed by the address token', () => {
    if (ctx.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(ctx)}`);
    expect(ctx.people).toEqual([
      { name: raj.name, email: raj.email },
      { name: casey.name, email: casey.email },
    ]);
    expect(ctx.threadId).toBe(token);
    expect(ctx.subject).toBe('Renewal pricing for 2026');
  });

  it('lists each collapsed message with its sender, time and the preview it shows', () => {
    if (ctx.kind !== 'thread') throw new Error('expected a thread');
    expect(ctx.messages).toHaveLength(2);
    expect(ctx.messages[0]).toEqual({
      from: { name: raj.name, email: raj.email },
      sentAt: new Date(2025, 2, 10, 8, 5).toISOString(),
      text: 'Casey, before we sign the renewal I need the 2026 price list and the SSO add-on quote. Raj',
    });
    expect(ctx.messages[1].text).toContain('I will send the SSO quote by Thursday');
    expect(ctx.messages[1]).not.toHaveProperty('to');
  });
});

describe('an expanded message without subject heading or message wrapper', () => {
  const ctx = read('gmail-message-header-only.html', `#inbox/${ACME_TOKEN}`);

  it('finds sender and recipients from span.gD / span.g2 / img.ajn, not the Globex contact named in the body', () => {
    expect(emails(ctx)).toEqual([dana.email, casey.email, raj.email]);
  });

  it('reads the message: sender, recipients, day-first date title and body', () => {
    if (ctx.kind !== 'thread') throw new Error('expected a thread');
    expect(ctx.messages).toHaveLength(1);
    const [message] = ctx.messages;
    expect(message.from).toEqual({ name: dana.name, email: dana.email });
    expect(message.to?.map((p) => p.email)).toEqual([casey.email, raj.email]);
    expect(message.sentAt).toBe(new Date(2025, 2, 3, 10, 12).toISOString());
    expect(message.text).toContain('completed vendor questionnaire');
  });

  it("takes the thread id from the body's jslog, so the page keeps the key the full thread view has", () => {
    const full = read('gmail-thread-v1.html', `#inbox/${ACME_TOKEN}`);
    expect(ctx.kind === 'thread' && ctx.threadId).toBe('18e5c2a7f4b91d03');
    expect(pageKey(ctx)).toBe(pageKey(full));
  });

  it('still finds the people when not even the header box (div.gs) is left', () => {
    const bare = read('gmail-message-header-only.html', `#inbox/${ACME_TOKEN}`, (doc) => {
      doc.querySelector('div.gs')!.className = 'renamed';
    });
    expect(emails(bare)).toEqual([dana.email, casey.email, raj.email]);
    expect(bare.kind === 'thread' && bare.threadId).toBe('18e5c2a7f4b91d03');
  });

  it('falls back to the address token when no jslog carries the id', () => {
    const noLog = read('gmail-message-header-only.html', `#inbox/${ACME_TOKEN}`, (doc) => {
      doc.querySelectorAll('[jslog]').forEach((el) => el.removeAttribute('jslog'));
    });
    expect(noLog.kind === 'thread' && noLog.threadId).toBe(ACME_TOKEN);
  });
});

describe('message bodies are content, never participants', () => {
  const token = 'FMfcgzQVqWeRtYuIoPaSdFgHjKlZxCvB';
  const ctx = read('gmail-thread-body-emails.html', `#inbox/${token}`);

  it('ignores span[email], a pasted Gmail header (gD, g2, ajn) and quoted history inside the bodies', () => {
    expect(emails(ctx)).toEqual([dana.email, casey.email]);
    if (ctx.kind !== 'thread') throw new Error('expected a thread');
    expect(ctx.messages.map((m) => m.to?.map((p) => p.email))).toEqual([[casey.email], [dana.email]]);
    expect(ctx.messages.map((m) => m.from?.email)).toEqual([dana.email, casey.email]);
  });

  it('keeps the body text itself', () => {
    if (ctx.kind !== 'thread') throw new Error('expected a thread');
    expect(ctx.messages[0].text).toContain('their CEO ceo@globex.co.uk signed it off');
    expect(ctx.messages[1].text).toContain("We'll send our own answers by Friday.");
  });

  it('ignores them in a DOM without Gmail classes too', () => {
    const attrsOnly = read('gmail-thread-v2.html', '#inbox/FMfcgzQVxPnMhKsJcLbWtRgDfZqXvBkN', (doc) => {
      const body = doc.querySelector('[data-message-id] [dir="ltr"]')!;
      body.insertAdjacentHTML(
        'beforeend',
        '<div>Copying <span email="ceo@rival.com" data-hovercard-id="ceo@rival.com">our CEO</span></div>',
      );
    });
    expect(emails(attrsOnly)).toEqual([ANCHORS.globex.subdomainSender.email, casey.email]);
  });
});

describe('the thread list beside an open thread (split view)', () => {
  it('adds no one from the list rows', () => {
    const inbox = loadFixture('gmail-inbox.html');
    const ctx = read('gmail-thread-v1.html', `#inbox/${ACME_TOKEN}`, (doc) => {
      const rows = doc.importNode(inbox.querySelector('table.F')!, true);
      doc.querySelector('[role="main"]')!.prepend(rows);
    });
    expect(emails(ctx)).toEqual([dana.email, casey.email, raj.email]);
  });

  it('a thread route still showing only the list is not read as a thread', () => {
    expect(read('gmail-inbox.html', `#inbox/${ACME_TOKEN}`).kind).toBe('unreadable');
  });
});

describe('localised Gmail', () => {
  it('drops the localised "me" label as a name, keeping the address', () => {
    const ctx = read('gmail-thread-v1.html', `#inbox/${ACME_TOKEN}`, (doc) => {
      doc.querySelectorAll(`[email="${casey.email}"]`).forEach((el) => el.setAttribute('name', '我'));
    });
    expect(ctx.kind === 'thread' && ctx.people.find((p) => p.email === casey.email)).toEqual({ email: casey.email });
  });
});
