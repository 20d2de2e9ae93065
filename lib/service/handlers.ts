/** Every request of the message API, answered from the store and the playbook. */
import type { SidebarRegistry } from '../access/sidebar-registry';
import type { ChangeEvent, ImportProgressEvent } from '../messages/protocol';
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import { ImportStaging } from '../import/staging';
import { makeSampleBook, SAMPLE_ID_PREFIX } from '../sample/book';
import type { GlanceDB } from '../store/db';
import { countRecords, exportBundle, removeAccounts, writeRecords } from '../store/records';
import { saveCommitment, setCommitmentStatus, updateCommitment } from './commitments';
import { createImportMappingHandlers } from './import-mappings';
import { createPageHandlers } from './page';
import { createProfileHandlers } from './profile';
import { createReminderHandlers } from './reminders';
import { createSettingsHandlers } from './settings';
import { createSidebarHandlers } from './sidebar';

export interface ServiceDeps {
  db: GlanceDB;
  now: () => Date;
  /** Tells open Glance pages that data changed. */
  broadcast: (event: ChangeEvent) => void;
  /** Tells the importing page how far the write is; optional (tests leave it out). */
  progress?: (event: ImportProgressEvent) => void;
  /** The sidebar frames Glance put on host pages (lib/access). */
  sidebars: SidebarRegistry;
}

export function createHandlers(outer: ServiceDeps): Handlers {
  // Every write announces itself with a broadcast: that is also when the in-memory caches go stale.
  let dropCaches = () => undefined as void;
  const deps: ServiceDeps = {
    ...outer,
    broadcast: (event) => {
      dropCaches();
      outer.broadcast(event);
    },
  };
  const { db, now, broadcast } = deps;
  const staging = new ImportStaging();
  const page = createPageHandlers(deps);
  dropCaches = page.invalidate;
  const settings = createSettingsHandlers(deps);

  const sampleAccountIds = () => db.accounts.where('id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();

  return {
    ...page,
    ...settings,
    ...createReminderHandlers(deps),
    ...createProfileHandlers(deps),
    ...createImportMappingHandlers(deps),
    ...createSidebarHandlers(deps.sidebars),
    'store.summary': async () => {
      const [counts, sample, lastImport, outboxPending] = await Promise.all([
        countRecords(db),
        sampleAccountIds(),
        db.importLog.orderBy('seq').last(),
        db.outbox.where('status').equals('pending').count(),
      ]);
      return { counts, sampleAccounts: sample.length, lastImport, outboxPending };
    },
    'import.begin': ({ name }) => ({ importId: staging.begin(name) }),
    'import.chunk': ({ importId, type, offset, records }) => staging.add(importId, type, offset, records),
    'import.abort': ({ importId }) => {
      staging.abort(importId);
      return null;
    },
    'import.commit': async ({ importId }) => {
      const staged = staging.take(importId);
      const counts = await writeRecords(db, staged.records, {
        at: now().toISOString(),
        source: 'file',
        name: staged.name,
        rejected: staged.rejected,
      }, (written, total) => deps.progress?.({ glance: 'event', event: 'import-progress', importId, written, total }));
      broadcast(changeEvent(['records', 'commitments']));
      return { counts };
    },
    'export.bundle': () => exportBundle(db, now()),
    'sample.load': async () => {
      const book = makeSampleBook(now());
      const counts = await writeRecords(db, book, { at: now().toISOString(), source: 'sample', name: 'Sample book', rejected: 0 });
      broadcast(changeEvent(['records', 'commitments']));
      return { counts };
    },
    'sample.remove': async () => {
      const ids = await sampleAccountIds();
      await removeAccounts(db, ids);
      await db.importLog.add({
        at: now().toISOString(),
        source: 'sample-removed',
        name: 'Sample book removed',
        rejected: 0,
        counts: { accounts: ids.length, contacts: 0, usage: 0, tickets: 0, commitments: 0, activities: 0 },
      });
      broadcast(changeEvent(['records', 'commitments']));
      return { removedAccounts: ids.length };
    },
    'commitment.save': async ({ commitment }) => {
      const saved = await saveCommitment(db, commitment, now());
      broadcast(changeEvent(['commitments'], [saved.accountId]));
      return saved;
    },
    'commitment.update': async ({ id, patch }) => {
      const saved = await updateCommitment(db, id, patch, now());
      broadcast(changeEvent(['commitments'], [saved.accountId]));
      return saved;
    },
    'commitment.setStatus': async ({ id, status }) => {
      const saved = await setCommitmentStatus(db, id, status, now());
      broadcast(changeEvent(['commitments'], [saved.accountId]));
      return saved;
    },
  };
}
