/**
 * One request to the background and its answer unwrapped, over whatever sends a runtime message. The
 * UI's client (./client.ts) and the sidebar's handshake share it: the handshake runs before the
 * client's module is loaded, so this holds no extension API and imports nothing at run time but the
 * redelivery.
 */
import type { PayloadOf, RequestEnvelope, RequestType, ResponseEnvelope, ResponseOf } from './protocol';
import { sendWithRedelivery } from './redelivery';

export class BackgroundError extends Error {}

export async function sendRequest<K extends RequestType>(
  send: (envelope: unknown) => Promise<unknown>,
  type: K,
  payload: PayloadOf<K>,
  session?: string,
): Promise<ResponseOf<K>> {
  const envelope: RequestEnvelope<K> = { glance: 'request', type, payload };
  if (session) envelope.session = session;
  let reply: ResponseEnvelope<ResponseOf<K>> | undefined;
  try {
    reply = (await sendWithRedelivery(() => send(envelope))) as ResponseEnvelope<ResponseOf<K>> | undefined;
  } catch (error) {
    throw new BackgroundError(`Glance's background could not be reached (${(error as Error)?.message ?? String(error)}).`);
  }
  if (!reply) throw new BackgroundError(`Glance's background did not answer "${type}".`);
  if (!reply.ok) throw new BackgroundError(reply.error);
  return reply.data;
}
