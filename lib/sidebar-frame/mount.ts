/**
 * Puts the sidebar on the host page: a <glance-sidebar> element whose closed shadow root holds an
 * iframe of the extension's sidebar.html. The host page can neither style nor read what is inside.
 * No React here: this runs on every Gmail/CRM page and must stay a few kilobytes.
 */
import { CONNECT, HELLO, type ConnectMessage, type ToContent, type ToSidebar } from '../messages/frame';

export const SIDEBAR_WIDTH = 360;
export const HANDLE_WIDTH = 28;
/** Collapsed, a short tab (band colour, score, overdue count) rather than a full-height bar. */
export const HANDLE_HEIGHT = 148;

export interface SidebarFrame {
  post(message: ToSidebar): void;
  /** Gives the sidebar keyboard focus: only for a browser command the user gave (never for the page). */
  focus(): void;
  setCollapsed(collapsed: boolean): void;
  isCollapsed(): boolean;
  /** Whether `node` is one this sidebar put in the page (its element, its layout style or that style's text). */
  owns(node: Node): boolean;
  destroy(): void;
}

export interface MountOptions {
  /** From runtime.getURL: in Chrome a per-session address (use_dynamic_url) a page cannot guess. */
  sidebarUrl: string;
  /**
   * The extension's own origin. Chrome loads a dynamic address as a document of this origin, so the
   * connect message is addressed here: if the page navigated our frame elsewhere, nothing is delivered.
   */
  extensionOrigin: string;
  collapsed: boolean;
  onMessage(message: ToContent): void;
}

export function mountSidebar(doc: Document, options: MountOptions): SidebarFrame {
  const host = doc.createElement('glance-sidebar');
  const shadow = host.attachShadow({ mode: 'closed' });
  const iframe = doc.createElement('iframe');
  // Inline styles (set through the CSSOM, which no page CSP blocks) rather than a <style> in the shadow
  // root: no style sheet to parse on every page load. Page rules cannot reach the iframe, and on the host
  // they lose to its inline style.
  iframe.style.cssText = 'border:0;height:100%;width:100%;display:block;color-scheme:normal;box-shadow:-1px 0 0 rgba(0,0,0,.12)';
  // 122 random bits; host pages are https, where randomUUID is always there.
  const nonce = crypto.randomUUID();
  iframe.src = `${options.sidebarUrl}#${nonce}`;
  iframe.title = 'Glance sidebar';
  iframe.setAttribute('allow', 'clipboard-write');
  shadow.append(iframe);

  // Reserve room on the page so the sidebar never sits on the host page's own controls.
  const pageStyle = doc.createElement('style');
  pageStyle.setAttribute('data-glance', 'layout');

  let collapsed = options.collapsed;
  const applyWidth = () => {
    const width = collapsed ? HANDLE_WIDTH : SIDEBAR_WIDTH;
    // The page keeps its right margin either way, so even the short tab never covers host controls.
    const place = collapsed ? `top:calc(50vh - ${HANDLE_HEIGHT / 2}px);height:${HANDLE_HEIGHT}px` : 'top:0;height:100vh';
    host.style.cssText = `all:initial;position:fixed;right:0;${place};width:${width}px;z-index:2147483646;display:block`;
    pageStyle.textContent = `html{margin-right:${width}px !important}`;
  };
  applyWidth();

  // Messages posted before the iframe has loaded are dropped by the browser: queue until connected.
  const channel = new MessageChannel();
  let connected = false;
  const queue: ToSidebar[] = [];
  channel.port1.onmessage = (event: MessageEvent<ToContent>) => options.onMessage(event.data);
  const connect = () => {
    if (connected) return;
    win?.removeEventListener('message', onHello);
    const hello: ConnectMessage = { glance: CONNECT, nonce };
    iframe.contentWindow?.postMessage(hello, options.extensionOrigin, [channel.port2]);
    // The other end of the port went only to a document of the extension's origin (or nowhere): what
    // is queued can follow at once, without waiting for the sidebar's "ready" (a hop through this
    // page's busy main thread on a cold open). The port holds it until the sidebar listens.
    connected = true;
    for (const message of queue.splice(0)) channel.port1.postMessage(message);
  };
  // The sidebar greets us as its script starts: connected then, not after its load event. A greeting from
  // anything but our frame's window is ignored; if the page put another document in our frame, the
  // connect is addressed to the extension's origin and is not delivered.
  const win = doc.defaultView;
  const onHello = (event: MessageEvent) => {
    if (event.source === iframe.contentWindow && (event.data as { glance?: unknown } | null)?.glance === HELLO) connect();
  };
  win?.addEventListener('message', onHello);
  iframe.addEventListener('load', connect, { once: true });

  (doc.head ?? doc.documentElement).append(pageStyle);
  doc.documentElement.append(host);

  return {
    post(message) {
      if (connected) channel.port1.postMessage(message);
      else queue.push(message);
    },
    setCollapsed(value) {
      collapsed = value;
      applyWidth();
    },
    focus: () => iframe.focus(),
    isCollapsed: () => collapsed,
    owns: (node) => node === host || node === pageStyle || node.parentNode === pageStyle,
    destroy() {
      win?.removeEventListener('message', onHello);
      channel.port1.close();
      host.remove();
      pageStyle.remove();
    },
  };
}
