/**
 * CRM sync as a CSM meets it, in real Chromium against the fake HubSpot and Salesforce: connect,
 * the first sync, "Sync now" picking up an edit and a deletion, the synced account beside a Gmail
 * thread, and a promise logged in Gmail that becomes exactly one task in the CRM even when the
 * first attempt gets a 500 and the service worker is stopped before the retry; the same for an email
 * logged from the sidebar ("Log this email"), which becomes one HubSpot note and one Salesforce Task.
 * Written against the ui-contract hooks of the Connections panel (options page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { HUBSPOT_TOKEN } from '../fakes/hubspot.mjs';
import { CRM_HOST_PATTERNS, launchWithCrmFakes, SALESFORCE_HOST, startCrmFakes } from './crm-fakes';
import { grantHostPermission, serveHost, sidebarFrame, type Glance } from './harness.mjs';
import { selectText } from './selection';
import { stopServiceWorker } from './service-worker';

/** The Acme Robotics thread: dana.whitfield@acmerobotics.com writes to casey.morgan@northpeak.io (the fakes' first owner). */
const ACME_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';
const PROMISE = "We'll send the security questionnaire by Friday.";
const SYNC_TIMEOUT = { timeout: 60_000 };

type Fakes = Awaited<ReturnType<typeof startCrmFakes>>;

async function setUp(seed: { companies?: number; accounts?: number }) {
  const fakes = await startCrmFakes({
    hubspot: { seed: { companies: seed.companies ?? 30 } },
    salesforce: { seed: { accounts: seed.accounts ?? 30 } },
  });
  const glance = await launchWithCrmFakes(fakes);
  for (const pattern of CRM_HOST_PATTERNS) await grantHostPermission(glance, pattern);
  await serveHost(glance.context, 'https://mail.google.com/**', 'hosts/gmail-thread-v1.html');
  const options = await glance.context.newPage();
  await options.goto(glance.url('options.html'));
  return { fakes, glance, options };
}

const panel = (options: Page, source: 'hubspot' | 'salesforce') => options.locator(`[data-source="${source}"]`);

async function syncedOk(options: Page, source: 'hubspot' | 'salesforce', after?: string | null) {
  await panel(options, source).and(options.locator('[data-sync-state="ok"][data-last-sync]')).waitFor(SYNC_TIMEOUT);
  if (after) await expect.poll(() => panel(options, source).getAttribute('data-last-sync'), SYNC_TIMEOUT).not.toBe(after);
  return panel(options, source).getAttribute('data-last-sync');
}

/** "My book": the grid is virtualised (only rows on screen are in the DOM), so the count is its aria-rowcount less the header. */
async function openBook(glance: Glance, prefix: string) {
  const book = await glance.context.newPage();
  await book.goto(glance.url('book.html'));
  await book.locator(`[data-account-id^="${prefix}"]`).first().waitFor(SYNC_TIMEOUT);
  // The book opens on her own accounts; the sync brings everyone's, so the count is over all of them.
  await book.getByRole('switch', { name: 'All accounts' }).check();
  return book;
}

const accountsInBook = async (book: Page) => Number(await book.getByRole('grid', { name: 'Accounts' }).getAttribute('aria-rowcount')) - 1;

/** The rows the book's own "Filter accounts" search finds for a company name. */
async function rowsFound(book: Page, name: string, expected: number) {
  await book.getByRole('searchbox', { name: 'Filter accounts' }).fill(name);
  await expect.poll(() => accountsInBook(book), SYNC_TIMEOUT).toBe(expected);
  return book
    .locator('[data-account-id]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-account-id'), e.textContent ?? ''] as const));
}

/** Logs PROMISE from the Gmail thread's sidebar; returns the Gmail page, its sidebar and the commitment id. */
async function logPromiseInGmail(glance: Glance, accountId: string): Promise<{ page: Page; frame: Frame; commitmentId: string }> {
  const page = await glance.context.newPage();
  await page.goto(ACME_THREAD_URL);
  const frame = await sidebarFrame(page);
  await frame.locator(`[data-account-id="${accountId}"]`).waitFor(SYNC_TIMEOUT);
  await page.evaluate(selectText, PROMISE);
  await frame.getByRole('button', { name: 'Log promise' }).click();
  await frame.getByRole('textbox', { name: 'Promise' }).press('Enter');
  const item = frame.locator('[data-commitment-id]', { hasText: PROMISE });
  await item.waitFor();
  return { page, frame, commitmentId: (await item.getAttribute('data-commitment-id'))! };
}

