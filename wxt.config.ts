import { defineConfig } from 'wxt';

import { bareUnlistedScripts } from './build/bare-unlisted-scripts';
import { classicSidebarEntry } from './build/classic-sidebar-entry';
import { messageReaderModules } from './build/message-reader-modules';
import { zodWithoutEvalProbe } from './build/zod-without-eval-probe';
import { FRAME_MATCHES, SCRIPT_MATCHES_BY_HOST } from './lib/hosts/matches';

/** Rendered from assets/icon.svg by scripts/render-icons.mjs. */
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

/**
 * The CRM APIs, asked for only when the user connects one (options page), and then only the one
 * origin: api.hubapi.com, or the org's own My Domain host.
 */
const CRM_API_ORIGINS = ['https://api.hubapi.com/*', 'https://*.my.salesforce.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [zodWithoutEvalProbe(), bareUnlistedScripts(), messageReaderModules(), classicSidebarEntry()],
    // The options page reads import files in a worker (lib/import/file-session.worker.ts), bundled apart: zod comes with it.
    worker: { plugins: () => [zodWithoutEvalProbe()] },
  }),
  manifest: ({ manifestVersion }) => ({
    name: 'Glance',
    description: 'The customer account beside every email and CRM record: health, risks, promises and people.',
    // Least privilege: no tabs/history/mail-read permissions; host access only through content-script matches.
    // identity: Salesforce sign-in (launchWebAuthFlow); alarms also run the CRM sync every 15 minutes.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms', 'notifications', 'identity'],
    // Firefox MV2 has no optional_host_permissions: its optional host patterns go in optional_permissions.
    ...(manifestVersion === 3 ? { optional_host_permissions: CRM_API_ORIGINS } : { optional_permissions: CRM_API_ORIGINS }),
    // Chrome serves sidebar.html from a per-session address only our content script learns (use_dynamic_url),
    // so a page cannot frame it; the background still answers only sidebars registered through it.
    // The mail hosts' message readers (code only, no data) are modules their own content script imports
    // when the sidebar asks what the thread says: web-accessible to that host's pages alone (docs/security.md).
    web_accessible_resources: [
      { resources: ['sidebar.html'], matches: FRAME_MATCHES, use_dynamic_url: true },
      { resources: ['gmail-messages.js'], matches: SCRIPT_MATCHES_BY_HOST.gmail, use_dynamic_url: true },
      { resources: ['outlook-messages.js'], matches: SCRIPT_MATCHES_BY_HOST.outlook, use_dynamic_url: true },
    ],
    // Keys both Chromium and Firefox assign (Chromium leaves some Alt+Shift keys, such as P, unassigned);
    // tests/e2e/shortcuts.e2e.ts checks them, docs/store-readiness.md says why these.
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Show or hide the Glance sidebar',
      },
      'log-promise': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Log the selected text as a promise',
      },
      'open-book': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Open my book of accounts',
      },
    },
    // One small script per host, with only that host's reader (entrypoints/<host>-page.ts, built as
    // plain scripts without WXT's content-script runtime or the API polyfill): a few kB on every load.
    content_scripts: Object.entries(SCRIPT_MATCHES_BY_HOST).map(([host, matches]) => ({
      matches,
      js: [`${host}-page.js`],
      run_at: 'document_idle' as const,
      all_frames: false,
    })),
    icons: ICONS,
    // Chrome reads `action`, Firefox MV2 `browser_action`; WXT keeps only the one the target uses.
    action: { default_icon: ICONS },
    browser_action: { default_icon: ICONS },
    browser_specific_settings: {
      // Glance sends nothing anywhere: the book stays in the browser's IndexedDB (docs/store-readiness.md).
      gecko: { id: 'glance@glance.app', data_collection_permissions: { required: ['none'] } },
    },
  }),
});
