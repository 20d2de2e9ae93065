/**
 * Carries one outbox entry to Salesforce exactly once, using the requests writeback.ts builds.
 * Every attempt, first or retry, finds the Task before writing, so a retry after a lost answer
 * updates the Task the first attempt created instead of creating a second one.
 */
import type { OutboxEntry } from '../../store/db';
import { pushActivity } from './activity-push';
import { ConnectorError, type PushResult } from '../types';
import type { SalesforceClient } from './client';
import {
  commitmentOf,
  createTask,
  findByExternalIdSoql,
  glanceExternalIdField,
  hasMarker,
  type Request,
  taskFields,
  tasksOfAccountSoql,
  updateTask,
  upsertByExternalId,
} from './writeback';

export interface PushContext {
  client: SalesforceClient;
  /** The org's external id field on Task for Glance: a name, null for none, undefined to look it up (once). */
  externalIdField: () => Promise<string | null>;
}

/** Reads the Task describe once per connector: the org's Glance external id field or null. */
export function externalIdFieldFinder(client: SalesforceClient, configured?: string | null): () => Promise<string | null> {
  let found: Promise<string | null> | undefined = configured === undefined ? undefined : Promise.resolve(configured);
  return () => (found ??= client.request('GET', '/sobjects/Task/describe').then((res) => glanceExternalIdField(res.body)));
}

export async function send(client: SalesforceClient, req: Request) {
  return client.request<{ id?: string } | undefined>(req.method, req.path, req.body);
}

export async function findByMarker(client: SalesforceClient, whatId: string, glanceId: string): Promise<string | null> {
  let page = await client.query<{ Id: string; Description?: string | null }>(tasksOfAccountSoql(whatId));
  for (;;) {
    const hit = page.records.find((t) => hasMarker(t.Description, glanceId));
    if (hit) return hit.Id;
    if (page.done || !page.nextRecordsUrl) return null;
    page = await client.queryMore(page.nextRecordsUrl);
  }
}

export async function findByExternalId(client: SalesforceClient, field: string, glanceId: string): Promise<string | null> {
  const page = await client.query<{ Id: string }>(findByExternalIdSoql(field, glanceId));
  return page.records[0]?.Id ?? null;
}

async function remove(client: SalesforceClient, taskId: string | null): Promise<PushResult> {
  if (!taskId) return { remoteId: '' };
  try {
    await client.request('DELETE', `/sobjects/Task/${taskId}`);
  } catch (e) {
    // Already gone (ENTITY_IS_DELETED / NOT_FOUND): the delete has happened.
    if (!(e instanceof ConnectorError && e.status === 404)) throw e;
  }
  return { remoteId: taskId };
}

export async function pushEntry(ctx: PushContext, entry: OutboxEntry): Promise<PushResult> {
  if (entry.entity === 'activity') return pushActivity(ctx, entry);
  const commitment = commitmentOf(entry);
  const fields = taskFields(commitment);
  const field = await ctx.externalIdField();

  if (field) {
    if (entry.op === 'delete') return remove(ctx.client, await findByExternalId(ctx.client, field, commitment.id));
    const res = await send(ctx.client, upsertByExternalId(field, commitment.id, fields));
    const id = res.body?.id ?? (await findByExternalId(ctx.client, field, commitment.id));
    if (!id)
      throw new ConnectorError(
        `Salesforce accepted the task for commitment ${commitment.id} but Glance cannot find it by ${field}.`,
        'transient',
      );
    return { remoteId: id };
  }

  const existing = await findByMarker(ctx.client, fields.WhatId, commitment.id);
  if (entry.op === 'delete') return remove(ctx.client, existing);
  if (existing) {
    await send(ctx.client, updateTask(existing, fields));
    return { remoteId: existing };
  }
  const created = await send(ctx.client, createTask(fields));
  if (!created.body?.id)
    throw new ConnectorError(
      `Salesforce answered HTTP ${created.status} to the new task without its id; the next attempt finds it by its marker.`,
      'transient',
    );
  return { remoteId: created.body.id };
}