/** The first attempt is stored by the CRM but answered 500; the worker is stopped; "Sync now" retries. */
async function pushThroughA500AndARestart(
  options: Page,
  page: Page,
  commitmentId: string,
  source: 'hubspot' | 'salesforce',
  fake: Fakes['hubspot'] | Fakes['salesforce'],
  createPath: RegExp,
) {
  fake.failNext(createPath, { as: 500, afterHandling: true });
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => fake.log.some((r) => createPath.test(`${r.method} ${r.path}`) && r.status === 500), SYNC_TIMEOUT).toBe(true);
  // The options page shows the write-back still waiting, not lost and not failed for good.
  await options.locator(`[data-outbox-id="${commitmentId}"][data-outbox-state="pending"]`).waitFor(SYNC_TIMEOUT);
  await stopServiceWorker(page);
  await options.getByRole('button', { name: 'Sync now' }).click();
  const unsent = options.locator(`[data-outbox-id="${commitmentId}"]:not([data-outbox-state="sent"])`);
  await expect.poll(() => unsent.count(), SYNC_TIMEOUT).toBe(0);
  // Once more: a sync with nothing new to write makes no second task.
  const last = await syncedOk(options, source);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await syncedOk(options, source, last);
}

/**
 * "Log this email" in the sidebar's Found in this email section, with the CRM's first create stored but
 * answered 500 and the worker stopped before the retry; returns once the options page lists it as sent.
 */
async function logEmailThroughA500AndARestart(
  glance: Glance,
  options: Page,
  accountId: string,
  fake: Fakes['hubspot'] | Fakes['salesforce'],
  createPath: RegExp,
) {
  fake.failNext(createPath, { as: 500, afterHandling: true });
  const page = await glance.context.newPage();
  await page.goto(ACME_THREAD_URL);
  const frame = await sidebarFrame(page);
  await frame.locator(`[data-account-id="${accountId}"]`).waitFor(SYNC_TIMEOUT);
  await frame.getByRole('button', { name: 'Log this email' }).click();
  await frame.getByText('Logged as a touch on').waitFor();
  await expect.poll(() => fake.log.some((r) => createPath.test(`${r.method} ${r.path}`) && r.status === 500), SYNC_TIMEOUT).toBe(true);
  const item = options.locator('[data-outbox-id]', { hasText: 'Email:' });
  await item.and(options.locator('[data-outbox-state="pending"]')).waitFor(SYNC_TIMEOUT);
  await stopServiceWorker(page);
  await options.getByRole('button', { name: 'Sync now' }).click();
  await item.and(options.locator('[data-outbox-state="sent"]')).waitFor(SYNC_TIMEOUT);
  await page.close();
}

