import { describe, expect, it } from 'vitest';
import { readPage, sentAtOfNode } from '../../../lib/hosts/index';
import { outlookRouteId } from '../../../lib/hosts/outlook';
import { parseOutlookDate } from '../../../lib/hosts/outlook-date';
import type { ReadPage } from '../../../lib/hosts/index';
import { pageKey } from '../../../lib/match/page-key';
import { loadFixture } from './load-fixture';

const ACME_ID = 'AAQkAGFjbWUtcmVuZXdhbC0yMDI1AAQAc2VjdXJpdHk=';
const ACME_URL = `https://outlook.office.com/mail/inbox/id/${encodeURIComponent(ACME_ID)}`;
const read = (url: string, doc = loadFixture('outlook-app.html')) => readPage(new URL(url), doc)!;
const thread = (ctx: ReadPage) => {
  if (ctx.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(ctx)}`);
  return ctx;
};
/** The fixture's reading pane as the app draws it for another state (the templates are not in the page). */
function withPane(templateId: string | null): Document {
  const doc = loadFixture('outlook-app.html');
  const pane = doc.querySelector('[data-app-section="MailReadCompose"]')!;
  if (templateId === null) pane.remove();
  else pane.replaceChildren((doc.getElementById(templateId) as HTMLTemplateElement).content.cloneNode(true));
  return doc;
}

describe('Outlook on the web reader', () => {
  it('reads an open conversation: subject, each message with sender, recipients by name, sent time and body', () => {
    const ctx = thread(read(ACME_URL));
    expect(ctx).toMatchObject({ host: 'outlook', threadId: ACME_ID, subject: 'Re: Security review before renewal' });
    expect(ctx.userEmail).toBe('casey.morgan@northpeak.io');
    expect(ctx.messages.map((m) => [m.from, m.to, m.sentAt])).toEqual([
      // A collapsed card shows the sender's name and a preview only.
      [{ name: 'Raj Patel' }, undefined, new Date(2025, 2, 3, 8, 30).toISOString()],
      [
        { name: 'Dana Whitfield', email: 'dana.whitfield@acmerobotics.com' },
        // "You" is the signed-in user: the one recipient whose address Glance knows.
        [{ name: 'Casey Morgan', email: 'casey.morgan@northpeak.io' }, { name: 'Raj Patel' }],
        new Date(2025, 2, 5, 9, 2).toISOString(),
      ],
      [
        { name: 'Casey Morgan', email: 'casey.morgan@northpeak.io' },
        [{ name: 'Dana Whitfield' }, { name: 'Raj Patel' }],
        new Date(2025, 2, 11, 16, 40).toISOString(),
      ],
    ]);
    expect(ctx.messages[0].text).toBe('Looping in Dana, who runs the security review on our side.');
    expect(ctx.messages[2].text).toBe(
      "Hi Dana,\nWe'll send the security questionnaire by Friday. I'll also bring our solutions engineer to the renewal call.\nCasey",
    );
  });

  it('lists each person once: a name shown beside an address elsewhere in the thread is that person', () => {
    expect(thread(read(ACME_URL)).people).toEqual([
      { name: 'Raj Patel' },
      { name: 'Dana Whitfield', email: 'dana.whitfield@acmerobotics.com' },
      { name: 'Casey Morgan', email: 'casey.morgan@northpeak.io' },
    ]);
  });

  it('takes the conversation id from the selected row, else from the address (a pop-out has no list)', () => {
    const doc = loadFixture('outlook-app.html');
    doc.querySelector('[role="complementary"]')!.remove();
    const popOut = thread(read('https://outlook.office365.com/mail/deeplink/read/AAMkAGI2TG93AAEAAAAAAAAA%3D', doc));
    expect(popOut.threadId).toBe('AAMkAGI2TG93AAEAAAAAAAAA=');
    expect(pageKey(thread(read(ACME_URL)))).toBe(`outlook:thread:${ACME_ID}`);
  });

  it('reads a conversation swapped into the pane (Globex, one message)', () => {
    const ctx = thread(
      read('https://outlook.live.com/mail/0/inbox/id/AAQkAGdsb2JleC1vbmJvYXJkaW5nAAQAcm9sbG91dA%3D%3D', withPane('pane-globex')),
    );
    expect(ctx.subject).toBe('Berlin rollout moves to April');
    expect(ctx.people).toEqual([
      { name: 'Tom Reyes', email: 'tom.reyes@eu.mail.globex.co.uk' },
      { name: 'Casey Morgan', email: 'casey.morgan@northpeak.io' },
    ]);
  });

  it('the message list alone is a list; with an address naming a message it is unreadable, never the first row', () => {
    expect(read('https://outlook.office.com/mail/inbox', withPane(null)).kind).toBe('list');
    const ctx = read(ACME_URL, withPane(null));
    expect(ctx.kind).toBe('unreadable');
    if (ctx.kind !== 'unreadable') return;
    expect(ctx.reason).toBe("Outlook's reading pane could not be read: no open message with a sender found");
    expect(ctx.looked).toContain('#ConversationReadingPaneContainer');
  });

  it('a compose form in the reading pane is no thread, whichever row is still selected', () => {
    expect(read('https://outlook.office.com/mail/inbox', withPane('pane-compose')).kind).toBe('list');
    expect(read(ACME_URL, withPane('pane-compose')).kind).toBe('list');
  });

  it('fails visibly when the pane changed: no sender found', () => {
    const doc = loadFixture('outlook-app.html');
    for (const el of doc.querySelectorAll('[aria-label^="From: "], .OZZZK, [data-testid="RecipientWell"]')) el.remove();
    const ctx = read(ACME_URL, doc);
    expect(ctx).toMatchObject({ host: 'outlook', kind: 'unreadable' });
  });

  it('gives the sent time of the message a selection sits in', () => {
    const doc = loadFixture('outlook-app.html');
    const body = doc.getElementById('UniqueMessageBody_2')!.querySelector('p:nth-child(2)')!;
    expect(sentAtOfNode(new URL(ACME_URL), body.firstChild)).toBe(new Date(2025, 2, 11, 16, 40).toISOString());
    const earlier = doc.getElementById('UniqueMessageBody_1')!.querySelector('p')!;
    expect(sentAtOfNode(new URL(ACME_URL), earlier)).toBe(new Date(2025, 2, 5, 9, 2).toISOString());
  });

  it('reads only the mail app of the three Outlook hosts', () => {
    const blank = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    expect(read('https://outlook.live.com/mail/0/', blank).host).toBe('outlook');
    expect(readPage(new URL('https://outlook.office.com/calendar/view/week'), blank)).toBeNull();
    expect(readPage(new URL('https://outlook.com/mail/'), blank)).toBeNull();
  });
});

describe('Outlook routes and dates', () => {
  it.each([
    ['https://outlook.office.com/mail/id/AAQkAGI2TG93AAA3NjUtNDAwAAQAKm9Q2dc%3D', 'AAQkAGI2TG93AAA3NjUtNDAwAAQAKm9Q2dc='],
    ['https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA3NjUtNDAwAAQAKm9Q2dc%3D', 'AAQkAGI2TG93AAA3NjUtNDAwAAQAKm9Q2dc='],
    ['https://outlook.office365.com/mail/0/archive/id/AAMkADAwATM0MDAAMi04ZTI5', 'AAMkADAwATM0MDAAMi04ZTI5'],
    ['https://outlook.live.com/mail/0/', null],
    ['https://outlook.office.com/mail/inbox', null],
    ['https://outlook.office.com/mail/deeplink/compose', null],
    ['https://outlook.office.com/mail/search/id/<script>', null],
  ])('%s -> %s', (href, id) => expect(outlookRouteId(new URL(href))).toBe(id));

  it.each([
    ['Wed 4/30/2025 3:03 PM', 'en-US', new Date(2025, 3, 30, 15, 3)],
    ['Wed 10-May-23 15:25', '', new Date(2023, 4, 10, 15, 25)],
    ['Wed 30/04/2025 15:03', 'en-GB', new Date(2025, 3, 30, 15, 3)],
    ['Mi 30.04.2025 15:03', 'de-DE', new Date(2025, 3, 30, 15, 3)],
    ['2025-04-30 15:03', 'sv-SE', new Date(2025, 3, 30, 15, 3)],
    ['Thu 3/6/2025 12:15 AM', 'en-US', new Date(2025, 2, 6, 0, 15)],
  ])('%s (%s)', (text, lang, date) => expect(parseOutlookDate(text, lang)).toBe(date.toISOString()));

  it('leaves dates it cannot place undated', () => {
    expect(parseOutlookDate('Yesterday 3:03 PM', 'en-US')).toBeUndefined();
    expect(parseOutlookDate('Wed 4/31/2025 3:03 PM', 'en-US')).toBeUndefined();
    expect(parseOutlookDate('Wed 4/30/2025', 'en-US')).toBeUndefined();
  });
});
