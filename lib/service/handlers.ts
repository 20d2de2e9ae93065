/** Every request of the message API: one module per namespace, composed here. */
import type { SidebarRegistry } from '../access/sidebar-registry';
import type { ChangeEvent } from '../messages/protocol';
import type { Handlers } from '../messages/server';
import type { GlanceDB } from '../store/db';
import { createBookService } from './book';
import { createCommitmentHandlers } from './commitments';
import { createExportHandlers } from './export';
import { createImportService } from './import';
import { createImportMappingHandlers } from './import-mappings';
import { createPageHandlers } from './page';
import { createProfileHandlers, loadProfile } from './profile';
import { createReminderHandlers } from './reminders';
import { createSampleHandlers } from './sample';
import { createSettingsHandlers } from './settings';
import { createSidebarHandlers } from './sidebar';
import { createStoreHandlers } from './store';
import { createSyncHandlers } from './sync';
import type { ConnectorFactory, SyncPlatform } from '../sync/connectors';
import { createSyncEngine, type SyncEngine } from '../sync/engine';
import { createThreadHandlers } from './thread';

export interface ServiceDeps {
  db: GlanceDB;
  now: () => Date;
  /** Tells open Glance pages that data changed. */
  broadcast: (event: ChangeEvent) => void;
  /** The sidebar frames Glance put on host pages (lib/access). */
  sidebars: SidebarRegistry;
  /** Drops what the background keeps in memory about the book (set by createService). */
  invalidate?: () => void;
  /** Keeps the service worker alive through a long background job (an extension API call resets its idle timer). */
  keepAlive?: () => Promise<unknown> | void;
  /** Brings the insights cache up to date right after each change (the background); else on the next read. */
  eagerInsights?: boolean;
  /** How long one import.commit request applies batches (tests make it one batch a request). */
  commitStepMs?: number;
  /** CRM sync: the browser's part (permissions, sign-in, fetch) and how connectors are built. */
  sync?: {
    platform: SyncPlatform;
    connectors: ConnectorFactory;
    /** Wake the background at this time (an alarm) to drain the outbox after a backoff. */
    wakeAt?: (atMs: number) => void;
    random?: () => number;
    drainDelayMs?: number;
  };
}

export function createService(outer: ServiceDeps): {
  handlers: Handlers;
  recoverImports: () => Promise<unknown>;
  book: ReturnType<typeof createBookService>;
  sync?: SyncEngine;
} {
  // Every write announces itself with a broadcast: that is also when the in-memory caches go stale.
  let dropCaches = () => undefined as void;
  let noteChange: (event: ChangeEvent) => void = () => undefined;
  const deps: ServiceDeps = {
    ...outer,
    invalidate: () => dropCaches(),
    broadcast: (event) => {
      dropCaches();
      noteChange(event);
      outer.broadcast(event);
    },
  };
  const book = createBookService(deps, (error) => console.warn('Glance: insights cache', error));
  noteChange = book.onChange;
  const page = createPageHandlers(deps, book.insights);
  const { invalidate: dropPrepared, ...sidebar } = createSidebarHandlers(deps.sidebars, page['page.match'], () => loadProfile(deps.db));
  const { invalidate: dropCounts, ...store } = createStoreHandlers(deps);
  dropCaches = () => {
    page.invalidate();
    dropCounts();
    dropPrepared();
  };
  const imports = createImportService(deps);
  const sync =
    deps.sync &&
    createSyncEngine({
      db: deps.db,
      now: deps.now,
      broadcast: deps.broadcast,
      keepAlive: deps.keepAlive,
      connectors: deps.sync.connectors,
      wakeAt: deps.sync.wakeAt,
      random: deps.sync.random,
      drainDelayMs: deps.sync.drainDelayMs,
    });

  const handlers: Handlers = {
    ...page,
    ...createSettingsHandlers(deps),
    ...createReminderHandlers(deps),
    ...createProfileHandlers(deps),
    ...store,
    ...imports.handlers,
    ...createExportHandlers(deps),
    ...createSampleHandlers(deps),
    ...createCommitmentHandlers(deps),
    ...createThreadHandlers(deps),
    ...createImportMappingHandlers(deps),
    ...sidebar,
    ...createSyncHandlers(deps, sync && { engine: sync, platform: deps.sync!.platform }),
    ...book.handlers,
  };
  return { handlers, recoverImports: imports.recoverImports, book, sync };
}

export function createHandlers(deps: ServiceDeps): Handlers {
  return createService(deps).handlers;
}
