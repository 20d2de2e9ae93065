import type { Plugin } from 'vite';

/** The mail hosts' message readers (entrypoints/<host>-messages.ts), which content scripts `import()`. */
const READER_FILE = /^(gmail|outlook)-messages\.js$/;
/** WXT builds an unlisted script as an IIFE returning its main's result, named or not: `var x=(function(){…})();` */
const IIFE_START = /^(?:var [\w$]+\s*=\s*)?\(function\s*\(\)\s*\{/;

/**
 * WXT builds unlisted scripts as classic scripts, but a content script can only `import()` a module: a
 * reader's IIFE (which returns the reader) becomes the module's default export. Runs after WXT's own
 * IIFE plugins and fails the build if the output changes shape, rather than shipping a reader that
 * exports nothing.
 */
export function messageReaderModules(): Plugin {
  return {
    name: 'glance:message-reader-modules',
    enforce: 'post',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry || !READER_FILE.test(chunk.fileName)) continue;
        if (!IIFE_START.test(chunk.code))
          throw new Error(`${chunk.fileName}: WXT's IIFE changed shape; update build/message-reader-modules.ts.`);
        chunk.code = chunk.code.replace(IIFE_START, 'export default (function(){');
      }
    },
  };
}
