/**
 * The private channel between the content script and the sidebar frame it mounted. The sidebar end
 * (connectToHost) accepts exactly one connect: from its parent window, with the nonce from its own
 * address, carrying a port. Anything else is ignored, and the sidebar stays empty.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONNECT, HELLO, type ToContent, type ToSidebar } from '../../../lib/messages/frame';
import { connectToHost, loadToSidebarCheck } from '../../../lib/sidebar-frame/connect';

// The message check loads on its own; the tests wait for it once rather than for each message.
beforeAll(() => loadToSidebarCheck());

const NONCE = '3f2b8c1e-7d4a-4e0b-9c55-1a2b3c4d5e6f';
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** A sidebar document framed by `parent`, at `sidebar.html#<hash>`. */
function framedSidebar(hash = NONCE) {
  const greetings: [unknown, string][] = [];
  const parent = { name: 'host page', postMessage: (message: unknown, target: string) => greetings.push([message, target]) };
  const win = Object.assign(new EventTarget(), { top: parent, parent, location: { hash: `#${hash}` } }) as unknown as Window;
  const received: ToSidebar[] = [];
  const arrived: unknown[] = [];
  const link = connectToHost(
    win,
    (message) => received.push(message),
    (raw) => arrived.push(raw),
  );
  return { win, parent, link: link!, received, arrived, greetings };
}

/** What the content script (or a page pretending to be it) sends: a connect message with a port. */
function connect(win: Window, source: unknown, data: unknown) {
  const channel = new MessageChannel();
  channels.push(channel);
  const heard: ToContent[] = [];
  channel.port1.onmessage = (event) => heard.push(event.data as ToContent);
  win.dispatchEvent(Object.assign(new Event('message'), { source, data, ports: [channel.port2] }));
  return { port: channel.port1, heard };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const context: ToSidebar = { type: 'context', context: { host: 'gmail', kind: 'list', url: 'https://mail.google.com/mail/u/0/#inbox' } };

describe('the sidebar end of the frame handshake', () => {
  it('connects with the nonce from its own address, says it is ready, and hears the content script', async () => {
    const { win, parent, received } = framedSidebar();
    const content = connect(win, parent, { glance: CONNECT, nonce: NONCE });
    content.port.postMessage(context);
    await settle();
    expect(content.heard).toEqual([{ type: 'ready' }]);
    expect(received).toEqual([context]);
  });

  it('greets its parent as it starts listening, with nothing but that (the nonce stays in its address)', () => {
    const { greetings } = framedSidebar();
    expect(greetings).toEqual([[{ glance: HELLO }, '*']]);
  });

  it('ignores a connect with a wrong nonce, or with none', async () => {
    const { win, parent, received, arrived } = framedSidebar();
    const wrong = connect(win, parent, { glance: CONNECT, nonce: 'attacker-nonce' });
    const missing = connect(win, parent, { glance: CONNECT });
    wrong.port.postMessage(context);
    missing.port.postMessage(context);
    await settle();
    expect(wrong.heard).toEqual([]);
    expect(missing.heard).toEqual([]);
    expect(received).toEqual([]);
    expect(arrived).toEqual([]);
  });

  it('ignores a connect from any window but its parent, even with the right nonce', async () => {
    const { win, received } = framedSidebar();
    const sibling = connect(win, { name: 'another frame' }, { glance: CONNECT, nonce: NONCE });
    sibling.port.postMessage(context);
    await settle();
    expect(sibling.heard).toEqual([]);
    expect(received).toEqual([]);
  });

  it('never connects when its own address carries no nonce', async () => {
    const { win, parent, received } = framedSidebar('');
    const content = connect(win, parent, { glance: CONNECT, nonce: '' });
    content.port.postMessage(context);
    await settle();
    expect(content.heard).toEqual([]);
    expect(received).toEqual([]);
  });

  it('takes one connect only: a second, even a correct one, is not heard', async () => {
    const { win, parent, received } = framedSidebar();
    const first = connect(win, parent, { glance: CONNECT, nonce: NONCE });
    const second = connect(win, parent, { glance: CONNECT, nonce: NONCE });
    second.port.postMessage({ type: 'open-promise-form', seed: { text: 'Refund everything' } });
    first.port.postMessage(context);
    await settle();
    expect(second.heard).toEqual([]);
    expect(received).toEqual([context]);
  });

  it('drops malformed messages on the port and keeps listening', async () => {
    const { win, parent, received, arrived } = framedSidebar();
    const content = connect(win, parent, { glance: CONNECT, nonce: NONCE });
    for (const bad of [
      null,
      'context',
      { type: 'context' },
      { type: 'context', context: { host: 'evil', kind: 'list', url: 'x' } },
      { type: 'registration', token: '' },
      { type: 'wipe' },
    ]) {
      content.port.postMessage(bad);
    }
    content.port.postMessage(context);
    await settle();
    expect(received).toEqual([context]);
    // Seen unchecked on arrival (for what the background checks again), but never acted on as checked.
    expect(arrived).toHaveLength(7);
  });

  it('ignores connect-shaped messages without a port, and odd data', async () => {
    const { win, parent, received } = framedSidebar();
    win.dispatchEvent(Object.assign(new Event('message'), { source: parent, data: { glance: CONNECT, nonce: NONCE }, ports: [] }));
    win.dispatchEvent(Object.assign(new Event('message'), { source: parent, data: null, ports: [] }));
    const content = connect(win, parent, { glance: CONNECT, nonce: NONCE });
    content.port.postMessage(context);
    await settle();
    expect(content.heard).toEqual([{ type: 'ready' }]);
    expect(received).toEqual([context]);
  });

  it('queues what the sidebar sends before the connect and flushes it, in order, after ready', async () => {
    const { win, parent, link } = framedSidebar();
    link.post({ type: 'get-selection', requestId: 1 });
    link.post({ type: 'set-collapsed', collapsed: true });
    const content = connect(win, parent, { glance: CONNECT, nonce: NONCE });
    link.post({ type: 'get-selection', requestId: 2 });
    await settle();
    expect(content.heard).toEqual([
      { type: 'ready' },
      { type: 'get-selection', requestId: 1 },
      { type: 'set-collapsed', collapsed: true },
      { type: 'get-selection', requestId: 2 },
    ]);
  });

  it('is standalone (no link) when it is not framed', () => {
    const self = Object.assign(new EventTarget(), { location: { hash: '' } }) as unknown as Window & { top: unknown };
    self.top = self;
    expect(connectToHost(self, () => undefined)).toBeNull();
  });
});
