/**
 * The options page's file session, off its main thread (worker-file-session.ts starts it): decoding,
 * parsing and checking a large file take seconds, and every extension page and sidebar frame would
 * wait for them on that thread.
 */
import { localFileSession } from './file-session';
import type { SessionReply, SessionRequest } from './worker-file-session';

const session = localFileSession();

self.onmessage = async ({ data }: MessageEvent<SessionRequest>) => {
  let reply: SessionReply;
  try {
    const result =
      data.method === 'open'
        ? await session.open(...data.args)
        : data.method === 'map'
          ? await session.map(...data.args)
          : await session.records(...data.args);
    reply = { id: data.id, ok: true, result };
  } catch (error) {
    reply = { id: data.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
