/** The background side of the message API: checks who is asking and what, then runs the handler. */
import type { Runtime } from 'webextension-polyfill';
import { api, requestEnvelopeSchema, type ChangeEvent, type PayloadOf, type RequestType, type ResponseEnvelope, type ResponseOf } from './protocol';

export type Handlers = {
  [K in RequestType]: (payload: PayloadOf<K>, sender: Runtime.MessageSender) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

export interface ServerOptions {
  extensionId: string;
  /** The extension's own origin, e.g. chrome-extension://<id>; pages must come from it or from a content script of ours. */
  extensionOrigin: string;
  onError?: (type: string, error: unknown) => void;
}

/**
 * Returns the runtime.onMessage listener. Messages not shaped like ours are ignored (undefined) so
 * other listeners can answer them; ours always get an envelope back, never a thrown error.
 */
export function createMessageServer(handlers: Handlers, options: ServerOptions) {
  return (message: unknown, sender: Runtime.MessageSender): Promise<ResponseEnvelope<unknown>> | undefined => {
    const envelope = requestEnvelopeSchema.safeParse(message);
    if (!envelope.success) return undefined;
    // Only Glance's own pages may ask: not other extensions, and not content scripts, which run inside host pages.
    const fromOwnPage = sender.id === options.extensionId && (sender.url ?? '').startsWith(options.extensionOrigin);
    if (!fromOwnPage) return Promise.resolve({ ok: false, error: 'Refused: not from a Glance page.' });
    const type = envelope.data.type;
    if (!Object.hasOwn(api, type)) return Promise.resolve({ ok: false, error: `Unknown request "${type}".` });
    const key = type as RequestType;
    const payload = api[key].payload.safeParse(envelope.data.payload);
    if (!payload.success) {
      const issue = payload.error.issues[0];
      return Promise.resolve({ ok: false, error: `Bad "${type}" request: ${[issue.path.join('.'), issue.message].filter(Boolean).join(': ')}` });
    }
    const handler = handlers[key] as (p: unknown, s: Runtime.MessageSender) => unknown;
    return (async () => {
      try {
        return { ok: true as const, data: await handler(payload.data, sender) };
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
