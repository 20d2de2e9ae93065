/**
 * The sidebar's end of the private channel to the content script. Only a connect message carrying
 * the nonce from our own URL is accepted, once; everything after travels on the transferred port.
 */
import { z } from '../schema/zod';
import { pageContextSchema } from '../messages/page-context-schema';
import { CONNECT, type ToContent, type ToSidebar } from '../messages/frame';

const seed = z.object({ text: z.string().max(5000), sentAt: z.string().max(64).optional() });
const toSidebarSchema = z.union([
  z.object({ type: z.literal('context'), context: pageContextSchema }),
  z.object({ type: z.literal('navigating') }),
  z.object({ type: z.literal('open-promise-form'), seed }),
  z.object({ type: z.literal('selection'), requestId: z.number(), seed }),
  z.object({ type: z.literal('collapsed'), collapsed: z.boolean() }),
  z.object({ type: z.literal('host-theme'), theme: z.enum(['light', 'dark']) }),
  z.object({ type: z.literal('registration'), token: z.string().min(1).max(200) }),
  z.object({ type: z.literal('registration-failed'), reason: z.string().max(500) }),
]) satisfies z.ZodType<ToSidebar>;

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
    port.onmessage = (e: MessageEvent) => {
      const parsed = toSidebarSchema.safeParse(e.data);
      if (parsed.success) onMessage(parsed.data);
    };
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
