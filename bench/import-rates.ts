/**
 * The import's yardsticks, measured in the same browser as the import: how fast this Chromium puts
 * the book's contacts as individual records with Glance's contact indexes and no journal (the bare
 * put rate), and how a glance compares with a bare IndexedDB look-up, both as round trips from an
 * extension page to the background.
 */
import type { Page } from 'playwright-core';
import type { ImportTiming } from './import';
import { STAGED_CHUNK } from '../lib/store/import-journal';
import { SCHEMA_V4 } from '../lib/store/db';
import { inPage } from './in-page';
import { RANKED, request, requestSamples, type RequestCase } from './lookup';
import { summarise, type Summary } from './stats';

export interface BarePut {
  contacts: number;
  ms: number;
}

export interface ImportYardsticks {
  accounts: number;
  contacts: number;
  records: number;
  timing: ImportTiming;
  bare: BarePut;
  glance: GlanceVersusBare;
}

export interface GlanceVersusBare {
  match: Summary;
  bare: Summary;
}

/** Records per second of an import: accounts, contacts and every other record it carried. */
export const perSecond = (records: number, ms: number) => (records / ms) * 1000;

/**
 * The book file's contacts put into a scratch database, in transactions of the commit's chunk size,
 * with the indexes Glance's contact table has. The file is read in the page (as the options page does).
 */
export async function timeBarePut(page: Page, filePath: string): Promise<BarePut> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-bare-put';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-bare-put', filePath);
  const indexes = SCHEMA_V4.contacts
    .split(',')
    .map((s) => s.trim())
    .slice(1);
  return inPage(
    page,
    async ({ indexes, chunk }) => {
      const file = (document.getElementById('bench-bare-put') as HTMLInputElement).files![0]!;
      const book = JSON.parse(await file.text()) as { contacts: Record<string, unknown>[] };
      // The index fields as Glance derives them (lib/store/keys.ts), near enough for a write rate.
      const rows = book.contacts.map((c) => {
        const crm = (c.crm ?? {}) as { salesforceId?: string; hubspotId?: string };
        return {
          ...c,
          _email: String(c.email).toLowerCase(),
          _name: String(c.name ?? '').toLowerCase(),
          ...(crm.salesforceId ? { _sf: crm.salesforceId } : {}),
          ...(crm.hubspotId ? { _hs: crm.hubspotId } : {}),
        };
      });
      const done = (r: IDBRequest | IDBTransaction, event: 'success' | 'complete') =>
        new Promise<void>((resolve, reject) => {
          r.addEventListener(event, () => resolve());
          r.addEventListener('error', () => reject(r.error));
          r.addEventListener('abort', () => reject(r.error));
        });
      const name = `bench-bare-put-${Date.now()}`;
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('contacts', { keyPath: 'id' });
        for (const index of indexes) store.createIndex(index, index);
      };
      await done(open, 'success');
      const db = open.result;
      const started = performance.now();
      for (let i = 0; i < rows.length; i += chunk) {
        const tx = db.transaction('contacts', 'readwrite');
        const store = tx.objectStore('contacts');
        for (let j = i; j < Math.min(rows.length, i + chunk); j++) store.put(rows[j]);
        await done(tx, 'complete');
      }
      const ms = performance.now() - started;
      db.close();
      await done(indexedDB.deleteDatabase(name), 'success');
      return { contacts: rows.length, ms };
    },
    { indexes, chunk: STAGED_CHUNK },
  );
}

/** Waits until the background has judged the whole book (book.query no longer says it is updating). */
export async function waitForInsightsPass(page: Page, timeoutMs = 10 * 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await request<{ updating: boolean }>(page, 'book.query', { query: RANKED, offset: 0, limit: 1 })).data.updating) {
    if (Date.now() > until) throw new Error('The insights pass after the import did not end in time.');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * page.match for a thread against the bare look-up of the same run, sampled alternately in rounds so
 * that a busy moment of the machine falls on both. The bare look-up is settings.get: a round trip to
 * the background and one IndexedDB read, no matching.
 */
export async function timeGlanceVersusBare(page: Page, match: RequestCase, calls: number, warmup: number): Promise<GlanceVersusBare> {
  const bare: RequestCase = { label: 'settings.get', type: 'settings.get', payload: {}, expect: {} };
  const rounds = 4;
  const matchSamples: number[] = [];
  const bareSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    matchSamples.push(...(await requestSamples(page, match, Math.ceil(calls / rounds), r === 0 ? warmup : 0)));
    bareSamples.push(...(await requestSamples(page, bare, Math.ceil(calls / rounds), r === 0 ? warmup : 0)));
  }
  return { match: summarise(matchSamples), bare: summarise(bareSamples) };
}
