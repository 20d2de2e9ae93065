import { describe, expect, it } from 'vitest';
import { createSalesforceConnector } from '../../../../lib/connectors/salesforce/index';
import { glanceExternalIdField, taskFields } from '../../../../lib/connectors/salesforce/writeback';
import { ConnectorError } from '../../../../lib/connectors/types';
import type { Commitment } from '../../../../lib/model/bundle';
import type { OutboxEntry } from '../../../../lib/store/db';
import { FakeOrg } from './fake-org';
import { type Answer, type Call, fakeFetch, HAS_RECORDED, NO_RECORDED_REASON, noSleep, recorded, TOKENS } from './support';

const ACCOUNT = '001dM00003jU9GyQAK';
const commitment: Commitment = {
  id: 'cmt-sso-guide',
  accountId: `salesforce:${ACCOUNT}`,
  text: 'Send Ana the SSO setup guide',
  kind: 'commitment',
  owner: 'us',
  promisedBy: 'Maya Chen',
  promisedTo: 'Ana Silva',
  dueDate: '2026-12-08',
  status: 'open',
  contactId: 'salesforce:003dM00001vWOXJQA4',
};

const entry = (record: Commitment, op: OutboxEntry['op'] = 'upsert'): OutboxEntry => ({
  seq: 1,
  createdAt: '2026-12-01T09:00:00.000Z',
  entity: 'commitment',
  entityId: record.id,
  accountId: record.accountId,
  op,
  record,
  status: 'pending',
  attempts: 0,
});

/** The org, with an optional fault injected before it: e.g. the answer to a write lost on the way back. */
function connect(org: FakeOrg, externalIdField: string | null | undefined, fault?: (call: Call) => Answer | undefined) {
  const fake = fakeFetch(...(fault ? [fault] : []), org.handle);
  const connector = createSalesforceConnector({
    fetch: fake.fetch,
    tokens: () => TOKENS,
    refresh: async () => TOKENS,
    sleep: noSleep,
    externalIdField,
  });
  return { connector, calls: fake.calls };
}

/** Lets a write through to the org, then drops its answer once, as a dropped connection does. */
function loseAnswerOnce(org: FakeOrg, method: string) {
  let lost = false;
  return (call: Call): Answer | undefined => {
    if (lost || call.method !== method) return undefined;
    lost = true;
    org.handle(call);
    return new TypeError('network connection lost');
  };
}

describe('commitment → Task fields', () => {
  it('carry subject, description with the Glance marker, due date, status, account and contact', () => {
    expect(taskFields(commitment)).toEqual({
      Subject: 'Send Ana the SSO setup guide',
      Description: 'Send Ana the SSO setup guide\n\nPromised by Maya Chen to Ana Silva\n\nLogged in Glance [glance:cmt-sso-guide]',
      ActivityDate: '2026-12-08',
      Status: 'Not Started',
      WhatId: ACCOUNT,
      WhoId: '003dM00001vWOXJQA4',
    });
    expect(taskFields({ ...commitment, status: 'done' }).Status).toBe('Completed');
  });

  it('refuse a commitment whose account did not come from Salesforce, saying so', () => {
    expect(() => taskFields({ ...commitment, accountId: 'acc-globex' })).toThrow(/not linked to a Salesforce account/);
  });
});

