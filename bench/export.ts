/**
 * Exports the book through the options page's "Export" button, as a user would, and checks the
 * downloaded file: a Glance bundle holding every record of the book.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface ExportTiming {
  totalMs: number;
  bytes: number;
  /** How the file was checked: parsed and counted, or (too big to parse here) its start and end. */
  check: string;
}

/** Files up to this size are parsed and their records counted. */
const PARSE_LIMIT = 200 * 2 ** 20;

export async function timeExport(
  page: Page,
  dir: string,
  expected: { accounts: number; contacts: number },
  timeoutMs: number,
): Promise<ExportTiming> {
  await page.getByRole('button', { name: 'Export' }).waitFor();
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: timeoutMs }),
    page.getByRole('button', { name: 'Export' }).click(),
  ]);
  const path = join(dir, `export-${expected.accounts}.json`);
  await download.saveAs(path);
  const totalMs = Date.now() - started;
  const bytes = statSync(path).size;
  const failure = await page
    .locator('.error[role="alert"]')
    .textContent({ timeout: 100 })
    .catch(() => null);
  if (failure) throw new Error(`Export failed: ${failure}`);
  if (bytes <= PARSE_LIMIT) {
    const bundle = JSON.parse(readFileSync(path, 'utf8'));
    const accounts = bundle.accounts.length;
    const contacts = bundle.contacts.length;
    if (bundle.format !== 'glance.bundle' || accounts < expected.accounts || contacts < expected.contacts) {
      throw new Error(
        `Export file holds ${accounts} accounts and ${contacts} contacts, expected at least ${expected.accounts} and ${expected.contacts}`,
      );
    }
    return { totalMs, bytes, check: `parsed: ${accounts.toLocaleString('en')} accounts, ${contacts.toLocaleString('en')} contacts` };
  }
  const head = readEnd(path, 0, 64);
  const tail = readEnd(path, bytes - 8, 8);
  if (!head.startsWith('{"format":"glance.bundle","version":1') || !tail.trimEnd().endsWith(']}'))
    throw new Error('Export file is not a complete bundle');
  return { totalMs, bytes, check: 'start and end of the bundle (too big to parse in the bench)' };
}

function readEnd(path: string, position: number, length: number): string {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, Math.max(0, position));
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}