describe('HubSpot sync against the fake portal, in real Chromium', () => {
  let fakes: Fakes;
  let glance: Glance;
  let options: Page;
  let lastSync: string | null;
  beforeAll(async () => {
    ({ fakes, glance, options } = await setUp({ companies: 30 }));
  });
  afterAll(async () => {
    await glance?.close();
    await fakes?.close();
  });

  it('connects with a private-app token, shows the portal, and the first sync brings every company', async () => {
    await options.getByRole('textbox', { name: 'HubSpot access token' }).fill(HUBSPOT_TOKEN);
    await options.getByRole('button', { name: 'Connect HubSpot' }).click();
    lastSync = await syncedOk(options, 'hubspot');
    await expect(panel(options, 'hubspot').textContent()).resolves.toContain(String(fakes.hubspot.portalId));
    const book = await openBook(glance, 'hubspot:company:');
    await expect.poll(() => accountsInBook(book), SYNC_TIMEOUT).toBe(30);
    await book.close();
    expect(fakes.hubspot.log.every((r) => r.status < 400)).toBe(true);
  });

  it('"Sync now" picks up a renamed company and drops an archived one', async () => {
    const [renamed, archived] = fakes.hubspot.records('companies').slice(5, 7);
    fakes.hubspot.edit('companies', renamed.id, { name: 'Renamed In HubSpot' });
    fakes.hubspot.archive('companies', archived.id);
    fakes.hubspot.clock.advance(60_000);
    await options.getByRole('button', { name: 'Sync now' }).click();
    lastSync = await syncedOk(options, 'hubspot', lastSync);
    const book = await openBook(glance, 'hubspot:company:');
    await expect.poll(() => accountsInBook(book), SYNC_TIMEOUT).toBe(29);
    const renamedRows = await rowsFound(book, 'Renamed In HubSpot', 1);
    expect(renamedRows[0]).toEqual([`hubspot:company:${renamed.id}`, expect.stringContaining('Renamed In HubSpot')]);
    expect(await rowsFound(book, String(archived.properties.name), 0)).toEqual([]);
    await book.close();
  });

  it('shows the synced account beside the Gmail thread from its domain, marked with the time of its sync', async () => {
    const acme = fakes.hubspot.records('companies')[0];
    const page = await glance.context.newPage();
    await page.goto(ACME_THREAD_URL);
    const frame = await sidebarFrame(page);
    await frame.locator(`[data-account-id="hubspot:company:${acme.id}"]`).waitFor(SYNC_TIMEOUT);
    await expect(frame.locator('[data-synced-at]').count()).resolves.toBe(1);
    // The sidebar's "synced" mark is the time of the sync that brought the account, as the options page shows it.
    const syncedAt = await frame.locator('[data-synced-at]').getAttribute('data-synced-at');
    expect(Number.isNaN(Date.parse(syncedAt!))).toBe(false);
    expect(Date.parse(syncedAt!)).toBeLessThanOrEqual(Date.parse(lastSync!));
    await page.close();
  });

  it('a promise logged in Gmail is exactly one task on the company, through a 500 and a stopped service worker', async () => {
    const acme = fakes.hubspot.records('companies')[0];
    const { page, commitmentId } = await logPromiseInGmail(glance, `hubspot:company:${acme.id}`);
    await pushThroughA500AndARestart(options, page, commitmentId, 'hubspot', fakes.hubspot, /^POST \/crm\/v3\/objects\/tasks$/);
    expect(fakes.hubspot.tasks()).toHaveLength(1);
    expect(fakes.hubspot.tasks()[0]).toMatchObject({
      companyIds: [acme.id],
      properties: { hs_task_subject: expect.stringContaining('security questionnaire') },
    });
  });

  it('an email logged from the sidebar is exactly one note on the company and its contact, through a 500 and a stopped worker', async () => {
    const acme = fakes.hubspot.records('companies')[0];
    const dana = fakes.hubspot.records('contacts').find((c) => c.properties.email === 'dana.whitfield@acmerobotics.com')!;
    await logEmailThroughA500AndARestart(glance, options, `hubspot:company:${acme.id}`, fakes.hubspot, /^POST \/crm\/v3\/objects\/notes$/);
    expect(fakes.hubspot.notes()).toHaveLength(1);
    expect(fakes.hubspot.notes()[0]).toMatchObject({ companyIds: [acme.id], contactIds: expect.arrayContaining([dana.id]) });
    expect(fakes.hubspot.notes()[0].properties.hs_note_body).toContain('Email:');
    // The promise's task is still the only task: the email did not become one.
    expect(fakes.hubspot.tasks()).toHaveLength(1);
  });
});

