import { dirname, join, normalize } from 'node:path/posix';
import { rolldown, type RolldownLog } from 'rolldown';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/** Vite's tag for an HTML entry's script, and the preload links of the chunks it imports. */
const MODULE_ENTRY = /[ \t]*<script type="module" crossorigin src="\/([\w./-]+\.js)"><\/script>\n?/;
const MODULE_PRELOAD = /[ \t]*<link rel="modulepreload" crossorigin href="\/([\w./-]+\.js)">\n?/g;
const STYLESHEET = /([ \t]*)<link rel="stylesheet" crossorigin href="\/([\w./-]+\.css)">\n?/g;
const TITLE_END = /([ \t]*)(<title>[^<]*<\/title>\n)/;
/** Vite's preload helper asks `import.meta.resolve` first and falls back on the page's address, which is all a classic script has. */
const EXPECTED_LOGS = new Set(['EMPTY_IMPORT_META']);

/**
 * The sidebar frame's entry as ONE classic script rather than a module and the chunks it imports: on
 * a cold open every file the frame fetches before its entry runs is a round trip through the
 * browser's extension loader, and a module graph also waits to be linked whole (measured: the bare
 * sidebar's one classic script ran well before Glance's four modules). Its static imports are bundled
 * into it; its dynamic `import()`s (React and the rest of the sidebar) stay separate chunks, which a
 * classic script loads just as well, relative to its own address. The tag is `async` and first in the
 * head, so its request leaves before anything else the page needs; it touches the DOM only once the
 * background has answered, long after the page is parsed. The styles Vite links are written into the
 * page instead: three more files through the extension loader made the script wait behind them and
 * behind the style pass their arrival set off (measured in a trace of a cold open: the script ran
 * about 25 ms later). Fails the build if Vite's output changes shape, rather than shipping a sidebar
 * that loads nothing or shows it unstyled.
 */
export function classicSidebarEntry(htmlFile = 'entrypoints/sidebar/index.html'): Plugin {
  return {
    name: 'glance:classic-sidebar-entry',
    enforce: 'post',
    async generateBundle(_, bundle) {
      const html = bundle[htmlFile];
      if (!html) return;
      const source = html.type === 'asset' && typeof html.source === 'string' ? html.source : '';
      const entryFile = MODULE_ENTRY.exec(source)?.[1];
      const entry = entryFile ? bundle[entryFile] : undefined;
      if (!entryFile || entry?.type !== 'chunk' || !TITLE_END.test(source))
        throw new Error(`${htmlFile}: Vite's module entry changed shape; update build/classic-sidebar-entry.ts.`);
      const inlined = new Set<string>();
      entry.code = await asClassicScript(bundle, entryFile, inlined);
      entry.imports = [];
      entry.map = null;
      const preloaded = [...source.matchAll(MODULE_PRELOAD)].map((m) => m[1]!);
      const stray = preloaded.filter((file) => !inlined.has(file));
      if (stray.length > 0) throw new Error(`${htmlFile}: preloads ${stray.join(', ')}, which the entry does not import.`);
      (html as OutputAsset).source = source
        .replace(MODULE_ENTRY, '')
        .replace(MODULE_PRELOAD, '')
        .replace(STYLESHEET, (_, indent: string, file: string) => {
          // The link stays, disabled: a stylesheet link disabled in the markup is never fetched, and Vite's
          // preload helper, which looks for the page's stylesheet links by address before it loads a lazy
          // chunk's styles, then knows these are in the page (without it, the first screen fetched all three again).
          const style = `${indent}<style>${styleText(bundle, htmlFile, file)}</style>\n`;
          return `${style}${indent}<link rel="stylesheet" href="/${file}" disabled>\n`;
        })
        .replace(
          TITLE_END,
          (_, indent: string, title: string) => `${indent}${title}${indent}<script async src="/${entryFile}"></script>\n`,
        );
    },
  };
}

/** A stylesheet of the build, to be written into the page; it must not end the style element it goes in. */
function styleText(bundle: OutputBundle, htmlFile: string, file: string): string {
  const asset = bundle[file];
  const text = asset?.type === 'asset' && typeof asset.source === 'string' ? asset.source.trim() : undefined;
  if (text === undefined) throw new Error(`${htmlFile} links ${file}, which is not a stylesheet of this build.`);
  if (/<\/style/i.test(text)) throw new Error(`${file} holds "</style", so it cannot be written into ${htmlFile}.`);
  return text;
}

/** The entry chunk with the chunks it statically imports bundled in, as an IIFE; `inlined` gets their file names. */
async function asClassicScript(bundle: OutputBundle, entryFile: string, inlined: Set<string>): Promise<string> {
  const unexpected: RolldownLog[] = [];
  const build = await rolldown({
    input: entryFile,
    onLog(_, log) {
      if (!EXPECTED_LOGS.has(log.code ?? '')) unexpected.push(log);
    },
    plugins: [
      {
        name: 'glance:from-bundle',
        resolveId(id, importer, { kind }) {
          if (!importer) return id;
          // Loaded when asked, from where Vite put them: the path stays as written, relative to the entry's own.
          if (kind === 'dynamic-import') return { id, external: true };
          return normalize(join(dirname(importer), id));
        },
        load(id) {
          const chunk = bundle[id] as OutputChunk | undefined;
          if (chunk?.type !== 'chunk') throw new Error(`${entryFile} imports ${id}, which is not a chunk of this build.`);
          if (id !== entryFile) inlined.add(id);
          return chunk.code;
        },
      },
    ],
  });
  const { output } = await build.generate({ format: 'iife', minify: true });
  await build.close();
  if (unexpected.length > 0) throw new Error(`${entryFile} as a classic script: ${unexpected.map((log) => log.message).join('; ')}`);
  if (output.length !== 1) throw new Error(`${entryFile} as a classic script came out as ${output.length} files.`);
  // Every chunk it still loads must sit beside it, where its relative `import()`s point.
  const dir = dirname(entryFile);
  for (const chunk of output[0].dynamicImports) {
    if (!(normalize(join(dir, chunk)) in bundle))
      throw new Error(`${entryFile} as a classic script loads ${chunk}, which is not beside it.`);
  }
  return output[0].code;
}
