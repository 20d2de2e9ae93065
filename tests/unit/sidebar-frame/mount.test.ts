/**
 * The content script's end: the sidebar frame is mounted in a closed shadow root, the connect goes
 * to the extension's origin only once the frame greets us or has loaded (earlier messages would be dropped), and
 * what the content script posts meanwhile is queued until then and follows on the port handed over.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONNECT, HELLO, type ToContent, type ToSidebar } from '../../../lib/messages/frame';
import { mountSidebar } from '../../../lib/sidebar-frame/mount';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

function mount(collapsed = false) {
  // The shadow root is closed to the page; the test keeps a handle on it the way only the browser could.
  let shadow: ShadowRoot | undefined;
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
    shadow = attach.call(this, init);
    return shadow;
  });
  const fromSidebar: ToContent[] = [];
  const frame = mountSidebar(document, {
    sidebarUrl: 'chrome-extension://0f1e2d3c-dynamic/sidebar.html',
    extensionOrigin: ORIGIN,
    collapsed,
    onMessage: (message) => fromSidebar.push(message),
  });
  const iframe = shadow!.querySelector('iframe')!;
  const posted: { message: unknown; origin: string; port: MessagePort }[] = [];
  const frameWindow = {
    postMessage: (message: unknown, origin: string, transfer: MessagePort[]) => posted.push({ message, origin, port: transfer[0] }),
  } as unknown as Window;
  vi.spyOn(iframe, 'contentWindow', 'get').mockReturnValue(frameWindow);
  /** A greeting on the page's window, as the sidebar's script (or anything else) posts it. */
  const greet = (source: unknown, data: unknown = { glance: HELLO }) =>
    window.dispatchEvent(Object.assign(new MessageEvent('message', { data }), { source }) as unknown as Event);
  return { frame, iframe, posted, fromSidebar, shadow: shadow!, frameWindow, greet };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('mounting the sidebar', () => {
  it('frames the per-session address with a fresh nonce inside a closed shadow root, and reserves room', () => {
    const { iframe, shadow } = mount();
    expect(shadow.mode).toBe('closed');
    expect(document.querySelector('glance-sidebar iframe')).toBeNull();
    expect(iframe.src).toMatch(/^chrome-extension:\/\/0f1e2d3c-dynamic\/sidebar\.html#[0-9a-f-]{36}$/);
    expect(document.querySelector('style[data-glance="layout"]')?.textContent).toBe('html{margin-right:360px !important}');
  });

  it('connects only once the frame has loaded, addressed to the extension origin, with the nonce of its address', () => {
    const { iframe, posted } = mount();
    expect(posted).toEqual([]);
    iframe.dispatchEvent(new Event('load'));
    expect(posted).toHaveLength(1);
    expect(posted[0].origin).toBe(ORIGIN);
    expect(posted[0].message).toEqual({ glance: CONNECT, nonce: iframe.src.split('#')[1] });
    // A second load (the page navigated the frame) gets no second connect.
    iframe.dispatchEvent(new Event('load'));
    expect(posted).toHaveLength(1);
  });

  it('connects as soon as its own frame greets it, before the frame has loaded, and only then', () => {
    const { iframe, posted, frameWindow, greet } = mount();
    greet(window); // the page itself
    greet({ postMessage: () => undefined }); // another frame
    greet(frameWindow, { glance: CONNECT });
    expect(posted).toEqual([]);
    greet(frameWindow);
    expect(posted).toHaveLength(1);
    expect(posted[0].origin).toBe(ORIGIN);
    expect(posted[0].message).toEqual({ glance: CONNECT, nonce: iframe.src.split('#')[1] });
    greet(frameWindow);
    iframe.dispatchEvent(new Event('load'));
    expect(posted).toHaveLength(1);
  });

  it('queues what it posts until the frame has loaded, then sends it in order on the port only that frame was given', async () => {
    const { frame, iframe, posted, fromSidebar } = mount();
    const context: ToSidebar = {
      type: 'context',
      context: { host: 'gmail', kind: 'list', url: 'https://mail.google.com/mail/u/0/#inbox' },
    };
    frame.post({ type: 'registration', token: 'one-time' });
    frame.post(context);
    await settle();
    expect(posted).toEqual([]);
    iframe.dispatchEvent(new Event('load'));
    const sidebarPort = posted[0].port;
    const heard: ToSidebar[] = [];
    // The port keeps what was sent before the sidebar listens.
    await settle();
    sidebarPort.onmessage = (event) => heard.push(event.data as ToSidebar);
    sidebarPort.postMessage({ type: 'ready' } satisfies ToContent);
    await settle();
    frame.post({ type: 'collapsed', collapsed: true });
    await settle();
    expect(heard).toEqual([{ type: 'registration', token: 'one-time' }, context, { type: 'collapsed', collapsed: true }]);
    expect(fromSidebar).toEqual([{ type: 'ready' }]);
    frame.destroy();
    sidebarPort.close();
  });

  it('collapses to a short handle and comes off the page entirely when destroyed', () => {
    const { frame } = mount(true);
    expect(document.querySelector('style[data-glance="layout"]')?.textContent).toBe('html{margin-right:28px !important}');
    const host = document.querySelector<HTMLElement>('glance-sidebar')!;
    expect(host.style).toMatchObject({ width: '28px', height: '148px' });
    frame.setCollapsed(false);
    expect(host.style).toMatchObject({ width: '360px', height: '100vh' });
    expect(frame.isCollapsed()).toBe(false);
    frame.destroy();
    expect(document.querySelector('glance-sidebar')).toBeNull();
    expect(document.querySelector('style[data-glance="layout"]')).toBeNull();
  });
});
