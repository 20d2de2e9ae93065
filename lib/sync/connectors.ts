/**
 * Builds each CRM's connector from the credentials the background keeps. The connectors talk only to
 * the production endpoints: api.hubapi.com, the org's My Domain (sign-in and tokens) and the
 * instance_url of Salesforce's token answer. Nothing here can point them elsewhere.
 */
import { createHubSpotConnector } from '../connectors/hubspot';
import { hubSpotBudgets, type HubSpotBudgets } from '../connectors/hubspot/client';
import { createSalesforceConnector } from '../connectors/salesforce';
import { requestTokens, type FetchLike } from '../connectors/salesforce/client';
import { refreshTokenBody, type SalesforceTokens } from '../connectors/salesforce/oauth';
import type { Connector } from '../connectors/types';
import { toHubSpotMapping, toSalesforceMapping } from './mapping';
import type { MappingFields, SourceSecret } from './types';

export type ConnectorFactory = (
  secret: SourceSecret,
  mapping: MappingFields,
  /** Keeps refreshed tokens (in the background's IndexedDB). */
  saveSecret: (secret: SourceSecret) => Promise<void>,
) => Connector;

/** What the background does with the browser for connecting: permissions, the sign-in window, fetch. */
export interface SyncPlatform {
  fetch: FetchLike;
  /** Whether Glance may reach this origin pattern (optional host permission granted). */
  hasHostPermission: (pattern: string) => Promise<boolean>;
  /** `https://<extension-id>.chromiumapp.org/` in Chrome; Firefox has its own. */
  redirectUrl: () => string;
  /** Opens the CRM's sign-in and resolves with the address it redirected to. */
  launchWebAuthFlow: (url: string) => Promise<string>;
}

export const HUBSPOT_API = 'https://api.hubapi.com';
export const originPattern = (origin: string) => `${origin}/*`;

export function realConnectors(fetch: FetchLike): ConnectorFactory {
  // One private app, one budget: the token check, the sync and the outbox all draw on it (the last token's only).
  let hubspot: { token: string; budgets: HubSpotBudgets } | null = null;
  return (secret, mapping, saveSecret) => {
    if (secret.source === 'hubspot') {
      if (hubspot?.token !== secret.accessToken) hubspot = { token: secret.accessToken, budgets: hubSpotBudgets() };
      return createHubSpotConnector({
        accessToken: secret.accessToken,
        fetch,
        mapping: toHubSpotMapping(mapping),
        budgets: hubspot.budgets,
      });
    }
    let tokens: SalesforceTokens = secret.tokens;
    return createSalesforceConnector({
      fetch,
      mapping: toSalesforceMapping(mapping),
      tokens: () => tokens,
      refresh: async () => {
        const body = refreshTokenBody({ refreshToken: tokens.refreshToken ?? '', clientId: secret.clientId });
        tokens = await requestTokens(fetch, secret.myDomain, body, tokens);
        await saveSecret({ ...secret, tokens });
        return tokens;
      },
    });
  };
}
