/** The UI side of the message API: typed calls to the background, and its change events. */
import { browser } from 'wxt/browser';
import type { ChangeEvent, PayloadOf, RequestEnvelope, RequestType, ResponseEnvelope, ResponseOf } from './protocol';

export class BackgroundError extends Error {}

export async function call<K extends RequestType>(type: K, payload: PayloadOf<K>): Promise<ResponseOf<K>> {
  const envelope: RequestEnvelope<K> = { glance: 'request', type, payload };
  let reply: ResponseEnvelope<ResponseOf<K>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as ResponseEnvelope<ResponseOf<K>> | undefined;
  } catch (error) {
    throw new BackgroundError(`Glance's background could not be reached (${(error as Error).message}).`);
  }
  if (!reply) throw new BackgroundError(`Glance's background did not answer "${type}".`);
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.data;
}

export function isChangeEvent(message: unknown): message is ChangeEvent {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as ChangeEvent).glance === 'event' &&
    (message as ChangeEvent).event === 'data-changed'
  );
}

/** Calls `listener` whenever the background reports changed data; returns the unsubscribe. */
export function onDataChanged(listener: (event: ChangeEvent) => void): () => void {
  const handler = (message: unknown) => {
    if (isChangeEvent(message)) listener(message);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
