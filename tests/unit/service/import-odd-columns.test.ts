import { afterEach, describe, expect, it } from 'vitest';
import { exportBookFile } from '../../../lib/export/bundle-file';
import { readImportText } from '../../../lib/import/upload';
import type { call as callBackground } from '../../../lib/messages/client';
import { startService } from './harness';

let service: ReturnType<typeof startService>;
afterEach(() => service?.db.close());

describe('a CSV whose columns are named like object members', () => {
  it('stores those columns as ordinary fields and exports them again', async () => {
    service = startService();
    const envelope = readImportText(
      'accounts.csv',
      'Id,Name,Constructor,constructor,__proto__,toString,hasOwnProperty\nacc-1,Acme,Bob,c,p,t,h\n',
    );
    if (!envelope.ok) throw new Error(envelope.error);
    const { counts } = await service.importRecords('accounts.csv', envelope.records);
    expect(counts.accounts).toBe(1);

    const exported = await exportBookFile(service.run as unknown as typeof callBackground);
    if (!exported.ok) throw new Error(exported.error);
    // Read back from the exported file, every column is there with its value.
    const [account] = JSON.parse(await exported.file.text()).accounts;
    expect(account).toEqual(
      JSON.parse('{"id":"acc-1","name":"Acme","Constructor":"Bob","constructor":"c","__proto__":"p","toString":"t","hasOwnProperty":"h"}'),
    );
  });
});
