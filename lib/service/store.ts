/** store.*: what the options page shows about the book: counts, the sample, the last change, an interrupted import. */
import type { Handlers } from '../messages/server';
import { lastRecoveredJob } from '../store/import-journal';
import { countRecords } from '../store/records';
import type { ServiceDeps } from './handlers';
import { sampleAccountIds } from './sample';

export function createStoreHandlers({ db }: ServiceDeps): Pick<Handlers, 'store.summary'> {
  return {
    'store.summary': async () => {
      const [counts, sample, lastImport, outboxPending, recovered] = await Promise.all([
        countRecords(db),
        sampleAccountIds(db),
        db.importLog.orderBy('seq').last(),
        db.outbox.where('status').equals('pending').count(),
        lastRecoveredJob(db),
      ]);
      // Told until the next import: an older interruption is history by then.
      const current =
        recovered &&
        (!lastImport || recovered.touchedAt > lastImport.at || (recovered.state === 'committed' && lastImport.recovery === 'resumed'));
      const interruptedImport = current && {
        name: recovered.name,
        state: recovered.state,
        recovery: recovered.recovery,
        written: recovered.written,
        total: recovered.total,
        touchedAt: recovered.touchedAt,
      };
      return { counts, sampleAccounts: sample.length, lastImport, outboxPending, ...(interruptedImport ? { interruptedImport } : {}) };
    },
  };
}
