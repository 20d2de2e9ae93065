import { afterEach, describe, expect, it, vi } from 'vitest';
import { localFileSession } from '../../../lib/import/file-session';
import { importFile } from '../../../lib/import/upload';
import { workerFileSession, type SessionReply, type SessionRequest } from '../../../lib/import/worker-file-session';
import { accounts, bundleFile, fakeBackground } from './fake-background';

/**
 * Stands in for the browser's Worker running lib/import/file-session.worker.ts: requests reach a
 * session of their own, answers come back as events, later, as a real worker's would.
 */
class FakeWorker {
  static crash: string | undefined;
  static transferred: Transferable[] = [];
  static terminated = 0;
  onmessage: ((event: MessageEvent<SessionReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  private readonly session = localFileSession();

  postMessage(request: SessionRequest, transfer: Transferable[] = []) {
    FakeWorker.transferred.push(...transfer);
    setTimeout(async () => {
      if (FakeWorker.crash) {
        this.onerror?.({ message: FakeWorker.crash, preventDefault: () => undefined } as ErrorEvent);
        return;
      }
      const { id, method, args } = request;
      const result = await (this.session[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      this.onmessage?.({ data: { id, ok: true, result } } as MessageEvent<SessionReply>);
    });
  }
  terminate() {
    FakeWorker.terminated++;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.crash = undefined;
  FakeWorker.transferred = [];
  FakeWorker.terminated = 0;
});

describe('an import read in a worker', () => {
  it('imports as one read in place would, handing the file over rather than copying it, and lets the worker go', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const bg = fakeBackground();
    const outcome = await importFile(bundleFile(accounts(3)), bg.call, { openSession: workerFileSession });

    expect(outcome).toMatchObject({ ok: true, counts: { accounts: 3 } });
    const chunk = bg.sent.find((s) => s.type === 'import.chunk')?.payload;
    expect(chunk).toMatchObject({ type: 'accounts', offset: 0, records: accounts(3) });
    expect(FakeWorker.transferred).toHaveLength(1);
    expect(FakeWorker.transferred[0]).toBeInstanceOf(ArrayBuffer);
    expect(FakeWorker.terminated).toBeGreaterThan(0);
  });

  it('says the file could not be read when the worker dies, and sends nothing', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.crash = 'Out of memory';
    const bg = fakeBackground();
    const outcome = await importFile(bundleFile(accounts(3)), bg.call, { openSession: workerFileSession });

    expect(outcome).toEqual({
      ok: false,
      fileName: 'book.json',
      error: 'Import failed: The file could not be read (Out of memory). Nothing was changed.',
    });
    expect(bg.sent).toEqual([]);
  });
});
