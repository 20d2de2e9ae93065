/**
 * Seeds a big book straight into the extension's IndexedDB from one of its pages: the book bench
 * measures the insights cache and the book page, not the import (bench/import.ts times that), and
 * a 1M-contact import through the options page takes many minutes.
 */
import type { Page } from 'playwright-core';
import { inPage } from './in-page';

export interface SeedOptions {
  accounts: number;
  contactsPerAccount: number;
  owner: string;
}

/** Writes accounts, contacts, a touch per account and a commitment every fifth account; returns the contact count. */
export function seedBook(page: Page, options: SeedOptions): Promise<{ contacts: number; commitments: number; ms: number }> {
  return inPage(
    page,
    async ({ accounts, contactsPerAccount, owner }) => {
      const started = performance.now();
      const DAY = 86_400_000;
      const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
      const day = (offset: number) => new Date(today + offset * DAY).toISOString().slice(0, 10);
      const pad = (i: number) => String(i).padStart(6, '0');
      const freq = ['daily', 'weekly', 'monthly', 'rarely'];
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open('glance');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const put = (store: string, records: object[]) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          for (const r of records) os.put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      let contacts = 0;
      let commitments = 0;
      const BATCH = 2000;
      for (let from = 0; from < accounts; from += BATCH) {
        const acc: object[] = [];
        const con: object[] = [];
        const com: object[] = [];
        const act: object[] = [];
        for (let i = from; i < Math.min(accounts, from + BATCH); i++) {
          const id = `bench-${pad(i)}`;
          const name = `Bench Company ${pad(i)}`;
          const domain = `bench${i}.example.com`;
          const seats = 50 + (i % 200);
          acc.push({
            id,
            name,
            domains: [domain],
            owner: i % 10 === 0 ? 'someone.else@northpeak.io' : owner,
            arr: 5_000 + ((i * 7919) % 300_000),
            renewalDate: day((i % 400) - 20),
            loginFrequency: freq[i % 4],
            licensedSeats: seats,
            activeSeats: Math.round(seats * (0.4 + (i % 60) / 100)),
            execSponsor: i % 3 === 0 ? 'none' : 'active',
            nps: [{ date: day(-40), score: 5 + (i % 6) }],
            healthHistory: [
              { date: day(-60), score: 50 + (i % 50) },
              { date: day(-30), score: 45 + ((i * 3) % 55) },
            ],
            _domains: [domain],
            _name: name.toLowerCase(),
          });
          // One pack per account, as lib/store/contacts.ts stores them (contacts sorted by id).
          const pack: { id: string; email: string; [field: string]: unknown }[] = [];
          for (let c = 0; c < contactsPerAccount; c++) {
            const email = `p${c}@${domain}`;
            const departed = c === 0 && i % 97 === 0;
            pack.push({
              id: `${id}-p${c}`,
              accountId: id,
              name: `Person ${c} of ${pad(i)}`,
              email,
              role: c === 0 ? 'champion' : 'user',
              ...(departed ? { status: 'departed', departedAt: day(-5) } : { status: 'active', lastResponseAt: day(-(i % 20)) }),
              _email: email,
            });
            contacts++;
          }
          pack.sort((a, b) => (a.id < b.id ? -1 : 1));
          con.push({
            accountId: id,
            contacts: pack,
            _ids: pack.map((c) => c.id),
            _emails: pack.map((c) => c.email),
            _names: [],
            _sf: [],
            _hs: [],
          });
          if (i % 5 === 0) {
            com.push({
              id: `${id}-k1`,
              accountId: id,
              text: `Send the plan to ${name}`,
              kind: 'commitment',
              owner: 'us',
              dueDate: day((i % 21) - 10),
              status: 'open',
            });
            commitments++;
          }
          act.push({ id: `${id}-a1`, accountId: id, type: 'email', date: `${day(-(i % 45))}T10:00:00.000Z`, summary: 'Check-in' });
        }
        await put('accounts', acc);
        await put('contactPacks', con);
        await put('commitments', com);
        await put('activities', act);
      }
      db.close();
      return { contacts, commitments, ms: performance.now() - started };
    },
    options,
  );
}
