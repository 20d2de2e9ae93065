/**
 * The HubSpot connector: a private-app token, HubSpot's CRM v3 API, the Glance model.
 */
import type { Account, RecordType } from '../../model/bundle';
import type { OutboxEntry } from '../../store/db';
import { ConnectorError, type Connector, type PullPage, type PushResult, type SyncObject, type VerifiedConnection } from '../types';
import { HubSpotClient, type HubSpotClientOptions } from './client';
import {
  clearedCompanyFields,
  glanceId,
  hubspotIdOf,
  mapCompany,
  mapContact,
  mapRenewalDeal,
  mapTicket,
  ownerEmails,
  propertiesFor,
  type HubSpotObject,
  type HubSpotOwner,
  type RenewalFacts,
} from './map';
import { DEFAULT_FIELD_MAPPING, type HubSpotFieldMapping } from './mapping';
import { loggedEmailOf } from '../logged-email';
import { createNoteRequest, findNoteRequest, noteCarriesMarker } from './notes';
import { parseCursor, readPage, type CrmObject } from './sync';
import {
  createTaskRequest,
  findTaskRequest,
  needsNoTask,
  readCommitment,
  taskCarriesMarker,
  updateTaskRequest,
  type TaskTargets,
} from './writeback';

export interface HubSpotConnectorOptions extends HubSpotClientOptions {
  mapping?: HubSpotFieldMapping;
  now?: () => Date;
  lookbackMs?: number;
  /** The HubSpot company behind a Glance account that did not come from HubSpot (e.g. imported with crm.hubspotId). */
  companyIdFor?: (accountId: string) => Promise<string | undefined>;
  /** A custom task property holding the commitment id; without one the marker goes in the task body. */
  markerProperty?: string;
}

/** A page of deals carries renewal facts for accounts rather than records of its own. */
export interface HubSpotPullPage extends PullPage {
  renewals?: RenewalFacts[];
  /** Records HubSpot sent that Glance cannot hold (a contact with no email or company), for the sync log. */
  skipped?: number;
}

const ASSOCIATIONS: Record<CrmObject, string[]> = { companies: [], contacts: ['companies'], deals: ['companies'], tickets: ['companies'] };
const DELETED_TYPE: Partial<Record<CrmObject, RecordType>> = { companies: 'accounts', contacts: 'contacts', tickets: 'tickets' };
const ID_OF: Record<CrmObject, (id: string) => string> = {
  companies: glanceId.company,
  contacts: glanceId.contact,
  deals: glanceId.deal,
  tickets: glanceId.ticket,
};

interface AccountInfo {
  portalId: number;
  uiDomain?: string;
  accountType?: string;
}

interface SearchAnswer {
  results: HubSpotObject[];
}

export class HubSpotConnector implements Connector {
  readonly source = 'hubspot' as const;
  private readonly client: HubSpotClient;
  private readonly mapping: HubSpotFieldMapping;
  private readonly now: () => Date;
  private owners: Map<string, string> | null = null;

  constructor(private readonly options: HubSpotConnectorOptions) {
    this.client = new HubSpotClient(options);
    this.mapping = options.mapping ?? DEFAULT_FIELD_MAPPING;
    this.now = options.now ?? (() => new Date());
  }

  async verify(): Promise<VerifiedConnection> {
    const info = await this.client.get<AccountInfo>('/account-info/v3/details');
    if (typeof info?.portalId !== 'number')
      throw new ConnectorError('HubSpot answered the account check without a portal id: is this token for a HubSpot portal?', 'permanent');
    const ui = info.uiDomain && /^app(-[a-z0-9]+)?\.hubspot\.com$/.test(info.uiDomain) ? info.uiDomain : 'app.hubspot.com';
    return {
      label: `HubSpot portal ${info.portalId}${info.uiDomain ? ` (${info.uiDomain})` : ''}`,
      accountUrlPrefix: `https://${ui}/contacts/${info.portalId}/record/0-2/`,
    };
  }

  crmAccountId(glance: string): string | null {
    return hubspotIdOf(glance, 'company');
  }

  glanceAccountId(crmId: string): string {
    return glanceId.company(crmId);
  }

  private async loadOwners(): Promise<HubSpotOwner[]> {
    const owners: HubSpotOwner[] = [];
    let after: string | undefined;
    do {
      const page = await this.client.get<{ results: HubSpotOwner[]; paging?: { next?: { after?: string } } }>('/crm/v3/owners', {
        limit: 100,
        after,
      });
      owners.push(...page.results);
      after = page.paging?.next?.after;
    } while (after);
    this.owners = ownerEmails(owners);
    return owners;
  }

