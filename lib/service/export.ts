/**
 * export.*: the book leaves the background a page at a time (one runtime message is capped at 64 MiB,
 * and a million contacts are several hundred). The options page asks for each record type in key
 * order and writes the file itself (lib/export/bundle-file.ts).
 *
 * The export id carries the import log's position when the export began: if an import is saved in
 * the meantime, the next page refuses rather than writing a file that is half before and half after.
 */
import { EXPORT_PAGE_LIMIT, type ExportPage } from '../messages/protocol';
import type { Handlers } from '../messages/server';
import type { RecordType } from '../model/bundle';
import { contactsAfter } from '../store/contacts';
import { withoutKeys } from '../store/keys';
import { countRecords } from '../store/records';
import type { ServiceDeps } from './handlers';

/** A page stops growing past this much JSON, well under the runtime message limit. */
export const EXPORT_PAGE_BYTES = 4 * 2 ** 20;

export function createExportHandlers({ db, now }: ServiceDeps): Pick<Handlers, 'export.begin' | 'export.page'> {
  const importLogPosition = async () => (await db.importLog.orderBy('seq').lastKey()) ?? 0;

  async function refuseWhileImporting() {
    const running = await db.importJobs.where('state').anyOf(['committing', 'rolling-back']).first();
    if (running)
      throw new Error(
        `The import of ${running.name} is still being saved (${running.written.toLocaleString()} of ${running.total.toLocaleString()} records): export when it is done.`,
      );
  }

  const recordsAfter = (type: Exclude<RecordType, 'contacts'>, afterKey: unknown, max: number) => {
    const table = db.table(type);
    return (afterKey === undefined ? table.orderBy(':id') : table.where(':id').above(afterKey)).limit(max).toArray();
  };

  return {
    'export.begin': async () => {
      await refuseWhileImporting();
      const at = now();
      return {
        exportId: `export-${await importLogPosition()}-${at.getTime()}`,
        generatedAt: at.toISOString(),
        counts: await countRecords(db),
      };
    },
    'export.page': async ({ exportId, type, afterKey, limit }): Promise<ExportPage> => {
      await refuseWhileImporting();
      if (exportId.split('-')[1] !== String(await importLogPosition())) {
        throw new Error('The book changed while it was being exported (an import was saved): please export again.');
      }
      const max = limit ?? EXPORT_PAGE_LIMIT;
      const rows = (
        type === 'contacts' ? await contactsAfter(db, afterKey as string | undefined, max) : await recordsAfter(type, afterKey, max)
      ) as Record<string, unknown>[];
      const records: unknown[] = [];
      let bytes = 0;
      for (const row of rows) {
        const record = type === 'accounts' || type === 'contacts' ? withoutKeys(row) : row;
        bytes += JSON.stringify(record).length;
        if (records.length > 0 && bytes > EXPORT_PAGE_BYTES) break;
        records.push(record);
      }
      const last = records.at(-1) as Record<string, string> | undefined;
      const lastKey = last === undefined ? afterKey : type === 'usage' ? [last.accountId, last.date] : last.id;
      return { records, lastKey, done: records.length === rows.length && rows.length < max };
    },
  };
}
