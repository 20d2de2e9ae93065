/**
 * An email logged in Glance ("Log this email") written to Salesforce as one completed Task with
 * TaskSubtype Email, on the account (WhatId) and the thread's contact (WhoId). A logged email never
 * changes afterwards, so a Task found by the external id or the marker is the delivery: every
 * attempt looks first and creates only when nothing carries the Glance id. The create is a POST
 * even with an external id field (set on the new Task): TaskSubtype can be set on create only, so
 * an upsert retried onto the Task it made would be refused, and a POST is never retried blindly.
 */
import type { OutboxEntry } from '../../store/db';
import { loggedEmailOf, type LoggedEmail } from '../logged-email';
import { ConnectorError, type PushResult } from '../types';
import { salesforceIdOf } from './map';
import { findByExternalId, findByMarker, send, type PushContext } from './push';
import { createTask, marker, type TaskFields } from './writeback';

export interface EmailTaskFields extends TaskFields {
  TaskSubtype: 'Email' | 'Task';
}

const SUBJECT_MAX = 255;

/** Task fields for a logged email: completed on the day of the thread's last message. */
export function emailTaskFields(activity: LoggedEmail): EmailTaskFields {
  const whatId = salesforceIdOf(activity.accountId);
  if (!whatId)
    throw new ConnectorError(
      `The account of logged email ${activity.id} is not linked to a Salesforce account; it stays in Glance only.`,
      'permanent',
    );
  const whoId = (activity.contactIds ?? []).map(salesforceIdOf).find((id) => id?.startsWith('003'));
  const subject = (activity.summary ?? 'Email logged in Glance').replace(/\s+/g, ' ').trim();
  return {
    Subject: subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject,
    Description: [activity.summary ?? '', activity.url ?? '', `Logged in Glance ${marker(activity.id)}`].filter(Boolean).join('\n\n'),
    ActivityDate: activity.date.slice(0, 10),
    Status: 'Completed',
    WhatId: whatId,
    ...(whoId ? { WhoId: whoId } : {}),
    TaskSubtype: activity.type === 'email' ? 'Email' : 'Task',
  };
}

export async function pushActivity(ctx: PushContext, entry: OutboxEntry): Promise<PushResult> {
  const activity = loggedEmailOf(entry, 'Salesforce');
  const fields = emailTaskFields(activity);
  const field = await ctx.externalIdField();
  const existing = field
    ? await findByExternalId(ctx.client, field, activity.id)
    : await findByMarker(ctx.client, fields.WhatId, activity.id);
  if (existing) return { remoteId: existing };
  const res = await send(ctx.client, createTask(field ? { ...fields, [field]: activity.id } : fields));
  const id = res.body?.id ?? (field ? await findByExternalId(ctx.client, field, activity.id) : null);
  if (!id)
    throw new ConnectorError(
      `Salesforce answered HTTP ${res.status} to the logged email's Task without its id; the next attempt finds it by its Glance id.`,
      'transient',
    );
  return { remoteId: id };
}
