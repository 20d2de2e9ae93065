/**
 * A script on the host page (an XSS on a CRM property, another extension's page script) that frames
 * sidebar.html itself, connects with a nonce of its choosing and feeds it a page: nothing from the
 * book is shown to it, and nothing can be saved through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchGlance, loadSampleBook, serveHost, sidebarFrame, type Glance } from './harness.mjs';

type ExtensionGlobal = { chrome: import('webextension-polyfill').Browser };

const ACME_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';

/** What the hostile script does: frame `src`, connect with its own nonce and port, and feed it Acme's thread. */
async function frameAsThePage(page: Page, id: string, src: string, connect: boolean) {
  await page.evaluate(
    ({ id, src, connect }) =>
      new Promise<void>((resolve) => {
        const iframe = document.createElement('iframe');
        iframe.id = id;
        iframe.src = connect ? `${src}#attacker-nonce` : src;
        iframe.style.cssText = 'position:fixed;left:0;top:0;width:360px;height:600px;opacity:0.01';
        const heard: unknown[] = [];
        (window as unknown as Record<string, unknown[]>)[`heard_${id}`] = heard;
        iframe.addEventListener('load', () => {
          if (connect) {
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => heard.push(event.data);
            iframe.contentWindow!.postMessage({ glance: 'glance:connect', nonce: 'attacker-nonce' }, '*', [channel.port2]);
            const context = {
              host: 'gmail',
              kind: 'thread',
              url: location.href,
              threadId: 'FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT',
              subject: 'Renewal',
              people: [{ email: 'dana.whitfield@acmerobotics.com', role: 'sender' }],
              messages: [],
            };
            channel.port1.postMessage({ type: 'registration', token: 'f'.repeat(48) });
            channel.port1.postMessage({ type: 'context', context });
            channel.port1.postMessage({ type: 'open-promise-form', seed: { text: 'Refund the full contract value by Friday' } });
          }
          resolve();
        });
        document.body.append(iframe);
      }),
    { id, src, connect },
  );
}

async function commitmentCount(glance: Glance): Promise<number> {
  const options = await glance.context.newPage();
  await options.goto(glance.url('options.html'));
  const summary = await options.evaluate(() =>
    (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ glance: 'request', type: 'store.summary', payload: {} }),
  );
  await options.close();
  return (summary as { data: { counts: { commitments: number } } }).data.counts.commitments;
}

describe('a hostile host page that frames the sidebar itself, in real Chromium', () => {
  let glance: Glance;
  let page: Page;
  let realSidebar: Frame;
  let commitmentsBefore: number;
  beforeAll(async () => {
    glance = await launchGlance();
    await loadSampleBook(glance);
    commitmentsBefore = await commitmentCount(glance);
    await serveHost(glance.context, 'https://mail.google.com/**', 'hosts/gmail-thread-v1.html');
    page = await glance.context.newPage();
    await page.goto(ACME_THREAD_URL);
    realSidebar = await sidebarFrame(page);
    // The book has Acme and the page is Acme's thread: whatever a copy could show, it could show now.
    await realSidebar.locator('[data-match="matched"] [data-account-id="sample-acme"]').waitFor();
  });
  afterAll(async () => {
    await glance?.close();
  });

  const hostileFrame = async (id: string) => {
    for (const frame of page.frames()) {
      const element = await frame.frameElement().catch(() => null);
      if (element && (await element.getAttribute('id')) === id) return frame;
    }
    throw new Error(`frame ${id} is not on the page`);
  };

  /** Gives a copy the time the real sidebar needs many times over, then looks at what it shows. */
  async function expectNothingShown(id: string) {
    const frame = await hostileFrame(id);
    await page.waitForTimeout(3000);
    await expect(frame.locator('[data-account-id]').count()).resolves.toBe(0);
    await expect(frame.locator('[data-match="matched"]').count()).resolves.toBe(0);
    await expect(frame.getByRole('button', { name: 'Log promise' }).count()).resolves.toBe(0);
    await expect(frame.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    await expect(frame.getByText('Acme Robotics').count()).resolves.toBe(0);
    const heard = await page.evaluate((key) => (window as unknown as Record<string, unknown[]>)[key] ?? [], `heard_${id}`);
    // At most the handshake and a request for the selection: never an account, a person or a commitment.
    expect(JSON.stringify(heard)).not.toMatch(/acme|sample-|dana/i);
  }

  it('cannot show the book in a copy framed at the fixed address, without a nonce', async () => {
    await frameAsThePage(page, 'copy-plain', glance.url('sidebar.html'), false);
    await expectNothingShown('copy-plain');
  });

  it('cannot show the book in a copy framed at the fixed address with a nonce of its own', async () => {
    await frameAsThePage(page, 'copy-nonce', glance.url('sidebar.html'), true);
    await expectNothingShown('copy-nonce');
  });

  it('cannot show the book even at the per-session address, had it leaked', async () => {
    // Chrome keeps this address from web pages; the test reads it from the extension to try the next line of defence.
    const dynamicUrl = await glance.worker.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.getURL('/sidebar.html'),
    );
    expect(dynamicUrl).not.toBe(glance.url('sidebar.html'));
    await frameAsThePage(page, 'copy-leaked', dynamicUrl, true);
    const frame = await hostileFrame('copy-leaked');
    // This copy does load Glance's page: the background refuses it, so it never leaves loading.
    await frame.locator('[data-match]').waitFor({ state: 'attached' });
    await expectNothingShown('copy-leaked');
  });

  it('saves nothing through any copy, and the real sidebar still works', async () => {
    await expect(commitmentCount(glance)).resolves.toBe(commitmentsBefore);
    await expect(realSidebar.locator('[data-account-id="sample-acme"]').count()).resolves.toBe(1);
    await expect(realSidebar.getByRole('button', { name: 'Log promise' }).count()).resolves.toBe(1);
  });

  it('does not move the focus into the sidebar when an account matches', async () => {
    const other = await glance.context.newPage();
    await other.goto(ACME_THREAD_URL);
    await other.evaluate(() => {
      (window as unknown as { blurred: number }).blurred = 0;
      window.addEventListener('blur', () => (window as unknown as { blurred: number }).blurred++);
    });
    const frame = await sidebarFrame(other);
    await frame.locator('[data-account-id="sample-acme"]').waitFor();
    await other.waitForTimeout(500);
    await expect(other.evaluate(() => document.activeElement === document.body && document.hasFocus())).resolves.toBe(true);
    await expect(other.evaluate(() => (window as unknown as { blurred: number }).blurred)).resolves.toBe(0);
    await other.close();
  });
});
