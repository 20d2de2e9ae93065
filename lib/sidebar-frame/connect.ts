/**
 * The sidebar's end of the private channel to the content script. Only a connect message carrying
 * the nonce from our own URL is accepted, once; everything after travels on the transferred port.
 */
import { CONNECT, HELLO, type ToContent, type ToSidebar } from '../messages/frame';

type ToSidebarCheck = (message: unknown) => ToSidebar | null;

let check: Promise<ToSidebarCheck> | null = null;
/**
 * The check (zod, a quarter of the sidebar's script) is loaded once the channel is open, not with the
 * frame: fetched and run earlier, it would hold back the frame's load event, which the content script
 * connects on. Every message waits for it, in order, before the sidebar acts on it.
 */
export function loadToSidebarCheck(): Promise<ToSidebarCheck> {
  check ??= import('./to-sidebar-schema').then(({ toSidebarSchema }) => (message: unknown) => {
    const parsed = toSidebarSchema.safeParse(message);
    return parsed.success ? parsed.data : null;
  });
  return check;
}

export interface HostLink {
  post(message: ToContent): void;
}

/**
 * `onMessage` gets each message checked, in order. `onArrival`, if given, sees each one unchecked the
 * moment it arrives: only for what may act before the check has loaded because something else checks
 * it again (the token and the page in view go to the background, which checks every request).
 */
export function connectToHost(win: Window, onMessage: (message: ToSidebar) => void, onArrival?: (raw: unknown) => void): HostLink | null {
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
    const checked = loadToSidebarCheck();
    port.onmessage = (e: MessageEvent) => {
      onArrival?.(e.data);
      void checked.then((checkMessage) => {
        const message = checkMessage(e.data);
        if (message) onMessage(message);
      });
    };
    port.postMessage({ type: 'ready' } satisfies ToContent);
    for (const message of pending.splice(0)) port.postMessage(message);
  };
  win.addEventListener('message', onConnect);
  // Any page may hear this (it knows the frame is there anyway); only our content script answers, with the nonce.
  win.parent.postMessage({ glance: HELLO }, '*');
  return {
    post(message) {
      if (port) port.postMessage(message);
      else pending.push(message);
    },
  };
}
