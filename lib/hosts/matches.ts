/**
 * The host pages Glance reads: content-script matches and the sidebar's web-accessible grant. Only
 * the hosts a reader in lib/hosts understands: Lightning and My Domain, not every salesforce.com
 * property (help, trailhead, www and appexchange are not CRM records).
 */
import type { HostName } from './types';

export const MATCHES_BY_HOST: Record<HostName, string[]> = {
  gmail: ['https://mail.google.com/*'],
  // Only the mail app of Outlook on the web (its calendar, people and settings pages are no thread).
  outlook: ['https://outlook.office.com/mail/*', 'https://outlook.office365.com/mail/*', 'https://outlook.live.com/mail/*'],
  salesforce: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  hubspot: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
};

export const HOST_MATCHES = Object.values(MATCHES_BY_HOST).flat();

/**
 * The sidebar's web-accessible grant: Chrome takes only whole origins there (a pattern's path must
 * be /*, or the extension does not load), so Outlook's /mail/* becomes its origin. The content script,
 * which mounts the sidebar, still runs only on the paths above.
 */
export const FRAME_MATCHES = [...new Set(HOST_MATCHES.map((pattern) => pattern.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*')))];
