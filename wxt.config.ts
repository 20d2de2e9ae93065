import { defineConfig } from 'wxt';

import { HOST_MATCHES } from './lib/hosts/matches';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Glance',
    description: 'The customer account beside every email and CRM record: health, risks, promises and people.',
    // Least privilege: no tabs/history/mail-read permissions; host access only through content-script matches.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms', 'notifications'],
    // Chrome serves sidebar.html from a per-session address only our content script learns (use_dynamic_url),
    // so a page cannot frame it; the background still answers only sidebars registered through it.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: HOST_MATCHES, use_dynamic_url: true }],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Show or hide the Glance sidebar',
      },
      'log-promise': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Log the selected text as a promise',
      },
    },
    browser_specific_settings: { gecko: { id: 'glance@glance.app' } },
  },
});
