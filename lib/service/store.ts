/** store.*: what the options page shows about the book: counts, the sample, the last change, an interrupted import. */
import type { Handlers } from '../messages/server';
import { lastRecoveredJob } from '../store/import-journal';
import { countRecords, type RecordCounts } from '../store/records';
import type { ServiceDeps } from './handlers';
import { SAMPLE_ID_PREFIX } from '../sample/ids';
import { COUNT_SLICE, countInSlices } from '../store/slices';

export function createStoreHandlers({ db }: ServiceDeps): Pick<Handlers, 'store.summary'> & { invalidate(): void } {
  /**
   * The counts, kept until the next write: counting a big book takes the store seconds (in slices,
   * lib/store/slices.ts), and every open options page and empty sidebar asks again after each change.
   * Pages asking at once share one count. The sample accounts are counted the same way: a generated
   * book (the benchmarks' 100k accounts are sample data) made reading their ids hold the store for
   * seconds after each import, once per open page.
   */
  let counting: Promise<[RecordCounts, number]> | null = null;
  return {
    invalidate: () => void (counting = null),
    'store.summary': async () => {
      const kept = (counting ??= Promise.all([countRecords(db), countInSlices(db.accounts, ':id', COUNT_SLICE, SAMPLE_ID_PREFIX)]));
      kept.catch(() => counting === kept && (counting = null));
      const [[counts, sampleAccounts], lastImport, outboxPending, recovered] = await Promise.all([
        kept,
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
      return { counts, sampleAccounts, lastImport, outboxPending, ...(interruptedImport ? { interruptedImport } : {}) };
    },
  };
}
