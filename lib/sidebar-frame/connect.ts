/**
 * The sidebar's end of the private channel to the content script. Only a connect message carrying
 * the nonce from our own URL is accepted, once; everything after travels on the transferred port.
 */
import { CONNECT, type ToContent, type ToSidebar } from '../messages/frame';

/**
 * The check (zod, a quarter of the sidebar's script) loads beside the sidebar rather than before it:
 * the frame draws and connects meanwhile, and every message still waits for the check, in order.
 */
export const toSidebarSchema = import('./to-sidebar-schema').then((m) => m.toSidebarSchema);

export interface HostLink {
  post(message: ToContent): void;
}

export function connectToHost(win: Window, onMessage: (message: ToSidebar) => void): HostLink | null {
  // Top-level (opened by link or from the briefing): standalone, no host page. Framed by anything but
  // our content script (no nonce, or a wrong one): the link never connects and the sidebar stays empty.
  if (win.top === win) return null;
  const nonce = win.location.hash.slice(1);
  let port: MessagePort | null = null;
  const pending: ToContent[] = [];
  const onConnect = (event: MessageEvent) => {
    if (port || event.source !== win.parent) return;
    const data = event.data as { glance?: string; nonce?: string } | null;
    if (!nonce || data?.glance !== CONNECT || data.nonce !== nonce || !event.ports[0]) return;
    port = event.ports[0];
    win.removeEventListener('message', onConnect);
    port.onmessage = (e: MessageEvent) =>
      void toSidebarSchema.then((schema) => {
        const parsed = schema.safeParse(e.data);
        if (parsed.success) onMessage(parsed.data);
      });
    port.postMessage({ type: 'ready' } satisfies ToContent);
    for (const message of pending.splice(0)) port.postMessage(message);
  };
  win.addEventListener('message', onConnect);
  return {
    post(message) {
      if (port) port.postMessage(message);
      else pending.push(message);
    },
  };
}
