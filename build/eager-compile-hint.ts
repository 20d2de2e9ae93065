import type { Plugin } from 'vite';

/** The content scripts that run on every host page load (entrypoints/<host>-page.ts). */
const PAGE_SCRIPT = /^[a-z]+-page\.js$/;
/** V8's file-level compile hint (Chrome 136+; other engines read a comment): compile every function up front. */
const HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Nearly all of a page script runs in its first second (read, mount, connect), but V8 pre-parses each
 * function when the script is compiled and parses it again when first called, in the middle of reading
 * the page or mounting the sidebar. With the hint the script is compiled once, whole, when injected:
 * measured over interleaved page loads, less main-thread time than the lazy compiles it replaces
 * (docs/performance.md, (b)). Content scripts get no code cache, so this is paid on every page load.
 */
export function eagerCompileHint(): Plugin {
  return {
    name: 'glance:eager-compile-hint',
    enforce: 'post',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.isEntry && PAGE_SCRIPT.test(chunk.fileName)) chunk.code = HINT + chunk.code;
    },
  };
}
