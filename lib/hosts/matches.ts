/**
 * The host pages Glance reads: content-script matches and the sidebar's web-accessible grant. Only
 * the hosts a reader in lib/hosts understands: Lightning and My Domain, not every salesforce.com
 * property (help, trailhead, www and appexchange are not CRM records).
 */
import type { HostName } from './types';

export const MATCHES_BY_HOST: Record<HostName, string[]> = {
  gmail: ['https://mail.google.com/*'],
  salesforce: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  hubspot: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
};

export const HOST_MATCHES = Object.values(MATCHES_BY_HOST).flat();
