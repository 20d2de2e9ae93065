/**
 * The host pages Glance reads: content-script matches and the sidebar's web-accessible grant. Only
 * the hosts a reader in lib/hosts understands: Lightning and My Domain, not every salesforce.com
 * property (help, trailhead, www and appexchange are not CRM records).
 */
export const HOST_MATCHES = [
  'https://mail.google.com/*',
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
];
