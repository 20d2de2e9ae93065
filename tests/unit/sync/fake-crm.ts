/**
 * A CRM behind the Connector interface, in memory: records with a change counter (what "modified
 * since" means), pages of two, deletions, owners, and tasks found again by commitment id (what the
 * real connectors do with their marker or external id). Failures are queued per push or pull.
 */
import { vi } from 'vitest';
import { ConnectorError, type Connector, type PullPage, type SyncObject } from '../../../lib/connectors/types';
import type { Account, Contact, Ticket } from '../../../lib/model/bundle';
import type { OutboxEntry } from '../../../lib/store/db';

type Kind = 'accounts' | 'contacts' | 'tickets';
const KIND_OF: Partial<Record<SyncObject, Kind>> = { companies: 'accounts', contacts: 'contacts', tickets: 'tickets' };

interface Row {
  kind: Kind;
  record: Account | Contact | Ticket;
  version: number;
  deleted?: boolean;
}

/** What a push does instead of answering: throw, or write the task and never answer (the worker stopped). */
export type PushFault = ConnectorError | 'stop-after-write';

export const accountId = (n: number | string) => `fake:acc:${n}`;

export class FakeCrm {
  rows = new Map<string, Row>();
  version = 0;
  owners = [
    { id: 'u1', email: 'ana@northpeak.io', name: 'Ana' },
    { id: 'u2', email: 'bo@northpeak.io', name: 'Bo' },
  ];
  tasks = new Map<string, { id: string; record: unknown }>();
  pushFaults: PushFault[] = [];
  /** Pull calls that never answer from this one on (a worker stopped mid-sync). */
  stopAtPull?: number;
  /** Changes older than this version are no longer known: asking from before it means a full resync. */
  forgottenBefore = 0;
  pulls: Array<{ object: SyncObject; cursor: string | null }> = [];
  pushes: OutboxEntry[] = [];

  company(n: number, name: string, owner = 'ana@northpeak.io', extra: Partial<Account> = {}) {
    this.put('accounts', { id: accountId(n), name, owner, crm: { hubspotId: String(n) }, ...extra });
  }
  contact(n: number, company: number, email: string) {
    this.put('contacts', { id: `fake:con:${n}`, accountId: accountId(company), name: email.split('@')[0], email });
  }
  put(kind: Kind, record: Account | Contact | Ticket) {
    this.rows.set(record.id, { kind, record, version: ++this.version });
  }
  remove(id: string) {
    const row = this.rows.get(id)!;
    this.rows.set(id, { ...row, deleted: true, version: ++this.version });
  }

  connector(): Connector & { pull: ReturnType<typeof vi.fn>; push: ReturnType<typeof vi.fn> } {
    return {
      source: 'hubspot',
      verify: async () => ({ label: 'HubSpot portal 4242', accountUrlPrefix: 'https://app.hubspot.com/contacts/4242/record/0-2/' }),
      crmAccountId: (id) => (id.startsWith('fake:acc:') ? id.slice('fake:acc:'.length) : null),
      glanceAccountId: (crmId) => accountId(crmId),
      pull: vi.fn((object: SyncObject, cursor: string | null) => this.pull(object, cursor)),
      push: vi.fn((entry: OutboxEntry) => this.push(entry)),
    };
  }

  pull(object: SyncObject, cursor: string | null): Promise<PullPage> {
    this.pulls.push({ object, cursor });
    if (this.stopAtPull !== undefined && this.pulls.length >= this.stopAtPull) return new Promise(() => undefined);
    if (object === 'owners') return Promise.resolve({ records: {}, cursor: null, more: false, owners: this.owners });
    const kind = KIND_OF[object];
    if (!kind) return Promise.resolve({ records: {}, cursor: null, more: false });
    const at = cursor ? (JSON.parse(cursor) as { since: number; offset: number }) : { since: 0, offset: 0 };
    if (at.since && at.since < this.forgottenBefore)
      return Promise.resolve({ records: {}, cursor: null, more: false, resyncRequired: true });
    const changed = [...this.rows.values()]
      .filter((r) => r.kind === kind && r.version > at.since && !(at.since === 0 && r.deleted))
      .sort((a, b) => a.version - b.version);
    const page = changed.slice(at.offset, at.offset + 2);
    const more = at.offset + 2 < changed.length;
    const top = Math.max(at.since, ...changed.map((r) => r.version));
    const deleted = page.filter((r) => r.deleted).map((r) => r.record.id);
    return Promise.resolve({
      records: { [kind]: page.filter((r) => !r.deleted).map((r) => r.record) },
      ...(deleted.length ? { deleted: { [kind]: deleted } } : {}),
      cursor: JSON.stringify(more ? { since: at.since, offset: at.offset + 2 } : { since: top, offset: 0 }),
      more,
    });
  }

  /** Idempotent by commitment id, as the real connectors are through their marker or external id. */
  push(entry: OutboxEntry): Promise<{ remoteId: string }> {
    this.pushes.push(entry);
    const fault = this.pushFaults.shift();
    if (fault instanceof ConnectorError) return Promise.reject(fault);
    const task = this.tasks.get(entry.entityId) ?? { id: `task-${this.tasks.size + 1}`, record: entry.record };
    this.tasks.set(entry.entityId, { ...task, record: entry.record });
    if (fault === 'stop-after-write') return new Promise(() => undefined);
    return Promise.resolve({ remoteId: task.id });
  }
}
