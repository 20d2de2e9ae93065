/** A background service over a fresh fake-indexeddb database, with a fixed clock and a broadcast spy. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Bundle } from '../../../lib/model/bundle';
import type { PayloadOf, RequestType, ResponseOf } from '../../../lib/messages/protocol';
import { SidebarRegistry } from '../../../lib/access/sidebar-registry';
import type { Caller } from '../../../lib/messages/server';
import { createHandlers } from '../../../lib/service/handlers';
import { GlanceDB } from '../../../lib/store/db';

export const NOW = new Date('2026-11-05T10:00:00.000Z');
export const smallBook = JSON.parse(readFileSync(join(__dirname, '../../fixtures/bundles/small-book.json'), 'utf8')) as Bundle;

let n = 0;

export function startService(now = NOW) {
  const db = new GlanceDB(`glance-service-${++n}-${Math.random().toString(36).slice(2)}`);
  const broadcast = vi.fn();
  const handlers = createHandlers({ db, now: () => now, broadcast, sidebars: new SidebarRegistry(memoryStorage()) });
  const caller: Caller = { role: 'page', sender: {} };
  const run = async <K extends RequestType>(type: K, payload: PayloadOf<K>): Promise<ResponseOf<K>> =>
    (handlers[type] as (p: PayloadOf<K>, c: Caller) => Promise<ResponseOf<K>>)(payload, caller);

  /** Imports records the way the options page does: begin, one chunk per type, commit. */
  async function importRecords(name: string, records: Partial<Record<string, unknown[]>>) {
    const { importId } = await run('import.begin', { name });
    for (const [type, list] of Object.entries(records)) {
      if (list) await run('import.chunk', { importId, type: type as PayloadOf<'import.chunk'>['type'], offset: 0, records: list });
    }
    return run('import.commit', { importId });
  }
  return { db, broadcast, run, importRecords };
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
