/**
 * Export leaves the background a page at a time and the options page writes the file: a book of any
 * size exports, the file is an ordinary bundle, and importing it gives the same book back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { exportBookFile, type ExportProgress } from '../../../lib/export/bundle-file';
import { readBundleText } from '../../../lib/import/validate';
import type { call as callBackground } from '../../../lib/messages/client';
import type { RequestType } from '../../../lib/messages/protocol';
import { exportBundle } from '../../../lib/store/records';
import { EXPORT_PAGE_BYTES } from '../../../lib/service/export';
import { bookRecords, freshDbName, NOW, startService } from './harness';

const services: ReturnType<typeof startService>[] = [];
afterEach(() => services.splice(0).forEach((s) => s.db.close()));
const start = (options: Parameters<typeof startService>[1] = {}) => {
  const service = startService(NOW, { dbName: freshDbName(), ...options });
  services.push(service);
  return service;
};
const asCall = (service: ReturnType<typeof startService>) => service.run as unknown as typeof callBackground;

/** The small book plus enough usage points (keyed by account and date) to span several pages. */
const book = () => {
  const records = bookRecords();
  const usage = Array.from({ length: 7 }, (_, i) => ({ accountId: 'acc-pico', date: `2026-10-0${i + 1}`, logins: i }));
  return { ...records, usage: [...(records.usage ?? []), ...usage] };
};

describe('exporting the book to a file', () => {
  it('writes a valid bundle page by page, with progress, that imports back to the same book', async () => {
    const source = start();
    await source.importRecords('book.json', book());
    const progress: ExportProgress[] = [];
    const requests: string[] = [];
    const call = (async (type: RequestType, payload: never) => {
      requests.push(type);
      return source.run(type, payload);
    }) as typeof callBackground;

    const outcome = await exportBookFile(call, (p) => progress.push(p), 2);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.fileName).toBe('glance-export-2026-11-05.json');
    const counts = await source.run('store.summary', {}).then((s) => s.counts);
    expect(outcome.counts).toEqual(counts);
    // Two records a page: several requests per type, never the whole book in one.
    expect(requests.filter((t) => t === 'export.page').length).toBeGreaterThan(10);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(progress.at(-1)).toEqual({ type: 'activities', done: total, total });

    const text = await outcome.file.text();
    const envelope = readBundleText(text);
    expect(envelope).toMatchObject({ ok: true, generatedAt: NOW.toISOString() });
    expect(JSON.parse(text)).toMatchObject({ format: 'glance.bundle', version: 1 });

    const copy = start();
    await copy.importRecords('glance-export.json', envelope.ok ? (envelope.records as Record<string, unknown[]>) : {});
    expect(await exportBundle(copy.db, NOW)).toEqual(await exportBundle(source.db, NOW));
  });

  it('writes an empty book as a bundle with empty lists', async () => {
    const outcome = await exportBookFile(asCall(start()));
    expect(outcome.ok && JSON.parse(await outcome.file.text())).toEqual({
      format: 'glance.bundle',
      version: 1,
      generatedAt: NOW.toISOString(),
      accounts: [],
      contacts: [],
      usage: [],
      tickets: [],
      commitments: [],
      activities: [],
    });
  });

  it('cuts a page at a few MiB of JSON whatever its record count, and always moves on', async () => {
    const service = start();
    // Each account carries 40% of a page in notes fields, each within the import's per-string cap.
    const fieldChars = 9000;
    const notes = Object.fromEntries(
      Array.from({ length: Math.ceil((EXPORT_PAGE_BYTES * 0.4) / fieldChars) }, (_, i) => [`note${i}`, 'x'.repeat(fieldChars)]),
    );
    await service.importRecords('big-notes.json', { accounts: ['a', 'b', 'c'].map((id) => ({ id, name: id, ...notes })) });
    const { exportId } = await service.run('export.begin', {});
    const first = await service.run('export.page', { exportId, type: 'accounts' });
    expect(first.records.map((r) => (r as { id: string }).id)).toEqual(['a', 'b']);
    expect(first).toMatchObject({ lastKey: 'b', done: false });
    const second = await service.run('export.page', { exportId, type: 'accounts', afterKey: first.lastKey });
    expect(second).toMatchObject({ lastKey: 'c', done: true });
  });

  it('names what failed, and saves no file', async () => {
    const service = start();
    await service.importRecords('book.json', book());
    let pages = 0;
    const failing = (async (type: RequestType, payload: never) => {
      if (type === 'export.page' && (payload as { type: string }).type === 'contacts' && ++pages === 2) {
        throw new Error("Glance's background could not be reached (the worker stopped).");
      }
      return service.run(type, payload);
    }) as typeof callBackground;
    expect(await exportBookFile(failing, undefined, 2)).toEqual({
      ok: false,
      error:
        "Export failed while reading contacts (2 of 3 written): Glance's background could not be reached (the worker stopped). No file was saved.",
    });
  });

  it('waits for an import being saved, and refuses a page once another import has landed', async () => {
    const service = start({ commitStepMs: 0 });
    await service.importRecords('book.json', book());
    const importId = await service.stageRecords('more.json', { accounts: [{ id: 'acc-more', name: 'More' }], contacts: [] });
    await service.run('import.commit', { importId });
    await expect(service.run('export.begin', {})).rejects.toThrow(
      'The import of more.json is still being saved (1 of 1 records): export when it is done.',
    );
    await service.commit(importId);

    const { exportId } = await service.run('export.begin', {});
    await service.importRecords('later.json', { accounts: [{ id: 'acc-later', name: 'Later' }] });
    await expect(service.run('export.page', { exportId, type: 'accounts' })).rejects.toThrow(
      'The book changed while it was being exported',
    );
  });
});
