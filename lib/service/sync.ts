/**
 * sync.*: CRM connections and the write-back queue, for Glance's own pages only (lib/access/roles.ts
 * keeps them from the sidebar and content scripts). Every answer is built from SourceStatus, which
 * has no field for a token.
 */
import type { Handlers } from '../messages/server';
import { changeEvent } from '../messages/server';
import { readSource, updateSource, writeMapping } from '../store/sync-state';
import { connectSource, disconnectSource } from '../sync/connect';
import type { SyncEngine } from '../sync/engine';
import type { SyncPlatform } from '../sync/connectors';
import { mappingFieldsOf, mappingFieldsProblem } from '../sync/mapping';
import { readMapping } from '../store/sync-state';
import { syncStatus } from '../sync/status';
import type { MappingFields, SourceId, SourceStatus } from '../sync/types';
import type { ServiceDeps } from './handlers';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.connect' | 'sync.disconnect' | 'sync.now' | 'sync.configure' | 'sync.retry'>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createSyncHandlers(deps: ServiceDeps, sync: { engine: SyncEngine; platform: SyncPlatform } | undefined): SyncHandlers {
  const { db, now, broadcast } = deps;
  const need = () => {
    if (!sync) throw new Error('CRM sync is not available in this build.');
    return sync;
  };
  const statusOf = async (source: SourceId): Promise<SourceStatus> =>
    (await syncStatus(db, now())).sources.find((s) => s.source === source)!;

  return {
    'sync.status': async () => {
      const status = await syncStatus(db, now());
      return sync ? { ...status, callbackUrl: sync.platform.redirectUrl() } : status;
    },
    'sync.connect': async (input) => {
      const { engine, platform } = need();
      await connectSource({ db, now, engine, platform, broadcast }, input);
      return statusOf(input.source);
    },
    'sync.disconnect': async ({ source }) => {
      await disconnectSource({ db, engine: need().engine, broadcast }, source);
      return null;
    },
    'sync.now': async ({ source }) => {
      const { engine } = need();
      void (source ? engine.syncSource(source) : engine.syncAll()).catch(() => undefined);
      return null;
    },
    'sync.configure': async ({ source, herBook, ownerEmail, mapping }) => {
      const { engine } = need();
      const email = ownerEmail?.toLowerCase();
      if (email && !EMAIL.test(email)) throw new Error(`Not saved: "${ownerEmail}" is not an email address.`);
      const before = await readSource(db, source);
      let resync = false;
      if (mapping) {
        const fields: MappingFields = { ...mappingFieldsOf(source, await readMapping<Partial<MappingFields>>(db, source)), ...mapping };
        const problem = mappingFieldsProblem(source, fields);
        if (problem) throw new Error(`Mapping not saved: ${problem}.`);
        await writeMapping(db, source, fields);
        engine.forget(source);
        resync = true;
      }
      if (herBook !== undefined && herBook !== before.herBook) resync = true;
      if (ownerEmail !== undefined && (email || undefined) !== before.ownerEmail && (herBook ?? before.herBook)) resync = true;
      await updateSource(db, source, (r) => ({
        ...r,
        ...(herBook !== undefined ? { herBook } : {}),
        ...(ownerEmail !== undefined ? { ownerEmail: email || undefined } : {}),
      }));
      // Another book or another mapping: every record is read again under the new rule.
      if (resync && before.connected) {
        await engine.startOver(source);
        void engine.syncSource(source).catch(() => undefined);
      }
      broadcast(changeEvent(['sync']));
      return statusOf(source);
    },
    'sync.retry': async ({ commitmentId }) => ({ requeued: await need().engine.retry(commitmentId) }),
  };
}
