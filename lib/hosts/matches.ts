/** The host pages Glance reads: content-script matches and the sidebar's web-accessible grant. */
export const HOST_MATCHES = [
  'https://mail.google.com/*',
  'https://*.lightning.force.com/*',
  'https://*.my.salesforce.com/*',
  'https://*.salesforce.com/*',
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
];
