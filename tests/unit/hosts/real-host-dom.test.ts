/**
 * The host readers on real Gmail (2014 to 2026) and Salesforce Lightning DOM captured from the live
 * products. The captures are a shared reference kept beside the checkout, not part of the project:
 * without them these tests skip; the fixtures in tests/fixtures/hosts reproduce their structures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/hosts/index';
import type { ReadPage } from '../../../lib/hosts/index';

const CAPTURES = join(__dirname, '../../../../shared/reference/host-dom');
const absent = !existsSync(CAPTURES);
const skipNote = absent ? ' (skipped: the real captures in ../shared/reference/host-dom are not beside this checkout)' : '';
const capture = (file: string) => new DOMParser().parseFromString(readFileSync(join(CAPTURES, file), 'utf8'), 'text/html');

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';
const gmail = (file: string, url = THREAD, doc = capture(file)) => readPage(new URL(url), doc)!;
const thread = (ctx: ReadPage) => {
  if (ctx.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(ctx)}`);
  return ctx;
};

describe.skipIf(absent)(`real Gmail DOM${skipNote}`, () => {
  it.each([['mail.google.com-inbox-list-inboxsdk-2014.html'], ['mail.google.com-inbox-row-2019-ru-codefragment.html']])(
    'the inbox list %s reads as a list, and never as a thread',
    (file) => {
      expect(gmail(file, INBOX).kind).toBe('list');
      // Rows carry [email] senders (and 2019+ thread ids): still no open thread.
      expect(gmail(file, THREAD).kind).toBe('unreadable');
    },
  );

  it('2019 thread, all messages collapsed (div.adf, no heading, no recipients): its sender', () => {
    const ctx = thread(gmail('mail.google.com-thread-collapsed-2019-ru-codefragment.html'));
    expect(ctx.people).toEqual([{ name: 'Отправитель', email: 'sender-2019@example.org' }]);
    expect(ctx.messages.map((m) => m.text)).toEqual([
      'Письмо 01 С уважением, Отправитель sender-2019@example.org',
      'Письмо 02 С уважением, Отправитель sender-2019@example.org',
    ]);
    expect(ctx.messages[0].sentAt).toBe(new Date(2019, 11, 26, 22, 53).toISOString());
  });

  it('2016 classic expanded message (zh-CN, no hovercard ids): sender and the user, whose "me" label is no name', () => {
    const ctx = thread(gmail('mail.google.com-thread-expanded-2016-zhCN-codefragment.html'));
    expect(ctx.people).toEqual([{ name: 'Red Hat', email: 'news@vendor-2016.example' }, { email: 'me-2016@example.org' }]);
    expect(ctx.messages).toHaveLength(1);
    expect(ctx.messages[0]).toMatchObject({ to: [{ email: 'me-2016@example.org' }], sentAt: new Date(2016, 4, 4, 10, 8).toISOString() });
    expect(ctx.messages[0].text).toContain('红帽软件');
  });

  it('2025 expanded message copied without heading or wrapper: sender, recipient and the jslog thread id', () => {
    const ctx = thread(gmail('mail.google.com-thread-expanded-2025-en-JIIT-placement-alerts.html'));
    expect(ctx.people).toEqual([
      { name: 'Sender Twentyfive', email: 'sender-2025@example.org' },
      { name: 'jiitengg2026', email: 'list-2025@example.org' },
    ]);
    // jslog 1:["#thread-f:1840959905192440233"], the legacy hex id in decimal.
    expect(ctx.threadId).toBe('198c6747aabb71a9');
    expect(ctx.messages[0]).toMatchObject({
      from: { email: 'sender-2025@example.org' },
      to: [{ email: 'list-2025@example.org' }],
      sentAt: new Date(2025, 7, 20, 13, 19).toISOString(),
    });
  });

  it('2025 message with no container left at all: the people from span.gD, span.g2 and img.ajn', () => {
    const doc = capture('mail.google.com-thread-expanded-2025-en-JIIT-placement-alerts.html');
    doc.querySelector('div.gs')!.className = '';
    expect(thread(gmail('', THREAD, doc)).people.map((p) => p.email)).toEqual(['sender-2025@example.org', 'list-2025@example.org']);
  });

  it('2026 subject heading: the legacy hex id, not the new "thread-a:r-" permanent id', () => {
    const samples = capture('mail.google.com-misc-attribute-samples-2022-2026-codefragment.html');
    // The heading alone names no one, and the 2022 list row beside it is no thread.
    expect(gmail('', THREAD, samples).kind).toBe('unreadable');
    const doc = capture('mail.google.com-thread-expanded-2025-en-JIIT-placement-alerts.html');
    doc.querySelector('[role="main"]')!.prepend(doc.importNode(samples.querySelector('div.ha')!, true));
    const ctx = thread(gmail('', THREAD, doc));
    expect(ctx).toMatchObject({
      threadId: '1a05659a2ffafc3d',
      subject: '2nd Edition of Founders Meet | Google for Startups Hub Community',
    });
    doc.querySelector('h2.hP')!.removeAttribute('data-legacy-thread-id');
    // Without the legacy id the body's thread-f id wins: "thread-a:r-…" has no hex twin.
    expect(thread(gmail('', THREAD, doc)).threadId).toBe('198c6747aabb71a9');
  });
});

describe.skipIf(absent)(`real Salesforce Lightning DOM${skipNote}`, () => {
  const FILE = 'lightning.force.com-account-record-detail-SalesforceDummyFill.html';
  const ID = '0012w000005TOQ8AAO';

  it('the Account detail panel (ja, inline edit) is the Account record of its address', () => {
    for (const path of [`/lightning/r/Account/${ID}/view`, `/lightning/r/${ID}/view`, `/lightning/r/Account/${ID.slice(0, 15)}/view`]) {
      const ctx = readPage(new URL(`https://atskimura-dev-dev-ed.lightning.force.com${path}`), capture(FILE));
      expect(ctx).toMatchObject({ host: 'salesforce', kind: 'record', record: { crm: 'salesforce', object: 'account', id: ID } });
    }
  });

  it('names the record from the Name field of the detail panel when there is no highlights panel', () => {
    const doc = capture(FILE);
    // Inline edit mode: the name lives in the input's value, which a saved page does not keep.
    const input = doc.querySelector<HTMLInputElement>('[data-target-selection-name$=".Account.Name"] input')!;
    input.value = '株式会社サンプル';
    const ctx = readPage(new URL(`https://atskimura-dev-dev-ed.lightning.force.com/lightning/r/Account/${ID}/view`), doc);
    expect(ctx).toMatchObject({ record: { id: ID, title: '株式会社サンプル' } });
  });
});
