/** The background side of the message API: checks who is asking and what, then runs the handler. */
import type { Runtime } from 'webextension-polyfill';
import { mayAsk, roleOf, type CallerRole } from '../access/roles';
import type { SidebarRegistry } from '../access/sidebar-registry';
import {
  api,
  requestEnvelopeSchema,
  type ChangeEvent,
  type PayloadOf,
  type RequestType,
  type ResponseEnvelope,
  type ResponseOf,
} from './protocol';

/** Who asked, as the browser told it, for the handlers that bind state to a tab or frame. */
export interface Caller {
  role: CallerRole;
  sender: Runtime.MessageSender & { documentId?: string };
}

export type Handlers = {
  [K in RequestType]: (payload: PayloadOf<K>, caller: Caller) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

export interface ServerOptions {
  extensionId: string;
  /** The hosts whose pages run our content script (lib/hosts). */
  isGlanceHost: (url: URL) => boolean;
  sidebars: Pick<SidebarRegistry, 'isRegistered'>;
  onError?: (type: string, error: unknown) => void;
}

const refuse = (error: string): Promise<ResponseEnvelope<never>> => Promise.resolve({ ok: false, error });

/**
 * Returns the runtime.onMessage listener. Messages not shaped like ours are ignored (undefined) so
 * other listeners can answer them; ours always get an envelope back, never a thrown error.
 */
export function createMessageServer(handlers: Handlers, options: ServerOptions) {
  return (message: unknown, rawSender: Runtime.MessageSender): Promise<ResponseEnvelope<unknown>> | undefined => {
    const envelope = requestEnvelopeSchema.safeParse(message);
    if (!envelope.success) return undefined;
    const sender = rawSender as Caller['sender'];
    const role = roleOf(
      { senderId: sender.id, url: sender.url, tabId: sender.tab?.id, frameId: sender.frameId },
      options.extensionId,
      options.isGlanceHost,
    );
    if (typeof role !== 'string') return refuse(role.refused);
    const type = envelope.data.type;
    if (!Object.hasOwn(api, type)) return refuse(`Unknown request "${type}".`);
    const key = type as RequestType;
    if (!mayAsk(role, key)) return refuse(`Refused: "${type}" is not for the ${role === 'content' ? 'content script' : role}.`);
    const payload = api[key].payload.safeParse(envelope.data.payload);
    if (!payload.success) {
      const issue = payload.error.issues[0];
      return refuse(`Bad "${type}" request: ${[issue.path.join('.'), issue.message].filter(Boolean).join(': ')}`);
    }
    const handler = handlers[key] as (p: unknown, c: Caller) => unknown;
    return (async () => {
      try {
        // A sidebar framed inside a web page must be the one our content script mounted there; on its own
        // in a tab (the briefing's "Details" links) no page can place, overlay or talk to it.
        const framed = sender.tab !== undefined && sender.frameId !== 0;
        if (role === 'sidebar' && framed && key !== 'sidebar.redeem') {
          const frame = { tabId: sender.tab?.id ?? -1, frameId: sender.frameId ?? -1, documentId: sender.documentId };
          if (!(await options.sidebars.isRegistered(envelope.data.session, frame))) {
            return { ok: false as const, error: 'Refused: this sidebar was not opened by Glance.' };
          }
        }
        return { ok: true as const, data: await handler(payload.data, { role, sender }) };
      } catch (error) {
        options.onError?.(type, error);
        return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
      }
    })();
  };
}

export function changeEvent(topics: ChangeEvent['topics'], accountIds?: string[]): ChangeEvent {
  return { glance: 'event', event: 'data-changed', topics, accountIds };
}
