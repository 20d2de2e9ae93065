// @vitest-environment node
/**
 * "Log this email" reaches each CRM exactly once: a HubSpot note on the company and the thread's
 * contact, a completed Salesforce Task (TaskSubtype Email) on the account and contact. Pushed twice,
 * and again after a 500 that followed the write, it is still one note / one Task.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotConnector } from '../../../lib/connectors/hubspot/index';
import { createSalesforceConnector } from '../../../lib/connectors/salesforce/index';
import type { OutboxEntry } from '../../../lib/store/db';
import { fetchTo } from '../../fakes/http.mjs';
import { HUBSPOT_TOKEN, startHubSpotFake } from '../../fakes/hubspot.mjs';
import { startSalesforceFake } from '../../fakes/salesforce.mjs';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** The outbox entry "Log this email" queues (lib/service/thread.ts). */
function loggedEmail(accountId: string, contactIds: string[]): OutboxEntry {
  const id = 't-email-0a1b2c3d4e5f6a7b';
  return {
    createdAt: '2026-12-01T10:00:00.000Z',
    entity: 'activity',
    entityId: id,
    accountId,
    op: 'upsert',
    record: {
      id,
      accountId,
      type: 'email',
      date: '2026-11-30T16:20:00.000Z',
      summary: 'Email: Renewal timing and the SSO rollout',
      contactIds,
      url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmvVkBtQ',
    },
    status: 'pending',
    attempts: 0,
  };
}

describe('HubSpot: a logged email is one note', () => {
  async function setUp(options: { searchLagMs?: number } = {}) {
    const fake = await startHubSpotFake({ http: true, seed: { companies: 3 }, ...options });
    close = fake.close;
    const connector = createHubSpotConnector({
      accessToken: HUBSPOT_TOKEN,
      fetch: fetchTo(fake.httpOrigin!),
      random: () => 0.5,
      now: () => new Date(fake.clock.now()),
    });
    const company = fake.records('companies')[0];
    const contact = fake.records('contacts').find((c: { companyIds: string[] }) => c.companyIds[0] === company.id)!;
    const entry = loggedEmail(`hubspot:company:${company.id}`, [`hubspot:contact:${contact.id}`, 'someone-imported']);
    return { fake, connector, company, contact, entry };
  }

  it('pushed twice, it is one note on the company and the contact, dated when the email was sent', async () => {
    const { fake, connector, company, contact, entry } = await setUp();
    const first = await connector.push(entry);
    const second = await connector.push(entry);
    expect(second.remoteId).toBe(first.remoteId);
    expect(fake.notes()).toHaveLength(1);
    expect(fake.tasks()).toHaveLength(0);
    const note = fake.notes()[0];
    expect(note).toMatchObject({ id: first.remoteId, companyIds: [company.id], contactIds: [contact.id] });
    expect(note.properties.hs_timestamp).toBe('2026-11-30T16:20:00.000Z');
    expect(note.properties.hs_note_body).toContain('Email: Renewal timing and the SSO rollout');
  });

  it('a create HubSpot stored but answered with a 500 is found on the retry, even before search has caught up', async () => {
    const { fake, connector, entry } = await setUp({ searchLagMs: 30_000 });
    fake.failNext(/^POST \/crm\/v3\/objects\/notes$/, { as: 500, afterHandling: true });
    await expect(connector.push(entry)).rejects.toMatchObject({ kind: 'transient' });
    expect(fake.notes()).toHaveLength(1);
    const retry = await connector.push(entry);
    expect(fake.notes()).toHaveLength(1);
    expect(retry.remoteId).toBe(fake.notes()[0].id);
  });

  it('an account not linked to a HubSpot company is refused for good, with the reason', async () => {
    const { connector } = await setUp();
    await expect(connector.push(loggedEmail('acme-imported', []))).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('not linked to a HubSpot company'),
    });
  });
});

describe('Salesforce: a logged email is one completed Email Task', () => {
  async function setUp(externalIdField: string | null) {
    const fake = await startSalesforceFake({ http: true, seed: { accounts: 3 }, externalIdField });
    close = fake.close;
    const t = fake.issueTokens();
    const tokens = { accessToken: t.access_token, refreshToken: t.refresh_token, instanceUrl: t.instance_url, identityUrl: t.id };
    const connector = createSalesforceConnector({
      fetch: fetchTo(fake.httpOrigin!),
      tokens: () => tokens,
      refresh: async () => tokens,
      now: () => new Date(fake.clock.now()),
      sleep: async () => undefined,
    });
    const account = fake.records('Account')[0];
    const contact = fake.records('Contact').find((c: Record<string, unknown>) => c.AccountId === account.Id)!;
    const seeded = fake.tasks().length;
    const entry = loggedEmail(`salesforce:${String(account.Id)}`, [`salesforce:${String(contact.Id)}`]);
    const written = () => fake.tasks().slice(seeded);
    return { fake, connector, account, contact, entry, written };
  }

  for (const externalIdField of [null, 'Glance_Id__c']) {
    it(`${externalIdField ? 'with' : 'without'} an external id field: pushed twice and after a lost answer, one Task`, async () => {
      const { fake, connector, account, contact, entry, written } = await setUp(externalIdField);
      fake.failNext(/^(POST|PATCH) \/services\/data\/v\d+\.\d\/sobjects\/Task\//, { as: 500, afterHandling: true });
      await expect(connector.push(entry)).rejects.toMatchObject({ kind: 'transient' });
      const first = await connector.push(entry);
      const second = await connector.push(entry);
      expect(second.remoteId).toBe(first.remoteId);
      expect(written()).toHaveLength(1);
      expect(written()[0]).toMatchObject({
        Id: first.remoteId,
        Subject: 'Email: Renewal timing and the SSO rollout',
        Status: 'Completed',
        TaskSubtype: 'Email',
        ActivityDate: '2026-11-30',
        WhatId: account.Id,
        WhoId: contact.Id,
      });
      if (externalIdField) expect(written()[0][externalIdField]).toBe(entry.entityId);
    });
  }

  it('the Task it wrote is not read back as a second activity', async () => {
    const { connector, entry } = await setUp(null);
    await connector.push(entry);
    let cursor: string | null = null;
    const activities = [];
    for (;;) {
      const page = await connector.pull('activities', cursor);
      activities.push(...(page.records.activities ?? []));
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(activities.some((a) => a.summary?.includes('Renewal timing'))).toBe(false);
  });
});
