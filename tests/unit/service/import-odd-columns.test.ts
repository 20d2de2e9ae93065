import { afterEach, describe, expect, it } from 'vitest';
import { readImportText } from '../../../lib/import/upload';
import { startService } from './harness';

let service: ReturnType<typeof startService>;
afterEach(() => service?.db.close());

describe('a CSV whose columns are named like object members', () => {
  it('stores those columns as ordinary fields and exports them again', async () => {
    service = startService();
    const envelope = readImportText('accounts.csv', 'Id,Name,Constructor,constructor,__proto__,toString,hasOwnProperty\nacc-1,Acme,Bob,c,p,t,h\n');
    if (!envelope.ok) throw new Error(envelope.error);
    const { counts } = await service.importRecords('accounts.csv', envelope.records);
    expect(counts.accounts).toBe(1);

    const exported = await service.run('export.bundle', {});
    // The export is written out as JSON; read back, every column is there with its value.
    const [account] = JSON.parse(JSON.stringify(exported)).accounts;
    expect(account).toEqual(JSON.parse('{"id":"acc-1","name":"Acme","Constructor":"Bob","constructor":"c","__proto__":"p","toString":"t","hasOwnProperty":"h"}'));
  });
});