describe('Salesforce sync against the fake org, in real Chromium', () => {
  let fakes: Fakes;
  let glance: Glance;
  let options: Page;
  beforeAll(async () => {
    ({ fakes, glance, options } = await setUp({ accounts: 30 }));
  });
  afterAll(async () => {
    await glance?.close();
    await fakes?.close();
  });

  it('connects through OAuth with PKCE against the My Domain, and the first sync brings every account she owns', async () => {
    await options.getByRole('textbox', { name: 'Salesforce domain' }).fill(SALESFORCE_HOST);
    await options.getByRole('textbox', { name: 'Consumer key' }).fill(fakes.salesforce.consumerKey);
    await options.getByRole('button', { name: 'Connect Salesforce' }).click();
    await syncedOk(options, 'salesforce');
    expect(fakes.salesforce.log.some((r) => r.path === '/services/oauth2/authorize' && r.status === 302)).toBe(true);
    expect(
      fakes.salesforce.log.some((r) => r.path === '/services/oauth2/token' && r.status === 200 && r.body.includes('code_verifier=')),
    ).toBe(true);
    // Her book is the default (docs/connectors/sync.md): every account the signed-in user owns, and only those.
    const hers = fakes.salesforce.records('Account').filter((a) => a.OwnerId === fakes.salesforce.userId);
    expect(hers.length).toBeGreaterThan(0);
    expect(hers.length).toBeLessThan(30);
    const book = await openBook(glance, 'salesforce:');
    await expect.poll(() => accountsInBook(book), SYNC_TIMEOUT).toBe(hers.length);
    const shown = await book.locator('[data-account-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-account-id')));
    expect(shown.sort()).toEqual(hers.map((a) => `salesforce:${String(a.Id)}`).sort());
    await book.close();
  });

  it('a promise logged in Gmail is exactly one Task on the account, through a 500 and a stopped service worker', async () => {
    const acme = fakes.salesforce.records('Account')[0];
    const { page, commitmentId } = await logPromiseInGmail(glance, `salesforce:${String(acme.Id)}`);
    await pushThroughA500AndARestart(
      options,
      page,
      commitmentId,
      'salesforce',
      fakes.salesforce,
      /^POST \/services\/data\/v\d+\.\d\/sobjects\/Task\/?$/,
    );
    expect(fakes.salesforce.tasks()).toHaveLength(1);
    expect(fakes.salesforce.tasks()[0]).toMatchObject({ WhatId: acme.Id, Subject: expect.stringContaining('security questionnaire') });
  });

  it('an email logged from the sidebar is exactly one completed Email Task, through a 500 and a stopped worker', async () => {
    const acme = fakes.salesforce.records('Account')[0];
    const dana = fakes.salesforce.records('Contact').find((c) => c.Email === 'dana.whitfield@acmerobotics.com')!;
    await logEmailThroughA500AndARestart(
      glance,
      options,
      `salesforce:${String(acme.Id)}`,
      fakes.salesforce,
      /^POST \/services\/data\/v\d+\.\d\/sobjects\/Task\/?$/,
    );
    const emails = fakes.salesforce.tasks().filter((t) => t.TaskSubtype === 'Email');
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ WhatId: acme.Id, WhoId: dana.Id, Status: 'Completed', Subject: expect.stringMatching(/^Email: /) });
    expect(fakes.salesforce.tasks()).toHaveLength(2);
  });

  it('switching to the whole org and back to her book removes the accounts that are not hers again, and says so', async () => {
    const hers = fakes.salesforce.records('Account').filter((a) => a.OwnerId === fakes.salesforce.userId);
    const mine = panel(options, 'salesforce').getByRole('checkbox', { name: 'Only the accounts I own in Salesforce' });
    let last = await syncedOk(options, 'salesforce');
    // The box follows the saved setting, so it changes once the background has it.
    await mine.click();
    await expect.poll(() => mine.isChecked(), SYNC_TIMEOUT).toBe(false);
    last = await syncedOk(options, 'salesforce', last);
    const book = await openBook(glance, 'salesforce:');
    await expect.poll(() => accountsInBook(book), SYNC_TIMEOUT).toBe(30);
    await mine.click();
    await expect.poll(() => mine.isChecked(), SYNC_TIMEOUT).toBe(true);
    await syncedOk(options, 'salesforce', last);
    await expect
      .poll(() => panel(options, 'salesforce').textContent(), SYNC_TIMEOUT)
      .toContain(`Removed ${30 - hers.length} Salesforce accounts no longer in your book`);
    await book.reload();
    await book.getByRole('switch', { name: 'All accounts' }).check();
    await expect.poll(() => accountsInBook(book), SYNC_TIMEOUT).toBe(hers.length);
    await book.close();
  });
});
