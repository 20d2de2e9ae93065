import type { Plugin } from 'vite';

/** WXT's wrapper module around an unlisted script's `main` (node_modules/wxt/dist/virtual/unlisted-script-entrypoint.mjs). */
const WRAPPER_ID = /^\0virtual:wxt-unlisted-script-entrypoint\?(.*[\\/]entrypoints[\\/][\w-]+-(?:page|messages)\.ts)$/;
const USER_IMPORT = /^import definition from "([^"]+)";$/m;

/**
 * The content scripts and the message readers (entrypoints/<host>-page.ts, <host>-messages.ts) run
 * WXT's plugins and their `main` with nothing around them: WXT's wrapper only adds a try/catch whose
 * logger prints nothing in production, about 140 bytes gzip on every Gmail and CRM page load. An error
 * still surfaces in the page's console as the uncaught error or rejection it is. Fails the build if the
 * wrapper changes shape, rather than silently keeping or breaking it.
 */
export function bareUnlistedScripts(): Plugin {
  return {
    name: 'glance:bare-unlisted-scripts',
    enforce: 'pre',
    transform(code, id) {
      if (!WRAPPER_ID.test(id)) return null;
      const user = USER_IMPORT.exec(code)?.[1];
      if (!user || !code.includes('definition.main()') || !code.includes('initPlugins()')) {
        throw new Error(`${id}: WXT's unlisted-script wrapper changed shape; update build/bare-unlisted-scripts.ts.`);
      }
      const bare = `import definition from ${JSON.stringify(user)};\nimport { initPlugins } from "virtual:wxt-plugins";\ninitPlugins();\nexport default definition.main();\n`;
      return { code: bare, map: null };
    },
  };
}
