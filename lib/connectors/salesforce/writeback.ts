/**
 * Pure: an outbox entry for a commitment → the Salesforce requests that carry it, as a Task, exactly
 * once. With an external id field on Task for Glance (e.g. Glance_Id__c) the write is an upsert on
 * it, which Salesforce makes idempotent. Without one, the Task's Description carries a marker with
 * the Glance id, and the task is looked up by it before every write; Description cannot be filtered
 * in SOQL (Task describe: filterable false), so the lookup reads the account's tasks and checks
 * the marker here.
 */
import { commitmentSchema, type Commitment } from '../../model/bundle';
import type { OutboxEntry } from '../../store/db';
import { ConnectorError } from '../types';
import { salesforceIdOf } from './map';

export interface TaskFields {
  Subject: string;
  Description: string;
  ActivityDate?: string;
  Status: string;
  WhatId: string;
  WhoId?: string;
}

const SUBJECT_MAX = 255;
const STATUS: Record<Commitment['status'], string> = { open: 'Not Started', done: 'Completed', cancelled: 'Deferred' };

export function marker(glanceId: string): string {
  return `[glance:${glanceId}]`;
}

export function hasMarker(description: unknown, glanceId: string): boolean {
  return typeof description === 'string' && description.includes(marker(glanceId));
}

/** The commitment in the entry, checked: a malformed record is reported, never half-written. */
export function commitmentOf(entry: OutboxEntry): Commitment {
  if (entry.entity !== 'commitment') {
    throw new ConnectorError(`Salesforce write-back carries commitments only, not ${entry.entity} changes.`, 'permanent');
  }
  const parsed = commitmentSchema.safeParse(entry.record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConnectorError(
      `Commitment ${entry.entityId} cannot be written to Salesforce: ${issue.path.join('.') || 'record'} ${issue.message}.`,
      'permanent',
    );
  }
  return parsed.data;
}

/** Task fields for a commitment; the account must be one that came from Salesforce. */
export function taskFields(c: Commitment): TaskFields {
  const whatId = salesforceIdOf(c.accountId);
  if (!whatId) {
    throw new ConnectorError(
      `Commitment "${c.text.slice(0, 60)}" belongs to an account that is not linked to a Salesforce account; it stays in Glance only.`,
      'permanent',
    );
  }
  const whoRaw = (c as Record<string, unknown>).contactId;
  const whoId = typeof whoRaw === 'string' ? salesforceIdOf(whoRaw) : null;
  const who = [c.promisedBy && `Promised by ${c.promisedBy}`, c.promisedTo && `to ${c.promisedTo}`].filter(Boolean).join(' ');
  const subject = c.text.replace(/\s+/g, ' ').trim();
  return {
    Subject: subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject,
    Description: [c.text, who, c.source?.url ?? '', `Logged in Glance ${marker(c.id)}`].filter(Boolean).join('\n\n'),
    ...(c.dueDate ? { ActivityDate: c.dueDate.slice(0, 10) } : {}),
    Status: STATUS[c.status],
    WhatId: whatId,
    ...(whoId && whoId.startsWith('003') ? { WhoId: whoId } : {}),
  };
}

export interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
}

/** Upsert by the Glance external id field: creates (201) or updates (200/204) the one Task with that id. */
export function upsertByExternalId(field: string, glanceId: string, fields: TaskFields): Request {
  return { method: 'PATCH', path: `/sobjects/Task/${field}/${encodeURIComponent(glanceId)}`, body: fields };
}

export function findByExternalIdSoql(field: string, glanceId: string): string {
  return `SELECT Id FROM Task WHERE ${field} = '${glanceId.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}' LIMIT 2`;
}

/** The account's tasks with their Description, to find the one whose marker names the commitment. */
export function tasksOfAccountSoql(whatId: string): string {
  return `SELECT Id, Description FROM Task WHERE WhatId = '${whatId}' ORDER BY CreatedDate DESC`;
}

export function createTask(fields: TaskFields): Request {
  return { method: 'POST', path: '/sobjects/Task/', body: fields };
}

export function updateTask(taskId: string, fields: TaskFields): Request {
  return { method: 'PATCH', path: `/sobjects/Task/${taskId}`, body: fields };
}

/**
 * The org's external id field for Glance on Task, from a Task describe: a custom external-id
 * field whose name mentions Glance. Null when the org has none (the marker path is used).
 */
export function glanceExternalIdField(describe: unknown): string | null {
  const fields = (describe as { fields?: { name?: string; externalId?: boolean; custom?: boolean }[] } | null)?.fields ?? [];
  const field = fields.find((f) => f.externalId && f.custom && typeof f.name === 'string' && /glance/i.test(f.name));
  return field?.name ?? null;
}
