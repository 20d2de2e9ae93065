import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BackgroundError, call, onDataChanged } from '../../../lib/messages/client';
import { changeEvent, createMessageServer, type Handlers } from '../../../lib/messages/server';

/** The background as the runtime delivers to it: our server answering through sendResponse. */
function serveWith(handlers: Partial<Handlers>, sender: Runtime.MessageSender) {
  const listen = createMessageServer(handlers as Handlers, {
    extensionId: fakeBrowser.runtime.id,
    isGlanceHost: () => true,
    sidebars: { isRegistered: async () => false },
  });
  fakeBrowser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const reply = listen(message, sender);
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  }) as never);
}
const ownPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('call', () => {
  it("returns the handler's data", async () => {
    serveWith({ 'import.begin': ({ name }) => ({ importId: `import-for-${name}` }) }, ownPage());
    await expect(call('import.begin', { name: 'book.json' })).resolves.toEqual({ importId: 'import-for-book.json' });
  });

  it("raises the background's error as a BackgroundError", async () => {
    serveWith(
      {
        'commitment.setStatus': () => {
          throw new Error('No commitment "cm-9" in Glance.');
        },
      },
      ownPage(),
    );
    const error = await call('commitment.setStatus', { id: 'cm-9', status: 'done' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackgroundError);
    expect((error as Error).message).toBe('No commitment "cm-9" in Glance.');
  });

  it('raises refusals as BackgroundErrors too', async () => {
    serveWith({}, { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/' });
    await expect(call('store.summary', {})).rejects.toThrow(new BackgroundError('Refused: not from a Glance page.'));
  });

  it('says so when the background cannot be reached or does not answer', async () => {
    await expect(call('store.summary', {})).rejects.toThrow(BackgroundError);
    await expect(call('store.summary', {})).rejects.toThrow(/^Glance's background could not be reached \(.+\)\.$/);
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    await expect(call('store.summary', {})).rejects.toThrow(new BackgroundError(`Glance's background did not answer "store.summary".`));
  });

  it('sends again when the message reached a service worker that was stopping or starting', async () => {
    serveWith({ 'store.summary': () => ({ accounts: 3 }) as never }, ownPage());
    const send = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
    const spy = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockImplementation(send as never);
    await expect(call('store.summary', {})).resolves.toEqual({ accounts: 3 });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('does not send again when the background refused or failed', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(call('store.summary', {})).rejects.toThrow(/Extension context invalidated/);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('onDataChanged', () => {
  it('passes on change events only, until unsubscribed', async () => {
    const listener = vi.fn();
    const unsubscribe = onDataChanged(listener);
    const event = changeEvent(['commitments'], ['acc-1']);
    await fakeBrowser.runtime.onMessage.trigger({ glance: 'request', type: 'store.summary', payload: {} }, {}, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger(event, {}, () => undefined);
    expect(listener.mock.calls).toEqual([[event]]);
    unsubscribe();
    await fakeBrowser.runtime.onMessage.trigger(event, {}, () => undefined);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