describe('write-back with an external id field for Glance', () => {
  it('upserts on Glance_Id__c: a retry after a lost answer updates the same Task', async () => {
    const org = new FakeOrg();
    const { connector, calls } = connect(org, 'Glance_Id__c', loseAnswerOnce(org, 'PATCH'));
    // The upsert is idempotent, so the client repeats it at once when its answer is lost.
    await connector.push(entry(commitment));
    expect(org.tables.Task).toHaveLength(1);
    const retried = await connector.push(entry({ ...commitment, status: 'done' }));
    expect(org.tables.Task).toHaveLength(1);
    expect(org.tables.Task[0]).toMatchObject({ Id: retried.remoteId, Glance_Id__c: 'cmt-sso-guide', Status: 'Completed', WhatId: ACCOUNT });
    expect(
      calls.filter((c) => c.method === 'PATCH').every((c) => c.path === '/services/data/v62.0/sobjects/Task/Glance_Id__c/cmt-sso-guide'),
    ).toBe(true);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('finds the Task id by the external id when the upsert answers 204 without a body', async () => {
    const org = new FakeOrg();
    const noBody = (c: Call): Answer | undefined => {
      if (c.method !== 'PATCH') return undefined;
      org.handle(c);
      return { status: 204 };
    };
    const { connector, calls } = connect(org, 'Glance_Id__c', noBody);
    const result = await connector.push(entry(commitment));
    expect(result.remoteId).toBe(org.tables.Task[0].Id);
    expect(calls.at(-1)!.soql).toBe("SELECT Id FROM Task WHERE Glance_Id__c = 'cmt-sso-guide' LIMIT 2");
  });

  it('finds the field in the Task describe when the options do not name it', async () => {
    const org = new FakeOrg();
    const describe = {
      fields: [
        { name: 'Subject', externalId: false, custom: false },
        { name: 'Glance_Id__c', externalId: true, custom: true },
      ],
    };
    const { connector, calls } = connect(org, undefined, (c) =>
      c.path.endsWith('/sobjects/Task/describe') ? { status: 200, body: describe } : undefined,
    );
    await connector.push(entry(commitment));
    await connector.push(entry(commitment));
    expect(calls.filter((c) => c.path.endsWith('/describe'))).toHaveLength(1);
    expect(org.tables.Task).toHaveLength(1);
  });
});

describe('write-back without an external id field (marker in the Description)', () => {
  it('looks the task up before writing, so a retry after a lost answer does not create a second Task', async () => {
    const org = new FakeOrg();
    const { connector, calls } = connect(org, null, loseAnswerOnce(org, 'POST'));
    await expect(connector.push(entry(commitment))).rejects.toBeInstanceOf(ConnectorError);
    expect(org.tables.Task).toHaveLength(1);
    const retried = await connector.push(entry(commitment));
    expect(org.tables.Task).toHaveLength(1);
    expect(retried.remoteId).toBe(org.tables.Task[0].Id);
    const writes = calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);
    expect(writes).toEqual([`POST /services/data/v62.0/sobjects/Task/`, `PATCH /services/data/v62.0/sobjects/Task/${retried.remoteId}`]);
    expect(calls[0].soql).toBe(`SELECT Id, Description FROM Task WHERE WhatId = '${ACCOUNT}' ORDER BY CreatedDate DESC`);
  });

  it('a later change to the commitment updates its Task; a removal deletes it', async () => {
    const org = new FakeOrg();
    org.add('Task', { Id: '00TdM00000Kx1aAUAR', WhatId: ACCOUNT, Description: 'Someone else’s task' });
    const { connector } = connect(org, null);
    const created = await connector.push(entry(commitment));
    await connector.push(entry({ ...commitment, dueDate: '2026-12-15' }));
    expect(org.tables.Task.find((t) => t.Id === created.remoteId)).toMatchObject({ ActivityDate: '2026-12-15' });
    await connector.push(entry(commitment, 'delete'));
    expect(org.tables.Task.map((t) => t.Id)).toEqual(['00TdM00000Kx1aAUAR']);
    await expect(connector.push(entry(commitment, 'delete'))).resolves.toEqual({ remoteId: '' });
  });

  it('refuses entries that are not valid commitments with the reason', async () => {
    const { connector } = connect(new FakeOrg(), null);
    await expect(connector.push({ ...entry(commitment), record: { ...commitment, dueDate: '2026-02-30' } })).rejects.toThrow(
      /dueDate 2026-02-30 is not a calendar date/,
    );
    await expect(connector.push({ ...entry(commitment), entity: 'contact' })).rejects.toThrow(/commitments only, not contact/);
  });
});

describe.skipIf(!HAS_RECORDED)(`write-back on recorded shapes (skipped when ${NO_RECORDED_REASON})`, () => {
  it('the recorded Task describe has no Glance external id field, so the marker path is taken', () => {
    expect(glanceExternalIdField(recorded('describe-task.json').body)).toBeNull();
  });

  it('reads the id from the recorded external-id upsert answer (201 created)', async () => {
    const created = recorded<{ id: string }>('sobject-upsert-external-id-created-201.json');
    const { connector } = connect(new FakeOrg(), 'Glance_Id__c', (c) =>
      c.method === 'PATCH' ? { status: created.status, body: created.body } : undefined,
    );
    await expect(connector.push(entry(commitment))).resolves.toEqual({ remoteId: created.body.id });
  });
});
