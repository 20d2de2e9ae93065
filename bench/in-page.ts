import type { Frame, Page } from 'playwright-core';

/**
 * page.evaluate for functions with inner helpers. tsx compiles the bench with esbuild's keepNames,
 * which wraps inner functions in `__name(...)`; the page has no such helper, so it gets one here.
 */
export function inPage<A, R>(target: Page | Frame, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  const source = `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })()`;
  return target.evaluate(source) as Promise<R>;
}
