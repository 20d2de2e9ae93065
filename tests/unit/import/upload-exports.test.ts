import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importFile } from '../../../lib/import/upload';
import { fakeBackground, file } from './fake-background';

const fixture = (name: string) => file(name, readFileSync(join(__dirname, '../../fixtures/exports', name), 'utf8'));
const noop = () => undefined;

describe('importFile: CRM exports', () => {
  it('imports a HubSpot companies export as accounts and says what it was read as', async () => {
    const bg = fakeBackground();
    const outcome = await importFile(fixture('hubspot-companies.csv'), bg.call);
    expect(outcome).toMatchObject({ ok: true, counts: { accounts: 20 }, notes: ['Read as a HubSpot companies export.'] });
  });

  it('names the rows it skipped, in the words of the file', async () => {
    const bg = fakeBackground();
    const outcome = await importFile(fixture('hubspot-contacts.csv'), bg.call);
    expect(outcome).toMatchObject({ ok: true, counts: { accounts: 20, contacts: 33 } });
    expect(outcome.notes).toContain('Row 15 skipped: no email for Margaret Hamilton.');
  });

  it('a Salesforce report export sends accounts and contacts and no footer lines', async () => {
    const bg = fakeBackground();
    const outcome = await importFile(fixture('salesforce-report.csv'), bg.call);
    expect(outcome).toMatchObject({ ok: true, counts: { accounts: 12, contacts: 20 }, rejected: [] });
  });
});

describe('importFile: an unknown layout', () => {
  it('is refused, naming its columns, when nobody can confirm a mapping', async () => {
    const bg = fakeBackground();
    const outcome = await importFile(fixture('unknown-layout.csv'), bg.call);
    expect(outcome).toMatchObject({
      ok: false,
      error: expect.stringContaining('were not recognised ("Customer", "Site", "Contract value"'),
    });
    expect(bg.types()).not.toContain('import.begin');
  });

  it('waits for the confirmed mapping, imports with it and remembers it for the same columns', async () => {
    const bg = fakeBackground();
    const confirm = vi.fn(async (proposal: { columns: { choice: string }[] }) => {
      const choices = proposal.columns.map((c) => c.choice);
      choices[1] = 'account.website';
      return choices as never;
    });
    const first = await importFile(fixture('unknown-layout.csv'), bg.call, { onProgress: noop, confirmMapping: confirm });
    expect(first).toMatchObject({ ok: true, counts: { accounts: 6 } });
    expect(bg.chunkPayloads()[0].records[0]).toMatchObject({ id: 'domain-acme.com', domains: ['acme.com'], arr: 1200000 });

    const again = await importFile(fixture('unknown-layout.csv'), bg.call, { onProgress: noop, confirmMapping: confirm });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(again).toMatchObject({ ok: true, notes: ['Read with the column mapping you confirmed for these columns before.'] });
  });

  it('writes nothing when the user cancels the mapping', async () => {
    const bg = fakeBackground();
    const outcome = await importFile(fixture('unknown-layout.csv'), bg.call, { onProgress: noop, confirmMapping: async () => null });
    expect(outcome).toMatchObject({ ok: false, error: 'The column mapping was not confirmed. Nothing was imported.' });
    expect(bg.types()).toEqual(['import.mapping.get']);
  });
});
