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
import { createProfileHandlers } from './profile';
import { createReminderHandlers } from './reminders';
import { createSampleHandlers } from './sample';
import { createSettingsHandlers } from './settings';
import { createSidebarHandlers } from './sidebar';
import { createStoreHandlers } from './store';

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
}

export function createService(outer: ServiceDeps): {
  handlers: Handlers;
  recoverImports: () => Promise<unknown>;
  book: ReturnType<typeof createBookService>;
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
  const page = createPageHandlers(deps);
  dropCaches = page.invalidate;
  const imports = createImportService(deps);

  const handlers: Handlers = {
    ...page,
    ...createSettingsHandlers(deps),
    ...createReminderHandlers(deps),
    ...createProfileHandlers(deps),
    ...createStoreHandlers(deps),
    ...imports.handlers,
    ...createExportHandlers(deps),
    ...createSampleHandlers(deps),
    ...createCommitmentHandlers(deps),
    ...createImportMappingHandlers(deps),
    ...createSidebarHandlers(deps.sidebars),
    ...book.handlers,
  };
  return { handlers, recoverImports: imports.recoverImports, book };
}

export function createHandlers(deps: ServiceDeps): Handlers {
  return createService(deps).handlers;
}