  async pull(object: SyncObject, rawCursor: string | null): Promise<HubSpotPullPage> {
    if (object === 'owners') {
      // Owners are not records: they turn hubspot_owner_id into the owner's email on accounts.
      const owners = await this.loadOwners();
      return {
        records: {},
        cursor: null,
        more: false,
        owners: owners
          .filter((o) => o.email && !o.archived)
          .map((o) => ({ id: o.id, email: o.email!.toLowerCase(), ...(ownerName(o) ? { name: ownerName(o) } : {}) })),
      };
    }
    // Emails, calls and meetings are not pulled from HubSpot yet.
    if (object === 'activities') return { records: {}, cursor: null, more: false };
    const cursor = parseCursor(rawCursor);
    const page = await readPage(this.client, object, cursor, {
      properties: propertiesFor(object, this.mapping),
      associations: ASSOCIATIONS[object],
      now: this.now(),
      lookbackMs: this.options.lookbackMs,
    });
    const result: HubSpotPullPage = { records: {}, cursor: JSON.stringify(page.cursor), more: page.more };
    const deletedType = DELETED_TYPE[object];
    if (page.archivedIds.length && deletedType) result.deleted = { [deletedType]: page.archivedIds.map(ID_OF[object]) };
    // An archived deal may have fed its company's renewal date or ARR: the store works them out again without it.
    if (page.archivedIds.length && object === 'deals') result.deletedDeals = page.archivedIds.map(glanceId.deal);
    // A search answer has no associations: read them for the contacts, deals and tickets it found.
    const objects =
      cursor?.phase === 'search' && ASSOCIATIONS[object].length ? await this.withCompanies(object, page.objects) : page.objects;
    let skipped = 0;
    if (object === 'companies') {
      if (!this.owners) await this.loadOwners();
      const owners = this.owners ?? new Map<string, string>();
      result.records.accounts = objects.map((c) => mapCompany(c, owners, this.mapping)) as Account[];
      for (const company of objects) {
        const cleared = clearedCompanyFields(company, this.mapping);
        if (cleared.length) result.cleared = { ...result.cleared, [glanceId.company(company.id)]: cleared };
      }
    } else if (object === 'contacts') {
      const contacts = objects.map(mapContact);
      result.records.contacts = contacts.filter((c) => c !== null);
      skipped = contacts.length - result.records.contacts.length;
    } else if (object === 'tickets') {
      const tickets = objects.map((t) => mapTicket(t, this.mapping));
      result.records.tickets = tickets.filter((t) => t !== null);
      skipped = tickets.length - result.records.tickets.length;
    } else {
      result.renewals = objects.map((d) => mapRenewalDeal(d, this.mapping)).filter((r) => r !== null);
    }
    if (skipped) result.skipped = skipped;
    return result;
  }

  /** POST /crm/v4/associations/{object}/companies/batch/read for objects found by search. */
  private async withCompanies(object: CrmObject, objects: HubSpotObject[]): Promise<HubSpotObject[]> {
    if (!objects.length) return objects;
    const answer = await this.client.read<{
      results?: Array<{
        from: { id: string };
        to: Array<{ toObjectId: number | string; associationTypes?: Array<{ label?: string | null }> }>;
      }>;
    }>(`/crm/v4/associations/${object}/companies/batch/read`, { inputs: objects.map((o) => ({ id: o.id })) });
    const byId = new Map<string, Array<{ id: string; type?: string }>>();
    for (const r of answer.results ?? []) {
      // The primary company first: that is the account the record belongs to.
      const sorted = [...r.to].sort((a, b) => Number(isPrimary(b)) - Number(isPrimary(a)));
      byId.set(
        String(r.from.id),
        sorted.map((t) => ({ id: String(t.toObjectId), type: isPrimary(t) ? 'primary' : 'unlabeled' })),
      );
    }
    return objects.map((o) => ({ ...o, associations: { ...o.associations, companies: { results: byId.get(o.id) ?? [] } } }));
  }

