/** A background service with CRM sync over fake-indexeddb, a clock the test moves, and fake CRMs. */
import { vi } from 'vitest';
import { SidebarRegistry } from '../../../lib/access/sidebar-registry';
import type { Connector, SourceId } from '../../../lib/connectors/types';
import type { PayloadOf, RequestType, ResponseOf } from '../../../lib/messages/protocol';
import type { Caller } from '../../../lib/messages/server';
import { createService } from '../../../lib/service/handlers';
import { GlanceDB } from '../../../lib/store/db';
import type { SyncPlatform } from '../../../lib/sync/connectors';
import { freshDbName, memoryStorage } from '../service/harness';

export class Clock {
  constructor(public ms = Date.parse('2026-11-05T10:00:00.000Z')) {}
  now = () => new Date(this.ms);
  advance(ms: number) {
    this.ms += ms;
  }
}

export interface SyncServiceOptions {
  dbName?: string;
  clock?: Clock;
  connectors: Partial<Record<SourceId, () => Connector>>;
  granted?: string[];
}

/** `dbName` reopens a database: a restarted service worker with a new engine. */
export function startSyncService(options: SyncServiceOptions) {
  const clock = options.clock ?? new Clock();
  const dbName = options.dbName ?? freshDbName();
  const db = new GlanceDB(dbName);
  const broadcast = vi.fn();
  const wakeAt = vi.fn();
  const granted = options.granted ?? ['https://api.hubapi.com/*'];
  const platform: SyncPlatform = {
    fetch: () => Promise.reject(new Error('no network in unit tests')),
    hasHostPermission: async (pattern) => granted.includes(pattern),
    redirectUrl: () => 'https://extension-id.chromiumapp.org/',
    launchWebAuthFlow: () => Promise.reject(new Error('no sign-in window in unit tests')),
  };
  const { handlers, sync } = createService({
    db,
    now: clock.now,
    broadcast,
    sidebars: new SidebarRegistry(memoryStorage()),
    sync: {
      platform,
      connectors: (secret) => {
        const make = options.connectors[secret.source];
        if (!make) throw new Error(`no fake for ${secret.source}`);
        return make();
      },
      wakeAt,
      random: () => 0.5,
      drainDelayMs: 0,
    },
  });
  const caller: Caller = { role: 'page', sender: {} };
  const run = async <K extends RequestType>(type: K, payload: PayloadOf<K>): Promise<ResponseOf<K>> =>
    (handlers[type] as (p: PayloadOf<K>, c: Caller) => Promise<ResponseOf<K>>)(payload, caller);
  const engine = sync!;
  /** Connects HubSpot with a token and waits for the first sync (and its drain) to finish. */
  async function connectHubSpot(token = 'pat-na1-test-token') {
    const status = await run('sync.connect', { source: 'hubspot', accessToken: token });
    await engine.syncSource('hubspot');
    return status;
  }
  const source = async (s: SourceId) => (await run('sync.status', {})).sources.find((x) => x.source === s)!;
  return { db, dbName, clock, run, engine, broadcast, wakeAt, connectHubSpot, source, handlers };
}
