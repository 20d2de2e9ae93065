/**
 * A file session (file-session.ts) run in a worker: the page keeps only the plan and the chunk in
 * hand, and its main thread (shared with every other extension page and sidebar frame) stays free
 * while a large file is decoded, parsed and checked.
 */
import type { FileSession } from './file-session';

type Calls = {
  open: FileSession['open'];
  map: FileSession['map'];
  records: FileSession['records'];
};

export type SessionRequest = { [M in keyof Calls]: { id: number; method: M; args: Parameters<Calls[M]> } }[keyof Calls];
export type SessionReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export function workerFileSession(): FileSession {
  const worker = new Worker(new URL('./file-session.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  let broken: Error | undefined;

  const failAll = (error: Error) => {
    broken = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onmessage = ({ data }: MessageEvent<SessionReply>) => {
    const waiting = pending.get(data.id);
    pending.delete(data.id);
    if (data.ok) waiting?.resolve(data.result);
    else waiting?.reject(new Error(data.error));
  };
  // The worker could not start or died (out of memory on a huge file): every waiting call says so.
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(new Error(`The file could not be read${event.message ? ` (${event.message})` : ''}.`));
  };
  worker.onmessageerror = () => failAll(new Error('The file could not be read (a part of it could not be handed over).'));

  function ask<M extends keyof Calls>(method: M, args: Parameters<Calls[M]>, transfer: Transferable[] = []) {
    if (broken) return Promise.reject(broken);
    const id = next++;
    return new Promise<Awaited<ReturnType<Calls[M]>>>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, method, args } as SessionRequest, transfer);
    });
  }

  return {
    // The bytes move to the worker (transferred, not copied): the page holds no copy of the file.
    open: (bytes, fileName, today) => ask('open', [bytes, fileName, today], [bytes]),
    map: (choices) => ask('map', [choices]),
    records: (type, offset, end) => ask('records', [type, offset, end]),
    close() {
      worker.terminate();
      failAll(new Error('The file was let go.'));
    },
  };
}
