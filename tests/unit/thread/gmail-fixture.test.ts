import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/hosts/index';
import { ANCHORS, SAMPLE_USER } from '@/lib/sample/anchors';
import { readThread } from '@/lib/thread';
import { loadFixture } from '../hosts/load-fixture';

const URL_OF_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVtRkHnBvLpMcXzWqJdFsGyTbE';

describe('the commitments of a Gmail thread, read from the page as the sidebar reads it', () => {
  const ctx = readPage(new URL(URL_OF_THREAD), loadFixture('gmail-thread-commitments.html'))!;
  if (ctx.kind !== 'thread') throw new Error(`expected a thread, got ${JSON.stringify(ctx)}`);
  const found = readThread(ctx.messages, {
    threadId: ctx.threadId,
    ownDomains: ['northpeak.io'],
    userEmail: ctx.userEmail,
    accountName: ANCHORS.acme.name,
    accountDomains: [ANCHORS.acme.domain],
    contactEmails: [ANCHORS.acme.champion.email, ANCHORS.acme.economicBuyer.email],
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    now: new Date(),
  });

  it('keeps the Gmail signature apart from the words of the message', () => {
    expect(ctx.userEmail).toBe(SAMPLE_USER.email);
    expect(ctx.messages[2].signature).toContain("We'll automate your warehouse");
    expect(ctx.messages[2].text).not.toContain('automate');
  });

  it('finds the ask, our promise and their promise, with the owners and the dates counted from each message', () => {
    expect(found.commitments.map(({ text, owner, dueDate }) => [text, owner, dueDate])).toEqual([
      ['Could you send it over by Thursday?', 'us', '2026-03-05'],
      ["We'll send the security questionnaire by Friday.", 'us', '2026-03-06'],
      ["We'll get you the SSO metadata file next week.", 'customer', '2026-03-13'],
    ]);
  });

  it('does not offer the promise that is only in quoted history, nor the signature tagline', () => {
    expect(found.commitments.some((c) => /go-live|automate/.test(c.text))).toBe(false);
  });
});
