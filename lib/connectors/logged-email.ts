/** The email logged in an outbox entry ("Log this email"), as each connector writes it back. */
import { activitySchema, type Activity } from '../model/bundle';
import type { OutboxEntry } from '../store/db';
import { ConnectorError } from './types';

export type LoggedEmail = Activity & { url?: string };

/** The activity in the entry, checked: a malformed record is reported as permanent, never half-written. */
export function loggedEmailOf(entry: OutboxEntry, crm: 'HubSpot' | 'Salesforce'): LoggedEmail {
  const parsed = activitySchema.safeParse({ ...(entry.record as object), id: entry.entityId, accountId: entry.accountId });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConnectorError(
      `Logged email ${entry.entityId} cannot be written to ${crm}: ${issue.path.join('.') || 'record'} ${issue.message}.`,
      'permanent',
    );
  }
  return parsed.data as LoggedEmail;
}
