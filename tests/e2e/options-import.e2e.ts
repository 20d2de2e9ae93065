import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLargeBook } from '../../lib/sample/large-book';
import { FIXTURES, importThroughOptions, launchGlance, type Glance } from './harness.mjs';

const bundlePath = (name: string) => join(FIXTURES, 'bundles', name);

describe('options page: import and export in real Chromium', () => {
  let glance: Glance;
  beforeEach(async () => {
    glance = await launchGlance();
  });
  afterEach(async () => {
    await glance?.close();
  });

  it('loads the extension and offers the sample book on first run', async () => {
    expect(glance.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    await page.getByRole('button', { name: 'Load sample book' }).waitFor({ state: 'visible' });
    await expect(page.getByText('No accounts yet').isVisible()).resolves.toBe(true);
  });

  it('imports a bundle and reports the counts per record type', async () => {
    const page = await importThroughOptions(glance, bundlePath('small-book.json'));
    const status = page.getByRole('status').filter({ hasText: 'Imported' });
    await expect(status.textContent()).resolves.toContain('3 accounts, 3 contacts, 2 usage points, 1 ticket, 2 commitments, 2 activities');
    await page.locator('[data-count="accounts"]', { hasText: '3' }).waitFor();
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'options-after-import.png'), fullPage: true });
  });

  it('imports a Salesforce report export: accounts and contacts, names combined, footer left out', async () => {
    const page = await importThroughOptions(glance, join(FIXTURES, 'exports', 'salesforce-report.csv'));
    const status = page.locator('[role="status"][data-outcome="imported"]');
    await status.getByText('Imported from salesforce-report.csv: 12 accounts, 20 contacts.').waitFor();
    await expect(status.textContent()).resolves.toContain('Read as a Salesforce contacts report.');
    await expect(status.textContent()).resolves.not.toContain('rejected');
    await page.locator('[data-count="accounts"]', { hasText: /^12$/ }).waitFor();
    await page.locator('[data-count="contacts"]', { hasText: /^20$/ }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.contacts.find((c: { email: string }) => c.email === 'ada.lovelace@acme.com')).toMatchObject({
      name: 'Ada Lovelace',
      accountId: '0015g0000000000AAA',
    });
    expect(exported.accounts.find((a: { id: string }) => a.id === '0015g0000000000AAA')).toMatchObject({
      name: 'Acme Corporation',
      domains: ['acme.com'],
    });
  });

  it('asks for a mapping of unknown columns once, then remembers it for the same columns', async () => {
    const file = join(FIXTURES, 'exports', 'unknown-layout.csv');
    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    await page.getByLabel('Import').setInputFiles(file);
    const table = page.getByRole('table', { name: 'Column mapping' });
    await table.getByRole('combobox', { name: 'Site' }).selectOption({ label: 'Account: website or domain' });
    await page.getByRole('button', { name: 'Import with this mapping' }).click();
    await page.locator('[role="status"][data-outcome="imported"]').getByText('Imported from unknown-layout.csv: 6 accounts.').waitFor();

    await page.reload();
    await page.getByLabel('Import').setInputFiles(file);
    const again = page.locator('[role="status"][data-outcome="imported"]');
    await again.getByText('Read with the column mapping you confirmed for these columns before.').waitFor();
    await expect(table.count()).resolves.toBe(0);
    await page.locator('[data-count="accounts"]', { hasText: /^6$/ }).waitFor();
  });

  it('names each rejected record with its path and reason, imports the valid ones, and keeps earlier data', async () => {
    const page = await importThroughOptions(glance, bundlePath('small-book.json'));
    await page.reload();
    await page.getByLabel('Import').setInputFiles(bundlePath('broken-book.json'));
    const status = page.locator('[role="status"][data-outcome="imported"]');
    await status.getByText('Imported from broken-book.json').waitFor();
    const text = (await status.textContent()) ?? '';
    expect(text).toContain('Imported from broken-book.json: 1 account, 1 contact.');
    expect(text).toContain('5 records were rejected');
    expect(text).toContain('accounts[1] (acc-bad-arr): arr: expected a number');
    expect(text).toContain('accounts[2] (acc-no-name): name: required');
    expect(text).toMatch(/accounts\[3\] \(acc-bad-tier\): tier: expected one of/);
    expect(text).toContain('contacts[1] (con-bad-email): email: expected an email address');
    expect(text).toContain('commitments[0] (cm-bad-due): dueDate: expected an ISO 8601 date');
    // 3 earlier accounts + Orbit: the earlier data is still there.
    await page.locator('[data-count="accounts"]', { hasText: /^4$/ }).waitFor();
  });

  it('leaves a stored record untouched when a record with its id is rejected', async () => {
    const page = await importThroughOptions(glance, bundlePath('small-book.json'));
    const original = JSON.parse(readFileSync(bundlePath('small-book.json'), 'utf8'));
    const harbor = original.accounts.find((a: { id: string }) => a.id === 'acc-harbor');
    const dir = mkdtempSync(join(tmpdir(), 'glance-import-'));
    const file = join(dir, 'bad-harbor.json');
    writeFileSync(
      file,
      JSON.stringify({ format: 'glance.bundle', version: 1, accounts: [{ ...harbor, name: 'Harbor (overwritten)', arr: 'lots' }] }),
    );
    await page.getByLabel('Import').setInputFiles(file);
    // Its one record refused, the file stored nothing: a failure, not an import.
    const status = page.locator('[role="status"][data-outcome="failed"]', { hasText: 'bad-harbor.json' });
    await status.getByText('accounts[0] (acc-harbor): arr: expected a number').waitFor();
    await expect(status.textContent()).resolves.toContain('Nothing was imported: its one record was rejected.');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.accounts.find((a: { id: string }) => a.id === 'acc-harbor')).toEqual(harbor);
  });

  it('refuses a file that is not JSON, or not a bundle, and changes nothing', async () => {
    const page = await importThroughOptions(glance, bundlePath('small-book.json'));
    for (const [file, message] of [
      ['not-json.json', 'This file is not valid JSON'],
      ['not-a-bundle.json', 'This file is not a Glance bundle: "format" must be "glance.bundle"'],
    ]) {
      await page.getByLabel('Import').setInputFiles(bundlePath(file));
      const refused = page.locator('[role="status"][data-outcome="refused"]');
      await refused.getByText(message).waitFor();
      await expect(refused.textContent()).resolves.toContain('Nothing was imported');
    }
    await page.locator('[data-count="accounts"]', { hasText: /^3$/ }).waitFor();
  });

  it('exports the whole store as a bundle that imports back to the same state', async () => {
    const page = await importThroughOptions(glance, bundlePath('small-book.json'));
    const exportOnce = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
      const path = await download.path();
      return JSON.parse(readFileSync(path, 'utf8'));
    };
    const first = await exportOnce();
    const original = JSON.parse(readFileSync(bundlePath('small-book.json'), 'utf8'));
    const byId = (list: { id?: string; accountId: string; date?: string }[]) =>
      [...list].sort((a, b) => (a.id ?? a.accountId + a.date!).localeCompare(b.id ?? b.accountId + b.date!));
    for (const type of ['accounts', 'contacts', 'usage', 'tickets', 'commitments', 'activities']) {
      expect(byId(first[type]), type).toEqual(byId(original[type]));
    }
    // Unknown fields travel too.
    expect(first.accounts.find((a: { id: string }) => a.id === 'acc-harbor').customFields).toEqual({ region: 'NA', segment: 'strategic' });

    // Into a fresh profile, and out again: the same state.
    const other = await launchGlance();
    try {
      const exportedPath = join(process.cwd(), 'test-results', 'round-trip.json');
      (await import('node:fs')).mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
      (await import('node:fs')).writeFileSync(exportedPath, JSON.stringify(first));
      const otherPage = await importThroughOptions(other, exportedPath);
      const [download] = await Promise.all([otherPage.waitForEvent('download'), otherPage.getByRole('button', { name: 'Export' }).click()]);
      const second = JSON.parse(readFileSync(await download.path(), 'utf8'));
      for (const type of ['accounts', 'contacts', 'usage', 'tickets', 'commitments', 'activities']) {
        expect(byId(second[type]), type).toEqual(byId(first[type]));
      }
    } finally {
      await other.close();
    }
  });

  it('exports a book bigger than one export page into one file that holds every record', async () => {
    const book = makeLargeBook({ accounts: 600, contactsPerAccount: 10, now: new Date() });
    const dir = mkdtempSync(join(tmpdir(), 'glance-export-'));
    const file = join(dir, 'book-600.json');
    writeFileSync(file, JSON.stringify(book));
    const page = await importThroughOptions(glance, file);
    await page.locator('[role="status"][data-outcome="imported"]', { hasText: '6,000 contacts' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^glance-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported).toMatchObject({ format: 'glance.bundle', version: 1 });
    const ids = (list: { id: string }[]) => list.map((r) => r.id).sort();
    expect(ids(exported.accounts)).toEqual(ids(book.accounts));
    expect(ids(exported.contacts)).toEqual(ids(book.contacts!));
    expect(exported.usage).toHaveLength(book.usage?.length ?? 0);
    // Nothing went wrong on the way, and the button is back for the next export.
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Export' }).and(page.locator(':enabled')).waitFor();
  });

  it('keeps a commitment changed here when an older export of the book is imported again, and says so', async () => {
    const page = await importThroughOptions(glance, bundlePath('small-book.json'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const olderFile = join(mkdtempSync(join(tmpdir(), 'glance-reimport-')), 'older-export.json');
    writeFileSync(olderFile, readFileSync(await download.path(), 'utf8'));

    // Marked done here (as the sidebar does it) after the export was made.
    const reply = await page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({
        glance: 'request',
        type: 'commitment.setStatus',
        payload: { id: 'cm-1', status: 'done' },
      }),
    );
    expect(reply).toMatchObject({ ok: true, data: { id: 'cm-1', status: 'done' } });

    await page.reload();
    await page.getByLabel('Import').setInputFiles(olderFile);
    const status = page.locator('[role="status"][data-outcome="imported"]', { hasText: 'older-export.json' });
    await status.getByText('1 commitment changed here since that file was made was kept as it is.').waitFor();

    const [after] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const book = JSON.parse(readFileSync(await after.path(), 'utf8'));
    expect(book.commitments.find((c: { id: string }) => c.id === 'cm-1')).toMatchObject({ status: 'done' });
    expect(book.commitments.find((c: { id: string }) => c.id === 'cm-2')).toMatchObject({ status: 'open' });
  });

  it('loads the sample book, marks it as sample data, and removes it in one click', async () => {
    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    await page.getByRole('button', { name: 'Load sample book' }).click();
    const note = page.locator('[data-sample="present"]');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/Sample data\s*\d+ sample accounts are loaded/);
    const accounts = Number(await page.locator('[data-count="accounts"]').textContent());
    expect(accounts).toBeGreaterThanOrEqual(45);
    await page.getByRole('button', { name: 'Remove sample book' }).click();
    await page.getByRole('button', { name: 'Load sample book' }).waitFor();
    await expect(note.count()).resolves.toBe(0);
  });

  it('imports a CSV with a "Constructor" column, then keeps taking files: a deep record and repeated ids are named', async () => {
    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    const importControl = page.getByLabel('Import');
    await importControl.setInputFiles({
      name: 'accounts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Id,Name,Constructor,__proto__\nacc-ctor,Constructor Co,Bob,p\n'),
    });
    const imported = page.locator('[role="status"][data-outcome="imported"]', { hasText: 'accounts.csv' });
    await imported.getByText('Imported from accounts.csv: 1 account.').waitFor();
    await expect(importControl.isEnabled()).resolves.toBe(true);

    let deep: unknown = 'end';
    for (let i = 0; i < 200; i++) deep = { x: deep };
    const accounts = [
      { id: 'acc-deep', name: 'Deep', x: deep },
      { id: 'acme-1', name: 'Acme (old)' },
      { id: 'acme-1', name: 'Acme' },
    ];
    await importControl.setInputFiles({
      name: 'odd-book.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'glance.bundle', version: 1, accounts })),
    });
    const second = page.locator('[role="status"][data-outcome="imported"]', { hasText: 'odd-book.json' });
    await second.getByText('Imported from odd-book.json: 1 account.').waitFor();
    const text = (await second.textContent()) ?? '';
    expect(text).toContain('accounts[0] (acc-deep): x.x.x.x.x.x.x.x: nested more than 8 levels deep');
    expect(text).toContain('1 duplicate account id in the file: acme-1 (accounts[1], accounts[2]); the last one of each was kept.');
    await expect(importControl.isEnabled()).resolves.toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const byId = (id: string) => exported.accounts.find((a: { id: string }) => a.id === id);
    expect(byId('acc-ctor')).toEqual(JSON.parse('{"id":"acc-ctor","name":"Constructor Co","Constructor":"Bob","__proto__":"p"}'));
    expect(byId('acme-1').name).toBe('Acme');
    expect(byId('acc-deep')).toBeUndefined();
  });

  it('reads a Windows-1252 CSV as such and says so', async () => {
    const page = await glance.context.newPage();
    await page.goto(glance.url('options.html'));
    // "Société Générale" and "Müller" as Excel on Windows saves them.
    const bytes = Buffer.from('Id,Name,Owner\nacc-sg,Soci\xe9t\xe9 G\xe9n\xe9rale,M\xfcller\n', 'latin1');
    await page.getByLabel('Import').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: bytes });
    const status = page.locator('[role="status"][data-outcome="imported"]');
    await status.getByText('read as Windows-1252').waitFor();
    await expect(status.textContent()).resolves.toContain('Imported from accounts.csv: 1 account.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(exported.accounts).toEqual([{ id: 'acc-sg', name: 'Société Générale', owner: 'Müller' }]);
  });
});
