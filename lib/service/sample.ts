/** sample.*: the built-in sample book, loaded beside the user's book and removed without touching it. */
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import { makeSampleBook, SAMPLE_ID_PREFIX } from '../sample/book';
import type { GlanceDB } from '../store/db';
import { removeAccounts, writeRecords } from '../store/records';
import type { ServiceDeps } from './handlers';

export const sampleAccountIds = (db: GlanceDB) => db.accounts.where('id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();

export function createSampleHandlers({ db, now, broadcast }: ServiceDeps): Pick<Handlers, 'sample.load' | 'sample.remove'> {
  return {
    'sample.load': async () => {
      const book = makeSampleBook(now());
      // Fifty accounts: small enough for the one transaction that makes it all-or-nothing.
      const counts = await writeRecords(db, book, { at: now().toISOString(), source: 'sample', name: 'Sample book', rejected: 0 });
      broadcast(changeEvent(['records', 'commitments']));
      return { counts };
    },
    'sample.remove': async () => {
      const ids = await sampleAccountIds(db);
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
  };
}
