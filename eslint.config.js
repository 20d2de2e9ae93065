// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/*
 * Import boundaries. ESLint does not merge a rule's options across config blocks (the last block
 * that matches a file wins), so each group of folders below gets its complete list of restrictions.
 */

/** IndexedDB goes through lib/store only, so schema versions and migrations stay in one place. */
const dexie = { name: 'dexie', message: 'Only lib/store talks to IndexedDB; call it through lib/store or the message API.' };

/** zod is configured once (jitless: no Function() probe in the Firefox build) and imported from there. */
const zod = { name: 'zod', allowTypeImports: true, message: "Import { z } from lib/schema/zod, which sets zod's jitless mode first." };

/** Type imports are allowed: a type costs nothing at run time and lets code describe browser messages. */
const browserApiImports = [
  {
    name: 'wxt/browser',
    allowTypeImports: true,
    message: 'The extension API is wired only in entrypoints/ and the few adapters listed in eslint.config.js.',
  },
  {
    name: 'webextension-polyfill',
    allowTypeImports: true,
    message: 'The extension API is wired only in entrypoints/ and the few adapters listed in eslint.config.js.',
  },
];
const browserApiGlobals = ['chrome', 'browser'].map((name) => ({
  name,
  message: 'The extension API is wired only in entrypoints/ and the few adapters listed in eslint.config.js.',
}));

/** Matches `@/lib/store/...`, `../store/...`, `../../lib/store/...` and the like. */
const store = {
  regex: '(^|/)(lib/)?store(/|$)',
  allowTypeImports: true,
  message: 'Read and write data through the message API (lib/messages/client); only the background and lib/service reach lib/store.',
};

/** Builds the complete `no-restricted-imports` / `no-restricted-globals` pair for one group of folders. */
function boundaries({ allowDexie = false, allowBrowserApi = false, allowStore = true, allowZod = false }) {
  const paths = [...(allowDexie ? [] : [dexie]), ...(allowBrowserApi ? [] : browserApiImports), ...(allowZod ? [] : [zod])];
  const patterns = allowStore ? [] : [store];
  return {
    'no-restricted-imports': ['error', { paths, patterns }],
    // 'off' rather than an empty list: a severity alone would keep the options of an earlier block.
    'no-restricted-globals': allowBrowserApi ? 'off' : ['error', ...browserApiGlobals],
  };
}

/** Pure playbook and parsing code: no IndexedDB, no extension API, no store (types aside). */
const domainFolders = [
  'access',
  'account-view',
  'actions',
  'book',
  'briefing',
  'content-script',
  'cues',
  'expansion',
  'health',
  'hosts',
  'import',
  'insights',
  'match',
  'model',
  'promises',
  'reminders',
  'renewal',
  'sample',
  'settings',
  'signals',
  'time',
].map((folder) => `lib/${folder}/**`);

/**
 * Where the extension API is wired, each for a reason:
 * - entrypoints/: the background, content script and pages are what the browser starts.
 * - lib/messages/client.ts: the one place UI pages send to the background and hear its events.
 * - lib/sidebar-frame/extension-api.ts: the content script's few calls, without the polyfill.
 * - lib/reminders/wire.ts: alarms and notifications, hooked up by the background.
 * - lib/sync/wire.ts: the CRM sync's fetch, host permissions, sign-in window and alarms, for the background.
 * - lib/permissions/request.ts: the options page asks for a CRM's host permission inside the user's click.
 * - lib/digest/wire.ts: the daily digest's alarm and notification, which opens the book.
 */
const browserApiAdapters = [
  'lib/messages/client.ts',
  'lib/sidebar-frame/extension-api.ts',
  'lib/reminders/wire.ts',
  'lib/sync/wire.ts',
  'lib/permissions/request.ts',
  'lib/digest/wire.ts',
];

export default defineConfig(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'artifacts/', 'docs/', 'test-results/', 'stats.html'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**', 'tests/e2e/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },

  // Boundaries, from the broadest group to the narrowest: the last matching block wins. The broadest
  // group covers lib/service and lib/outbox (the background's side, which reads and writes the store).
  { files: ['**/*.{ts,tsx,js,mjs}'], rules: boundaries({}) },
  { files: ['components/**', ...domainFolders], rules: boundaries({ allowStore: false }) },
  { files: ['lib/store/**'], rules: boundaries({ allowDexie: true }) },
  { files: ['entrypoints/**'], rules: boundaries({ allowBrowserApi: true }) },
  { files: browserApiAdapters, rules: boundaries({ allowBrowserApi: true, allowStore: false }) },
  { files: ['lib/schema/zod.ts'], rules: boundaries({ allowZod: true, allowStore: false }) },
  { files: ['tests/**', 'bench/**', 'scripts/**'], rules: boundaries({ allowDexie: true, allowBrowserApi: true, allowZod: true }) },
);
