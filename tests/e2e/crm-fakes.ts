/**
 * The fake HubSpot and Salesforce APIs for end-to-end tests: both started on 127.0.0.1 over HTTPS,
 * and Chromium launched with their real host names mapped to them (tests/fakes/README.md).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHubSpotFake } from '../fakes/hubspot.mjs';
import { startSalesforceFake } from '../fakes/salesforce.mjs';
import { EXTENSION_DIR, launchGlance } from './harness.mjs';

export const HUBSPOT_HOST = 'api.hubapi.com';
/** The org's My Domain the Salesforce fake answers as (and its instance_url). */
export const SALESFORCE_HOST = 'acme-dev.my.salesforce.com';
export const CRM_HOST_PATTERNS = ['https://api.hubapi.com/*', 'https://*.my.salesforce.com/*'];

export type HubSpotFake = Awaited<ReturnType<typeof startHubSpotFake>>;
export type SalesforceFake = Awaited<ReturnType<typeof startSalesforceFake>>;

export async function startCrmFakes(
  options: {
    hubspot?: Parameters<typeof startHubSpotFake>[0];
    salesforce?: Parameters<typeof startSalesforceFake>[0];
  } = {},
) {
  const hubspot = await startHubSpotFake(options.hubspot);
  const salesforce = await startSalesforceFake({ myDomain: SALESFORCE_HOST, ...options.salesforce });
  return {
    hubspot,
    salesforce,
    /** For launchGlance: the real hosts resolve to the fakes. */
    hostMap: { [HUBSPOT_HOST]: hubspot.port, [salesforce.myDomain]: salesforce.port },
    async close() {
      await Promise.all([hubspot.close(), salesforce.close()]);
    },
  };
}

/**
 * The built extension as it is when its manifest already asks for `identity` and the optional CRM
 * hosts (the Connections work adds them); before that, a copy whose manifest adds just those, so the
 * browser plumbing can be proved on its own. The copy has another extension id; remove it after.
 */
export function extensionWithCrmPermissions(): { dir: string; remove: () => void } {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    permissions?: string[];
    optional_host_permissions?: string[];
  };
  const optional = manifest.optional_host_permissions ?? [];
  if ((manifest.permissions ?? []).includes('identity') && CRM_HOST_PATTERNS.every((p) => optional.includes(p)))
    return { dir: EXTENSION_DIR, remove: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'glance-crm-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  manifest.permissions = [...new Set([...(manifest.permissions ?? []), 'identity'])];
  manifest.optional_host_permissions = [...new Set([...optional, ...CRM_HOST_PATTERNS])];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Glance in Chromium with api.hubapi.com and the org's My Domain answered by the fakes. */
export async function launchWithCrmFakes(fakes: { hostMap: Record<string, number> }, options: Parameters<typeof launchGlance>[0] = {}) {
  return launchGlance({ ...options, hostMap: { ...fakes.hostMap, ...options.hostMap } });
}
