/**
 * CRM sync throughput: the fake HubSpot portal (tests/fakes/) seeded with a big generated portal,
 * the built extension in Chromium pointed at it exactly as the end-to-end tests do (the real host
 * name mapped to the fake, the host permission granted, the token typed into the options page), and
 * the first sync of the whole CRM timed. A page keeps sending page.match for the Acme thread, as a
 * sidebar would, while the sync runs and again once it is idle.
 */
import type { Page } from 'playwright-core';
import { HUBSPOT_TOKEN, startHubSpotFake } from '../tests/fakes/hubspot.mjs';
import { grantHostPermission, launchGlance, serveHost, sidebarFrame } from '../tests/e2e/harness.mjs';
import { ACME_GMAIL_CONTEXT } from './contexts';
import { request } from './lookup';
import { inPage } from './in-page';
import { load } from './machine';
import { summarise, type Summary } from './stats';

/** HubSpot's private-app budget (paid tiers) and the page size of its list endpoints. */
export const HUBSPOT_CEILING = { calls: 190, windowMs: 10_000, recordsPerPage: 100 };

export interface SyncPortal {
  companies: number;
  contacts: number;
  deals: number;
  tickets: number;
  owners: number;
}

export interface SyncBench {
  crm: 'HubSpot';
  portal: SyncPortal;
  /** Connect clicked → the panel says the sync is done. */
  connectToDoneMs: number;
  /** The sync's first data request → the panel says done: the figure records/s is taken over. */
  syncMs: number;
  /** Records written, per kind, as the sync's own result says it. */
  written: Record<string, number>;
  /** What the store holds afterwards (store.summary). */
  stored: { accounts: number; contacts: number; tickets: number };
  requests: number;
  /** Data requests at the list page size the ceiling assumes. */
  listRequests: number;
  rejected: { tenSecond: number; search: number };
  /** Busiest rolling 10 s of requests the fake saw. */
  peakPerWindow: number;
  /** Time the fake spent answering (sum), and the gaps between an answer and the next request (the extension's own time). */
  fakeMs: number;
  gaps: Summary;
  lookups: { during: Summary; idle: Summary; errors: number; matchedDuring: number };
  /** The machine's 1-minute load average as the sync started, the highest seen while it ran, and after. */
  load: { before: number; max: number; after: number };
}

const PAUSE_MS = 50;
const IDLE_LOOKUPS = 200;
const ACME_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQVwXkLpRtGhZmNcJbBvDsWqHfT';

