import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExportText } from '../../../lib/import/exports/read';
import { startService } from './harness';

describe('import mappings: remembered by header set', () => {
  it('gives back the mapping confirmed for the same columns, and none for others', async () => {
    const service = startService();
    const choices = ['account.name', 'account.website', 'account.arr', 'account.renewalDate', 'account.tier', 'ignore'];
    await expect(service.run('import.mapping.get', { headerKey: 'customer|site' })).resolves.toBeNull();
    await service.run('import.mapping.save', { headerKey: 'customer|site', choices });
    await expect(service.run('import.mapping.get', { headerKey: 'customer|site' })).resolves.toEqual(choices);
    await expect(service.run('import.mapping.get', { headerKey: 'customer|url' })).resolves.toBeNull();
    // The playbook settings live beside them and are untouched.
    await expect(service.run('settings.get', {})).resolves.toMatchObject({ tiers: expect.any(Object) });
  });

  it('a report export imported end to end stores its accounts and contacts', async () => {
    const service = startService();
    const text = readFileSync(join(__dirname, '../../fixtures/exports/salesforce-report.csv'), 'utf8');
    const reading = readExportText(text, { today: '2026-12-01' });
    if (reading.kind !== 'records') throw new Error(reading.kind);
    const { counts } = await service.importRecords('salesforce-report.csv', reading.records);
    expect(counts).toMatchObject({ accounts: 12, contacts: 20 });
    const view = await service.run('account.view', { accountId: '0015g0000000000AAA' });
    expect(view?.account).toMatchObject({ name: 'Acme Corporation', domains: ['acme.com'] });
  });
});