  async push(entry: OutboxEntry): Promise<PushResult> {
    if (entry.entity === 'activity') return this.pushNote(entry);
    let commitment;
    try {
      commitment = readCommitment(entry);
    } catch (error) {
      throw new ConnectorError((error as Error).message, 'permanent');
    }
    const known = commitment.crm && typeof commitment.crm === 'object' ? (commitment.crm as { hubspotId?: string }).hubspotId : undefined;
    const targets = await this.targets(entry, commitment);
    const existing =
      known ??
      (await this.findTask(commitment.id)) ??
      (await this.findOnCompany('tasks', targets.companyId, (t) => taskCarriesMarker(t, commitment.id, this.options.markerProperty)));
    const marker = this.options.markerProperty;
    if (existing) {
      const request = updateTaskRequest(entry, existing, marker);
      await this.client.patch(request.path, request.body);
      return { remoteId: existing };
    }
    // Cancelled or deleted before it ever reached HubSpot: a closed task would only be noise.
    if (needsNoTask(entry)) return { remoteId: '' };
    const request = createTaskRequest(entry, targets, marker);
    const created = await this.client.create<{ id?: string }>(request.path, request.body);
    if (!created?.id) throw new ConnectorError('HubSpot created the task but sent back no task id', 'transient');
    return { remoteId: created.id };
  }

  private async findTask(commitmentId: string): Promise<string | undefined> {
    const request = findTaskRequest(commitmentId, this.options.markerProperty);
    const answer = await this.client.read<SearchAnswer>(request.path, request.body, { search: true });
    return answer.results.find((t) => taskCarriesMarker(t.properties, commitmentId, this.options.markerProperty))?.id;
  }

  /**
   * A logged email becomes one note on the company and its contacts. It never changes afterwards, so
   * a note found by its marker (search, or the company's notes when search lags) is the delivery.
   */
  private async pushNote(entry: OutboxEntry): Promise<PushResult> {
    const activity = loggedEmailOf(entry, 'HubSpot');
    const companyId = hubspotIdOf(entry.accountId, 'company') ?? (await this.options.companyIdFor?.(entry.accountId));
    if (!companyId) throw new ConnectorError(`The account of logged email ${activity.id} is not linked to a HubSpot company.`, 'permanent');
    const request = findNoteRequest(activity.id);
    const found = await this.client.read<SearchAnswer>(request.path, request.body, { search: true });
    const existing =
      found.results.find((n) => noteCarriesMarker(n.properties, activity.id))?.id ??
      (await this.findOnCompany('notes', companyId, (n) => noteCarriesMarker(n, activity.id)));
    if (existing) return { remoteId: existing };
    const create = createNoteRequest(activity, companyId);
    const created = await this.client.create<{ id?: string }>(create.path, create.body);
    if (!created?.id) throw new ConnectorError('HubSpot created the note but sent back no note id', 'transient');
    return { remoteId: created.id };
  }

  /**
   * Search lags writes by seconds, so a task or note made by an attempt whose answer was lost can be
   * missing from search when the retry comes. The company's associations and a batch read are consistent.
   */
  private async findOnCompany(
    type: 'tasks' | 'notes',
    companyId: string | undefined,
    carriesMarker: (properties: Record<string, string | null | undefined>) => boolean,
  ): Promise<string | undefined> {
    if (!companyId) return undefined;
    const marker = this.options.markerProperty;
    const properties = type === 'notes' ? ['hs_note_body'] : ['hs_task_body', ...(marker ? [marker] : [])];
    let after: string | undefined;
    do {
      const page = await this.client.get<{ results: Array<{ toObjectId: number | string }>; paging?: { next?: { after?: string } } }>(
        `/crm/v4/objects/companies/${encodeURIComponent(companyId)}/associations/${type}`,
        { limit: 500, after },
      );
      const ids = page.results.map((r) => String(r.toObjectId));
      for (let i = 0; i < ids.length; i += 100) {
        const found = await this.client.read<SearchAnswer>(`/crm/v3/objects/${type}/batch/read`, {
          properties,
          inputs: ids.slice(i, i + 100).map((id) => ({ id })),
        });
        const hit = found.results.find((r) => carriesMarker(r.properties));
        if (hit) return hit.id;
      }
      after = page.paging?.next?.after;
    } while (after);
    return undefined;
  }

  private async targets(entry: OutboxEntry, commitment: Record<string, unknown>): Promise<TaskTargets> {
    const companyId = hubspotIdOf(entry.accountId, 'company') ?? (await this.options.companyIdFor?.(entry.accountId));
    const contactId = typeof commitment.contactId === 'string' ? (hubspotIdOf(commitment.contactId, 'contact') ?? undefined) : undefined;
    return { companyId, contactId };
  }
}

function ownerName(owner: HubSpotOwner): string | undefined {
  return [owner.firstName, owner.lastName].filter(Boolean).join(' ') || undefined;
}

function isPrimary(to: { associationTypes?: Array<{ label?: string | null }> }): boolean {
  return (to.associationTypes ?? []).some((t) => t.label === 'Primary');
}

export function createHubSpotConnector(options: HubSpotConnectorOptions): HubSpotConnector {
  return new HubSpotConnector(options);
}
