/** A background service over a fresh fake-indexeddb database, with a fixed clock and a broadcast spy. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Bundle } from '../../../lib/model/bundle';
import type { PayloadOf, RequestType, ResponseOf } from '../../../lib/messages/protocol';
import { SidebarRegistry } from '../../../lib/access/sidebar-registry';
import type { Caller } from '../../../lib/messages/server';
import { createService } from '../../../lib/service/handlers';
import { GlanceDB } from '../../../lib/store/db';

export const NOW = new Date('2026-11-05T10:00:00.000Z');
export const smallBook = JSON.parse(readFileSync(join(__dirname, '../../fixtures/bundles/small-book.json'), 'utf8')) as Bundle;

let n = 0;

export const freshDbName = () => `glance-service-${++n}-${Math.random().toString(36).slice(2)}`;

/**
 * `dbName` reopens an existing database: a restarted service worker. `commitStepMs: 0` makes every
 * import.commit request apply exactly one batch, so a test can stop between two batches.
 */
export function startService(now = NOW, options: { dbName?: string; commitStepMs?: number } = {}) {
  const db = new GlanceDB(options.dbName ?? freshDbName());
  const broadcast = vi.fn();
  const sidebars = new SidebarRegistry(memoryStorage());
  const { handlers, recoverImports } = createService({ db, now: () => now, broadcast, commitStepMs: options.commitStepMs, sidebars });
  const caller: Caller = { role: 'page', sender: {} };
  const run = async <K extends RequestType>(type: K, payload: PayloadOf<K>): Promise<ResponseOf<K>> =>
    (handlers[type] as (p: PayloadOf<K>, c: Caller) => Promise<ResponseOf<K>>)(payload, caller);

  /** Stages records the way the options page does: begin, then one chunk per type. */
  async function stageRecords(name: string, records: Partial<Record<string, unknown[]>>, generatedAt?: string) {
    const { importId } = await run('import.begin', { name, ...(generatedAt ? { generatedAt } : {}) });
    for (const [type, list] of Object.entries(records)) {
      if (list) await run('import.chunk', { importId, type: type as PayloadOf<'import.chunk'>['type'], offset: 0, records: list });
    }
    return importId;
  }

  /** Commits step by step, as the options page does, until the background says it is done. */
  async function commit(importId: string) {
    for (;;) {
      const step = await run('import.commit', { importId });
      if (step.done) return step;
    }
  }

  async function importRecords(name: string, records: Partial<Record<string, unknown[]>>, generatedAt?: string) {
    return commit(await stageRecords(name, records, generatedAt));
  }
  return { db, broadcast, run, stageRecords, commit, importRecords, recoverImports };
}

/** storage.session as a Map: what the background keeps for the browser session. */
export function memoryStorage() {
  const map = new Map<string, unknown>();
  return {
    get: async (key: string) => structuredClone(map.get(key)),
    set: async (key: string, value: unknown) => void map.set(key, structuredClone(value)),
    remove: async (key: string) => void map.delete(key),
  };
}

export function bookRecords(bundle: Bundle = smallBook) {
  const { format: _f, version: _v, generatedAt: _g, ...records } = bundle;
  return records;
}
