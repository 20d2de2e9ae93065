import type { Plugin } from 'vite';

/** zod's `allowsEval` feature probe: `new Function("")` in a try/catch (zod/v4/core/util.js). */
const EVAL_PROBE = /try\s*\{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch\s*\(_\)\s*\{\s*return false;\s*\}/;

/**
 * Glance runs zod jitless (lib/schema/zod.ts), so the probe is dead code, but it still ships and store
 * review flags it as eval (addons-linter DANGEROUS_EVAL). Answer "no eval" without probing. Fails the
 * build if zod's source changes shape, rather than silently shipping the probe again.
 */
export function zodWithoutEvalProbe(): Plugin {
  return {
    name: 'glance:zod-without-eval-probe',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/.test(id.split('?')[0])) return null;
      if (!EVAL_PROBE.test(code)) throw new Error(`${id}: zod's eval probe changed shape; update build/zod-without-eval-probe.ts.`);
      return { code: code.replace(EVAL_PROBE, 'return false;'), map: null };
    },
  };
}