export async function benchSync(
  extensionDir: string,
  companies: number,
  contactsPerCompany: number,
  log: (m: string) => void,
  timeoutMs = 60 * 60_000,
): Promise<SyncBench> {
  const seed = { companies, contactsPerCompany, dealsPerCompany: 1, ticketsPerCompany: 1, owners: 20 };
  const seeding = Date.now();
  const fake = await startHubSpotFake({ seed });
  const portal: SyncPortal = {
    companies: fake.portal.objects.companies.size,
    contacts: fake.portal.objects.contacts.size,
    deals: fake.portal.objects.deals.size,
    tickets: fake.portal.objects.tickets.size,
    owners: fake.portal.owners.length,
  };
  log(`  fake HubSpot portal: ${JSON.stringify(portal)} generated in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
  const acmeId = `hubspot:company:${fake.records('companies')[0].id}`;
  const glance = await launchGlance({ extensionDir, hostMap: { 'api.hubapi.com': fake.port } });
  try {
    await grantHostPermission(glance, 'https://api.hubapi.com/*');
    // A Gmail tab on the Acme thread stays open through the sync, its sidebar following the changes.
    await serveHost(glance.context, 'https://mail.google.com/**', 'hosts/gmail-thread-v1.html');
    const gmail = await glance.context.newPage();
    await gmail.goto(ACME_THREAD_URL);
    await sidebarFrame(gmail);

    const options = await glance.context.newPage();
    await options.goto(glance.url('options.html'));
    // The whole CRM rather than her book (the options page's "Only the accounts I own in HubSpot", unticked).
    await request(options, 'sync.configure', { source: 'hubspot', herBook: false });
    const sidebar = await glance.context.newPage();
    await sidebar.goto(glance.url('options.html'));
    await startLookups(sidebar, acmeId);

    await options.getByRole('textbox', { name: 'HubSpot access token' }).fill(HUBSPOT_TOKEN);
    const loads = { before: load(), max: load(), after: 0 };
    const sampleLoad = setInterval(() => (loads.max = Math.max(loads.max, load())), 2_000);
    const clicked = Date.now();
    await options.getByRole('button', { name: 'Connect HubSpot' }).click();
    // The sync's own end (lastSyncAt, stamped by the worker on this machine's clock), not when a poll noticed it.
    const done = await syncFinished(options, fake.log, timeoutMs, log).finally(() => clearInterval(sampleLoad));
    loads.after = load();
    const during = await stopLookups(sidebar);
    const idle = await idleLookups(sidebar, acmeId);
    const { data: status } = await request<{ sources: Array<{ source: string; lastResult?: string; state: string; error?: string }> }>(
      options,
      'sync.status',
      {},
    );
    const hubspot = status.sources.find((s) => s.source === 'hubspot')!;
    const { data: summary } = await request<{ counts: Record<string, number> }>(options, 'store.summary', {});
    const requests = fake.log.filter((r) => r.path !== '/account-info/v3/details');
    const first = requests[0]?.at ?? clicked;
    const gaps: number[] = [];
    for (let i = 1; i < requests.length; i++) gaps.push(requests[i].at - requests[i - 1].answeredAt);
    return {
      crm: 'HubSpot',
      portal,
      connectToDoneMs: done - clicked,
      syncMs: done - first,
      written: parseWritten(hubspot.lastResult ?? ''),
      stored: { accounts: summary.counts.accounts ?? 0, contacts: summary.counts.contacts ?? 0, tickets: summary.counts.tickets ?? 0 },
      requests: requests.length,
      listRequests: requests.filter((r) => /^\/crm\/v3\/objects\/\w+$/.test(r.path) && r.method === 'GET').length,
      rejected: { ...fake.rejected },
      peakPerWindow: peakInWindow(
        requests.map((r) => r.at),
        HUBSPOT_CEILING.windowMs,
      ),
      fakeMs: requests.reduce((sum, r) => sum + (r.answeredAt - r.at), 0),
      gaps: summarise(gaps),
      lookups: {
        during: summarise(during.samples.map(([, ms]) => ms)),
        idle: summarise(idle.samples.map(([, ms]) => ms)),
        errors: during.errors + idle.errors,
        matchedDuring: during.samples.filter(([, , matched]) => matched).length,
      },
      load: loads,
    };
  } finally {
    await glance.close();
    await fake.close();
  }
}

/**
 * Until the panel says synced: resolves with the time the sync finished (its lastSyncAt). A sync that
 * stops with an error fails the bench with its message.
 */
async function syncFinished(options: Page, requests: unknown[], timeoutMs: number, log: (m: string) => void): Promise<number> {
  const panel = options.locator('[data-source="hubspot"]');
  const deadline = Date.now() + timeoutMs;
  let loggedAt = Date.now();
  for (;;) {
    const state = await panel.getAttribute('data-sync-state').catch(() => null);
    const lastSync = state === 'ok' ? await panel.getAttribute('data-last-sync') : null;
    if (lastSync) return Date.parse(lastSync);
    if (state === 'error' || state === 'reconnect') throw new Error(`the sync stopped: ${await panel.textContent()}`);
    if (Date.now() > deadline) throw new Error(`the sync did not finish in ${timeoutMs / 1000} s`);
    if (Date.now() - loggedAt >= 15_000) {
      log(`  … ${requests.length} requests so far`);
      loggedAt = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** "Synced 10,000 companies, 100,000 contacts, 10,000 renewal dates, …" → counts by Glance's record kind. */
export function parseWritten(text: string): Record<string, number> {
  const kinds: Record<string, string> = { companies: 'accounts', contacts: 'contacts', 'renewal dates': 'renewals', tickets: 'tickets' };
  const written: Record<string, number> = {};
  for (const [, n, word] of text.matchAll(/([\d,]+) (companies|contacts|renewal dates|tickets)/g))
    written[kinds[word]] = Number(n.replace(/,/g, ''));
  return written;
}

function peakInWindow(times: number[], windowMs: number): number {
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= windowMs) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

type Lookups = { samples: [number, number, boolean][]; errors: number };

/** Starts the look-up loop in the page and returns at once; it runs until stopLookups, or `limit` look-ups. */
async function startLookups(page: Page, acmeId: string, limit = Infinity): Promise<void> {
  await inPage(
    page,
    ({ context, pause, acmeId, limit }) => {
      const w = window as unknown as { __lookups: Promise<Lookups>; __stop: boolean };
      w.__stop = false;
      w.__lookups = (async () => {
        const samples: [number, number, boolean][] = [];
        let errors = 0;
        while (!w.__stop && samples.length < limit) {
          const started = performance.now();
          const reply = await (
            globalThis as unknown as {
              chrome: {
                runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean; data?: { match?: { status?: string; accountId?: string } } }> };
              };
            }
          ).chrome.runtime.sendMessage({ glance: 'request', type: 'page.match', payload: { context } });
          samples.push([performance.timeOrigin + started, performance.now() - started, reply?.data?.match?.accountId === acmeId]);
          if (!reply?.ok) errors++;
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
        return { samples, errors };
      })();
    },
    // JSON has no Infinity.
    { context: ACME_GMAIL_CONTEXT, pause: PAUSE_MS, acmeId, limit: Number.isFinite(limit) ? limit : 1e12 },
  );
}

function stopLookups(page: Page, stop = true): Promise<Lookups> {
  return page.evaluate(async (stop) => {
    const w = window as unknown as { __lookups: Promise<Lookups>; __stop: boolean };
    if (stop) w.__stop = true;
    return w.__lookups;
  }, stop);
}

/** The same look-ups with the sync finished: every answer must be the synced Acme company. */
async function idleLookups(page: Page, acmeId: string): Promise<Lookups> {
  await startLookups(page, acmeId, IDLE_LOOKUPS);
  const idle = await stopLookups(page, false);
  return { samples: idle.samples, errors: idle.errors + idle.samples.filter(([, , matched]) => !matched).length };
}
