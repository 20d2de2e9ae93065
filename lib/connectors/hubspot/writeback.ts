/**
 * Commitments written to HubSpot as tasks. Pure: an outbox entry in, the HTTP request out.
 * Exactly once: every task carries a marker made from the commitment id (a token the search API can
 * match, plus the full id in a footer line), and a push searches for it before it creates anything,
 * so a retry after a lost answer updates the task it already made instead of making a second one.
 */
import type { Commitment } from '../../model/bundle';
import type { OutboxEntry } from '../../store/db';

/** HubSpot-defined association types (v4 table): task -> company and task -> contact. */
export const TASK_TO_COMPANY = 192;
export const TASK_TO_CONTACT = 204;

export interface TaskRequest {
  method: 'POST' | 'PATCH';
  path: string;
  body: { properties: Record<string, string>; associations?: TaskAssociation[] };
}

interface TaskAssociation {
  to: { id: string };
  types: Array<{ associationCategory: 'HUBSPOT_DEFINED'; associationTypeId: number }>;
}

export interface TaskTargets {
  companyId?: string;
  contactId?: string;
}

/** 64-bit FNV-1a, hex: a stable, searchable word for any commitment id (ids may hold ':' or '-'). */
function fnv1a64(input: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(input)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

export function taskMarker(commitmentId: string): { token: string; footer: string } {
  return { token: `glance${fnv1a64(commitmentId)}`, footer: `Glance commitment ${commitmentId}` };
}

/**
 * Where the marker lives. By default in the body footer, which needs no setup; a portal admin can
 * instead create a single-line text task property (say `glance_commitment_id`) and name it here,
 * which HubSpot's search matches exactly.
 */
export type MarkerProperty = string | undefined;

/** Does this task carry this commitment's marker (and not merely a colliding token)? */
export function taskCarriesMarker(
  properties: Record<string, string | null | undefined>,
  commitmentId: string,
  markerProperty?: MarkerProperty,
): boolean {
  if (markerProperty) return properties[markerProperty] === commitmentId;
  const body = properties.hs_task_body;
  const { token, footer } = taskMarker(commitmentId);
  return !!body && body.includes(token) && body.includes(footer);
}

/** POST /crm/v3/objects/tasks/search: tasks that carry the marker. */
export function findTaskRequest(commitmentId: string, markerProperty?: MarkerProperty): { path: string; body: unknown } {
  const filter = markerProperty
    ? { propertyName: markerProperty, operator: 'EQ', value: commitmentId }
    : { propertyName: 'hs_task_body', operator: 'CONTAINS_TOKEN', value: taskMarker(commitmentId).token };
  return {
    path: '/crm/v3/objects/tasks/search',
    body: {
      filterGroups: [{ filters: [filter] }],
      properties: ['hs_task_body', 'hs_task_status', 'hs_task_subject', ...(markerProperty ? [markerProperty] : [])],
      limit: 10,
    },
  };
}

export function readCommitment(entry: OutboxEntry): Commitment {
  if (entry.entity !== 'commitment') throw new Error(`HubSpot write-back takes commitments, not ${entry.entity} records`);
  const record = entry.record as Partial<Commitment> | null;
  if (!record || typeof record.text !== 'string' || !record.text.trim())
    throw new Error(`Outbox entry for commitment ${entry.entityId} has no commitment text to write`);
  return { ...record, id: entry.entityId, accountId: entry.accountId } as Commitment;
}

/** Date-only due dates are midnight UTC (the playbook's rule); HubSpot wants a full timestamp. */
function dueTimestamp(commitment: Commitment, fallback: string): string {
  const due = commitment.dueDate ?? fallback;
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? `${due}T00:00:00Z` : due;
}

function subject(commitment: Commitment): string {
  const prefix = commitment.kind === 'sales-promise' ? 'Promise' : 'Commitment';
  const oneLine = commitment.text.replace(/\s+/g, ' ').trim();
  return `${prefix}: ${oneLine.length > 120 ? `${oneLine.slice(0, 119)}…` : oneLine}`;
}

function body(commitment: Commitment, cancelled: boolean): string {
  const { token, footer } = taskMarker(commitment.id);
  const lines = [commitment.text.trim()];
  if (commitment.promisedTo) lines.push(`Promised to: ${commitment.promisedTo}`);
  if (commitment.owner === 'customer') lines.push('Owed by the customer.');
  if (cancelled) lines.push('Cancelled in Glance.');
  lines.push('', `${footer} [${token}]`);
  return lines.join('\n');
}

/** Done and cancelled both close the task: HubSpot has no cancelled status, the body says which. */
function taskStatus(commitment: Commitment, deleted: boolean): 'NOT_STARTED' | 'COMPLETED' {
  return deleted || commitment.status !== 'open' ? 'COMPLETED' : 'NOT_STARTED';
}

function properties(entry: OutboxEntry, commitment: Commitment, markerProperty?: MarkerProperty): Record<string, string> {
  const cancelled = entry.op === 'delete' || commitment.status === 'cancelled';
  return {
    ...(markerProperty ? { [markerProperty]: commitment.id } : {}),
    hs_task_subject: subject(commitment),
    hs_task_body: body(commitment, cancelled),
    hs_timestamp: dueTimestamp(commitment, entry.createdAt),
    hs_task_status: taskStatus(commitment, entry.op === 'delete'),
    hs_task_type: 'TODO',
  };
}

/** Nothing to write: the commitment was cancelled or deleted before it ever reached HubSpot. */
export function needsNoTask(entry: OutboxEntry): boolean {
  return entry.op === 'delete' || readCommitment(entry).status === 'cancelled';
}

export function createTaskRequest(entry: OutboxEntry, targets: TaskTargets, markerProperty?: MarkerProperty): TaskRequest {
  const commitment = readCommitment(entry);
  const associations: TaskAssociation[] = [];
  if (targets.companyId)
    associations.push({
      to: { id: targets.companyId },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_COMPANY }],
    });
  if (targets.contactId)
    associations.push({
      to: { id: targets.contactId },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_CONTACT }],
    });
  return {
    method: 'POST',
    path: '/crm/v3/objects/tasks',
    body: { properties: properties(entry, commitment, markerProperty), ...(associations.length ? { associations } : {}) },
  };
}

/** A later change (edited, done, cancelled, deleted) to the task that already exists. */
export function updateTaskRequest(entry: OutboxEntry, taskId: string, markerProperty?: MarkerProperty): TaskRequest {
  const commitment = readCommitment(entry);
  return {
    method: 'PATCH',
    path: `/crm/v3/objects/tasks/${encodeURIComponent(taskId)}`,
    body: { properties: properties(entry, commitment, markerProperty) },
  };
}
