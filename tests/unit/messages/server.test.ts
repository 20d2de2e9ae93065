import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';
import { createMessageServer, type Handlers } from '../../../lib/messages/server';

const EXTENSION_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const fromOptionsPage: Runtime.MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}/options.html` };
const fromSidebar: Runtime.MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}/sidebar.html#nonce`, tab: { id: 4 } as Runtime.MessageSender['tab'] };
const request = (type: string, payload: unknown = {}) => ({ glance: 'request', type, payload });

function server(handlers: Partial<Handlers>, onError = vi.fn()) {
  return { listen: createMessageServer(handlers as Handlers, { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, onError }), onError };
}

describe('createMessageServer', () => {
  it('ignores messages that are not Glance requests, leaving them to other listeners', () => {
    const summary = vi.fn();
    const { listen } = server({ 'store.summary': summary });
    for (const message of [null, 'store.summary', { type: 'store.summary' }, { glance: 'event', event: 'data-changed', topics: [] }, { glance: 'tab', type: 'toggle-sidebar' }]) {
      expect(listen(message, fromOptionsPage)).toBeUndefined();
    }
    expect(summary).not.toHaveBeenCalled();
  });

  it('refuses other extensions and content scripts without running the handler', async () => {
    const summary = vi.fn();
    const { listen } = server({ 'store.summary': summary });
    const refused = { ok: false, error: 'Refused: not from a Glance page.' };
    // Another extension's page.
    expect(await listen(request('store.summary'), { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' })).toEqual(refused);
    // Our own content script: it runs inside the host page, so its url is the host's.
    expect(await listen(request('store.summary'), { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 4 } as Runtime.MessageSender['tab'] })).toEqual(refused);
    // A page claiming our origin from another extension id.
    expect(await listen(request('store.summary'), { id: 'other-extension', url: `${ORIGIN}/options.html` })).toEqual(refused);
    expect(await listen(request('store.summary'), { id: EXTENSION_ID })).toEqual(refused);
    expect(summary).not.toHaveBeenCalled();
  });

  it('rejects unknown request types, including names every object has', async () => {
    const { listen } = server({});
    expect(await listen(request('store.wipe'), fromOptionsPage)).toEqual({ ok: false, error: 'Unknown request "store.wipe".' });
    expect(await listen(request('toString'), fromOptionsPage)).toEqual({ ok: false, error: 'Unknown request "toString".' });
    expect(await listen(request('__proto__'), fromOptionsPage)).toEqual({ ok: false, error: 'Unknown request "__proto__".' });
  });

  it('rejects an invalid payload with an error naming the request and the field', async () => {
    const chunk = vi.fn();
    const { listen } = server({ 'import.chunk': chunk });
    const reply = await listen(request('import.chunk', { importId: 'import-1', type: 'accounts', offset: -1, records: [] }), fromOptionsPage);
    expect(reply).toMatchObject({ ok: false });
    expect(reply && !reply.ok && reply.error).toMatch(/^Bad "import\.chunk" request: offset: .+/);
    const wrongType = await listen(request('import.chunk', { importId: 'import-1', type: 'leads', offset: 0, records: [] }), fromOptionsPage);
    expect(wrongType && !wrongType.ok && wrongType.error).toMatch(/^Bad "import\.chunk" request: type: /);
    const badContext = await listen(request('page.match', { context: { host: 'gmail', kind: 'list' } }), fromSidebar);
    expect(badContext && !badContext.ok && badContext.error).toMatch(/^Bad "page\.match" request: context/);
    expect(chunk).not.toHaveBeenCalled();
  });

  it("runs the handler with the checked payload and the sender, and wraps its answer", async () => {
    const choose = vi.fn(async () => null);
    const { listen } = server({ 'match.choose': choose });
    const reply = await listen(request('match.choose', { pageKey: 'gmail:thread:abc', accountId: 'acc-1', extra: 'dropped' }), fromSidebar);
    expect(reply).toEqual({ ok: true, data: null });
    expect(choose).toHaveBeenCalledWith({ pageKey: 'gmail:thread:abc', accountId: 'acc-1' }, fromSidebar);

    const { listen: listenBegin } = server({ 'import.begin': () => ({ importId: 'import-7' }) });
    expect(await listenBegin(request('import.begin', { name: 'book.json' }), fromOptionsPage)).toEqual({ ok: true, data: { importId: 'import-7' } });
  });

  it('turns a thrown error into { ok: false, error } and reports it', async () => {
    const failure = new Error('No commitment "cm-9" in Glance.');
    const { listen, onError } = server({
      'commitment.setStatus': async () => {
        throw failure;
      },
      'import.begin': () => {
        throw 'staging full';
      },
    });
    expect(await listen(request('commitment.setStatus', { id: 'cm-9', status: 'done' }), fromSidebar)).toEqual({
      ok: false,
      error: 'No commitment "cm-9" in Glance.',
    });
    expect(onError).toHaveBeenCalledWith('commitment.setStatus', failure);
    expect(await listen(request('import.begin', { name: 'x' }), fromOptionsPage)).toEqual({ ok: false, error: 'staging full' });
  });
});
