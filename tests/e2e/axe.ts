/** axe-core (WCAG 2.1 A and AA rules) in a page or frame of the built extension, and opening what disclosures hide. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type Scope = Page | Frame;

/**
 * Runs axe-core in the document of a page or frame, one line per failing element: rule, impact,
 * where, and what axe says to fix. Extension pages forbid inline script tags (their CSP is
 * script-src 'self'), so axe goes in by evaluating its source, which the CSP does not govern.
 */
export async function violations(scope: Scope, label: string): Promise<string[]> {
  if (!(await scope.evaluate(() => 'axe' in window))) await scope.evaluate(AXE_SOURCE);
  const results = await scope.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
      }),
    WCAG_21_AA,
  );
  return results.violations.flatMap((rule) =>
    rule.nodes.map(
      (node) =>
        `[${label}] ${rule.id} (${rule.impact}) at ${node.target.join(' > ')}: ${rule.help}. ${node.failureSummary?.replace(/\s*\n\s*/g, ' ')}`,
    ),
  );
}

/** Opens every closed disclosure ("Why?", "Steps", "Dismissed or snoozed") so what they hide is scanned too. */
export async function expandAll(scope: Scope) {
  const closed = scope.locator('button[aria-expanded="false"]');
  // Counted afresh after every click: suggestions found in the email arrive after the account and add disclosures of their own.
  for (let clicks = 0; clicks < 100 && (await closed.count()) > 0; clicks++) await closed.first().click();
  await expect(closed.count()).resolves.toBe(0);
}
