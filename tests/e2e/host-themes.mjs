/**
 * The hosts' dark themes, laid over the fixture pages as each app paints its own: Gmail's dark
 * theme, Salesforce Lightning's dark mode, HubSpot's dark mode. Glance reads a host's theme from the
 * colour painted behind its content (lib/hosts/theme.ts), so these set that colour and the panels on it.
 */
import { fixture } from './harness.mjs';

/** @type {Record<'gmail' | 'salesforce' | 'hubspot', string>} */
export const DARK_THEMES = {
  gmail: [
    'body{background:#1f1f1f;color:#e3e3e3}input{background:#2d2e30;color:#e3e3e3;border:1px solid #5f6368}',
    '.bkK{background:#0f0f0f}.aeN a,.gD,.Pp0{color:#e3e3e3}.go,.Pp1,.g3,.Dt1,.hb,.Rc8,.gmail_quote,.y2{color:#a8abb0}',
    '.adn,.Lk2,.Zm4,tr.zA{border-color:#3c4043}',
  ].join(''),
  salesforce: [
    'body{background:#1a1b1e;color:#e5e5e5}',
    '.slds-context-bar,flexipage-tabset2,.slds-card,table.slds-table{background:#242528;color:#e5e5e5}.slds-context-bar a{color:#e5e5e5}',
    '.slds-page-header{background:#2e2f33}.slds-text-title,.test-id__field-label{color:#aeaeae}',
    'records-record-layout-item,table.slds-table td,table.slds-table th{border-color:#3e3e3c}',
  ].join(''),
  hubspot: [
    'body{background:#1b2531;color:#e0e6ec}',
    '.private-layout,.private-table{background:#253342;border-color:#3d5166;color:#e0e6ec}',
    '.private-form__label,.private-microcopy{color:#a8bccf}.private-tag{background:#33475b}',
  ].join(''),
};

/** A fixture page with a host's dark theme in its head, as the app sends it when the user picked dark. */
/**
 * @param {string} fixturePath
 * @param {keyof typeof DARK_THEMES} host
 */
export function darkFixture(fixturePath, host) {
  return fixture(fixturePath).replace('</head>', `<style id="host-dark-theme">${DARK_THEMES[host]}</style></head>`);
}

/** Serves a fixture page in the host's dark theme for every URL of the host. */
/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} urlPattern
 * @param {string} fixturePath
 * @param {keyof typeof DARK_THEMES} host
 */
export async function serveDarkHost(context, urlPattern, fixturePath, host) {
  await context.route(urlPattern, (route) => {
    if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: darkFixture(fixturePath, host) });
  });
}
