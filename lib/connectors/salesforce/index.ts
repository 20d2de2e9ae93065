/**
 * The Salesforce connector: what the sync engine calls. It holds no secrets of its own; the
 * background hands it the current tokens and a refresh function, and keeps them to itself.
 */
import type { Connector, VerifiedConnection } from '../types';
import { SalesforceClient, type FetchLike } from './client';
import { DEFAULT_FIELD_MAPPING, glanceId, salesforceIdOf, type SalesforceFieldMapping } from './map';
import type { SalesforceTokens } from './oauth';
import { pullObject } from './pull';
import { externalIdFieldFinder, pushEntry } from './push';

export interface SalesforceConnectorOptions {
  fetch: FetchLike;
  tokens: () => SalesforceTokens;
  refresh: () => Promise<SalesforceTokens>;
  mapping?: SalesforceFieldMapping;
  /** Task's external id field for Glance; leave undefined to find it in the Task describe, null for none. */
  externalIdField?: string | null;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

interface UserInfo {
  user_id?: string;
  organization_id?: string;
  email?: string;
  name?: string;
}

export function createSalesforceConnector(opts: SalesforceConnectorOptions): Connector {
  const client = new SalesforceClient({ fetch: opts.fetch, tokens: opts.tokens, refresh: opts.refresh, sleep: opts.sleep });
  const users = new Map<string, string>();
  const mapping = opts.mapping ?? DEFAULT_FIELD_MAPPING;
  const externalIdField = externalIdFieldFinder(client, opts.externalIdField);

  return {
    source: 'salesforce',

    async verify(): Promise<VerifiedConnection> {
      const { body: me } = await client.request<UserInfo>('GET', '/services/oauth2/userinfo');
      const org = await client.query<{ Name?: string }>('SELECT Name FROM Organization LIMIT 1');
      const host = new URL(opts.tokens().instanceUrl).hostname;
      const name = org.records[0]?.Name;
      return {
        label: name ? `${name} (${host})` : host,
        ...(me?.user_id ? { userId: me.user_id } : {}),
        ...(me?.email ? { userEmail: me.email.toLowerCase() } : {}),
        accountUrlPrefix: `${opts.tokens().instanceUrl}/`,
      };
    },

    crmAccountId: (glance) => salesforceIdOf(glance),
    glanceAccountId: (crmId) => glanceId(crmId) ?? `salesforce:${crmId}`,

    pull: (object, cursor) => pullObject({ client, mapping, users, now: opts.now ?? (() => new Date()) }, object, cursor),

    push: (entry) => pushEntry({ client, externalIdField }, entry),
  };
}
