/**
 * Connecting and disconnecting a CRM, in the background. The options page asked the browser for the
 * host permission in the user's click; here Glance checks it was granted and says which one is
 * missing otherwise. Credentials go to the background's IndexedDB only; answers carry none.
 */
import { requestTokens } from '../connectors/salesforce/client';
import { authorizationCodeBody, authorizeUrl, createPkce, createState, parseMyDomain, parseRedirect } from '../connectors/salesforce/oauth';
import { ConnectorError, type VerifiedConnection } from '../connectors/types';
import { changeEvent } from '../messages/server';
import type { GlanceDB } from '../store/db';
import { forgetConnection, readSecret, readSource, updateSource, writeSecret } from '../store/sync-state';
import { HUBSPOT_API, originPattern, type SyncPlatform } from './connectors';
import type { SyncEngine } from './engine';
import { newRun } from './engine';
import { mappingFieldsOf } from './mapping';
import type { SourceId, SourceSecret } from './types';
import type { ChangeEvent } from '../messages/protocol';

export type ConnectInput = { source: 'hubspot'; accessToken: string } | { source: 'salesforce'; myDomain: string; consumerKey: string };

export interface ConnectDeps {
  db: GlanceDB;
  now: () => Date;
  engine: SyncEngine;
  platform: SyncPlatform;
  broadcast: (event: ChangeEvent) => void;
}

async function requirePermission(platform: SyncPlatform, origin: string, what: string) {
  if (!(await platform.hasHostPermission(originPattern(origin))))
    throw new Error(
      `Glance may not reach ${origin} yet: allow it when the browser asks (or grant "${originPattern(origin)}" in the extension's site access), then connect ${what} again.`,
    );
}

async function salesforceSecret(platform: SyncPlatform, input: Extract<ConnectInput, { source: 'salesforce' }>): Promise<SourceSecret> {
  const domain = parseMyDomain(input.myDomain);
  if (!domain.ok) throw new Error(domain.message);
  const clientId = input.consumerKey.trim();
  if (!clientId) throw new Error("Enter the consumer key of your org's External Client App (Setup → External Client App Manager).");
  await requirePermission(platform, `https://${domain.host}`, 'Salesforce');
  const pkce = await createPkce();
  const state = createState();
  const redirectUri = platform.redirectUrl();
  const url = authorizeUrl({ myDomain: domain.host, clientId, redirectUri, codeChallenge: pkce.challenge, state });
  let redirect: string;
  try {
    redirect = await platform.launchWebAuthFlow(url);
  } catch (error) {
    throw new Error(
      `Salesforce sign-in did not finish (${error instanceof Error ? error.message : String(error)}); nothing was connected.`,
      { cause: error },
    );
  }
  const code = parseRedirect(redirect, state, redirectUri);
  const tokens = await requestTokens(
    platform.fetch,
    domain.host,
    authorizationCodeBody({ code, codeVerifier: pkce.verifier, clientId, redirectUri }),
  );
  const instance = new URL(tokens.instanceUrl);
  if (instance.protocol !== 'https:')
    throw new Error(`Salesforce named an instance that is not https (${instance.origin}); nothing was connected.`);
  await requirePermission(platform, instance.origin, 'Salesforce');
  return { source: 'salesforce', tokens, clientId, myDomain: domain.host };
}

export async function connectSource(deps: ConnectDeps, input: ConnectInput): Promise<void> {
  const { db, engine, platform } = deps;
  let secret: SourceSecret;
  if (input.source === 'hubspot') {
    const accessToken = input.accessToken.trim();
    if (!accessToken) throw new Error('Paste the access token of your HubSpot private app (it starts with pat-).');
    if (/\s/.test(accessToken)) throw new Error('The HubSpot access token has spaces in it: paste the token alone, as HubSpot shows it.');
    await requirePermission(platform, HUBSPOT_API, 'HubSpot');
    secret = { source: 'hubspot', accessToken };
  } else {
    // Reconnecting: what was entered before is kept (the My Domain, the consumer key).
    const stored = await readSecret(db, 'salesforce');
    const before = await readSource(db, 'salesforce');
    secret = await salesforceSecret(platform, {
      source: 'salesforce',
      myDomain: input.myDomain.trim() || before.myDomain || '',
      consumerKey: input.consumerKey.trim() || (stored?.source === 'salesforce' ? stored.clientId : ''),
    });
  }
  // Verified before anything is kept: a wrong token leaves the previous connection as it was.
  let verified: VerifiedConnection;
  try {
    const mapping = mappingFieldsOf(input.source, undefined);
    verified = await deps.engine.connectorForSecret(secret, mapping).verify();
  } catch (error) {
    throw new Error(error instanceof ConnectorError || error instanceof Error ? error.message : String(error), { cause: error });
  }
  const other = await readSource(db, input.source === 'hubspot' ? 'salesforce' : 'hubspot');
  await writeSecret(db, secret);
  engine.forget(input.source);
  await updateSource(db, input.source, (r) => {
    const sameAccount = r.label === verified.label;
    const ownerEmail = r.ownerEmail ?? verified.userEmail ?? (input.source === 'hubspot' ? other.userEmail : undefined);
    return {
      ...r,
      connected: true,
      state: 'syncing',
      error: undefined,
      notice: undefined,
      label: verified.label,
      userEmail: verified.userEmail,
      accountUrlPrefix: verified.accountUrlPrefix,
      ownerEmail,
      myDomain: secret.source === 'salesforce' ? secret.myDomain : undefined,
      connectedAt: deps.now().toISOString(),
      // Reconnecting the same portal or org carries on from its cursors; another one starts afresh.
      cursors: sameAccount ? r.cursors : {},
      run: sameAccount && r.run ? r.run : newRun(deps.now(), !sameAccount || !Object.keys(r.cursors).length),
    };
  });
  deps.broadcast(changeEvent(['sync']));
  void engine.syncSource(input.source).catch(() => undefined);
}

export async function disconnectSource(deps: Pick<ConnectDeps, 'db' | 'engine' | 'broadcast'>, source: SourceId): Promise<void> {
  await forgetConnection(deps.db, source);
  deps.engine.forget(source);
  deps.broadcast(changeEvent(['sync']));
}

export async function hasSecret(db: GlanceDB, source: SourceId): Promise<boolean> {
  return (await readSecret(db, source)) !== null;
}
