/**
 * A big import is committed in batches, one transaction each. Whatever stops it (the service worker
 * killed between two batches, the page closed), the book ends with all of the import or none of it.
 * fake-indexeddb stands in for the browser's store; "a crash" is the service dropped between two
 * requests and a new one started on the same database, as Chrome does with the worker.
 */
import { contactsBy, contactsOf, getContact } from '../../../lib/store/contacts';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageContext } from '../../../lib/hosts/types';
import { STAGED_CHUNK } from '../../../lib/store/import-journal';
import { exportBundle } from '../../../lib/store/records';
import { bookRecords, freshDbName, NOW, startService } from './harness';

const services: ReturnType<typeof startService>[] = [];
afterEach(() => services.splice(0).forEach((s) => s.db.close()));
/** A minute later: when a stopped worker starts again. */
const LATER = new Date(NOW.getTime() + 60_000);
const start = (dbName: string, now = NOW) => {
  const service = startService(now, { dbName, commitStepMs: 0 });
  services.push(service);
  return service;
};

/** More accounts than one batch holds, plus one that replaces a stored account. */
const bigFile = () => ({
  accounts: [
    ...Array.from({ length: STAGED_CHUNK + 10 }, (_, i) => ({ id: `acc-big-${i}`, name: `Big ${i}`, domains: [`big${i}.example`] })),
    { id: 'acc-harbor', name: 'Harbor Freight (renamed)' },
  ],
  contacts: [{ id: 'con-big', accountId: 'acc-big-1', name: 'Bea', email: 'bea@big1.example' }],
});

describe('an import interrupted part-way', () => {
  it('is resumed after a restart between two batches and completes, and the options page says so', async () => {
    const dbName = freshDbName();
    const first = start(dbName);
    await first.importRecords('book.json', bookRecords());
    const importId = await first.stageRecords('big.json', bigFile());
    const step = await first.run('import.commit', { importId });
    expect(step).toMatchObject({ done: false, written: STAGED_CHUNK });
    expect(await first.db.accounts.count()).toBe(3 + STAGED_CHUNK);
    first.db.close(); // the worker is stopped here

    const restarted = start(dbName, LATER);
    await restarted.recoverImports();
    expect(await restarted.db.accounts.count()).toBe(3 + STAGED_CHUNK + 10);
    expect((await restarted.db.accounts.get('acc-harbor'))?.name).toBe('Harbor Freight (renamed)');
    expect(await getContact(restarted.db, 'con-big')).toMatchObject({ _email: 'bea@big1.example' });
    expect(await restarted.db.importStaged.count()).toBe(0);
    expect(await restarted.db.importUndo.count()).toBe(0);
    const summary = await restarted.run('store.summary', {});
    expect(summary.interruptedImport).toMatchObject({
      name: 'big.json',
      state: 'committed',
      recovery: 'resumed',
      written: STAGED_CHUNK + 12,
    });
    expect(summary.lastImport).toMatchObject({
      name: 'big.json',
      recovery: 'resumed',
      counts: { accounts: STAGED_CHUNK + 11, contacts: 1 },
    });
    // The page that was waiting on it asks again and is told it is done.
    expect(await restarted.run('import.commit', { importId })).toMatchObject({ done: true, written: STAGED_CHUNK + 12 });
  });

  it('is rolled back when the page gives up on it, batch by batch, back to the book as it was', async () => {
    const dbName = freshDbName();
    const service = start(dbName);
    await service.importRecords('book.json', bookRecords());
    const before = await exportBundle(service.db, NOW);
    const importId = await service.stageRecords('big.json', bigFile());
    await service.run('import.commit', { importId });
    await service.run('import.commit', { importId });
    expect((await service.db.accounts.get('acc-harbor'))?.name).toBe('Harbor Freight (renamed)');

    expect(await service.run('import.abort', { importId })).toEqual({ state: 'rolling-back' });
    await expect.poll(async () => (await service.db.importJobs.get(importId))?.state).toBe('rolled-back');
    expect(await exportBundle(service.db, NOW)).toEqual(before);
    await expect(service.run('import.commit', { importId })).rejects.toThrow(/interrupted.*Nothing was changed/);
  });

  it('finishes a roll-back the worker was stopped in the middle of', async () => {
    const dbName = freshDbName();
    const first = start(dbName);
    await first.importRecords('book.json', bookRecords());
    const before = await exportBundle(first.db, NOW);
    const importId = await first.stageRecords('big.json', bigFile());
    for (let i = 0; i < 3; i++) await first.run('import.commit', { importId });
    // The roll-back starts, and the worker is stopped before any batch of it ran.
    await first.db.importJobs.update(importId, { state: 'rolling-back' });
    first.db.close();

    const restarted = start(dbName, LATER);
    await restarted.recoverImports();
    expect(await exportBundle(restarted.db, NOW)).toEqual(before);
    expect((await restarted.run('store.summary', {})).interruptedImport).toMatchObject({
      name: 'big.json',
      state: 'rolled-back',
      recovery: 'rolled-back',
    });
  });

  it('discards an upload left half-way (page closed before commit): nothing of it reaches the book', async () => {
    const dbName = freshDbName();
    const first = start(dbName);
    await first.stageRecords('half.json', { accounts: bigFile().accounts.slice(0, 5) });
    first.db.close();

    const restarted = start(dbName, LATER);
    await restarted.recoverImports();
    expect(await restarted.db.accounts.count()).toBe(0);
    expect(await restarted.db.importStaged.count()).toBe(0);
    expect((await restarted.run('store.summary', {})).interruptedImport).toMatchObject({
      name: 'half.json',
      state: 'discarded',
      recovery: 'discarded',
    });
    // Told until the next import is saved.
    await restarted.importRecords('again.json', { accounts: bigFile().accounts.slice(0, 5) });
    expect((await restarted.run('store.summary', {})).interruptedImport).toBeUndefined();
  });

  it('lets look-ups through between batches: each commit request is one batch here, and the book answers in between', async () => {
    const service = start(freshDbName());
    const importId = await service.stageRecords('big.json', bigFile());
    await service.run('import.commit', { importId });
    const context: PageContext = {
      host: 'gmail',
      kind: 'thread',
      url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbN',
      threadId: 'FMfcgzQXJWbN',
      subject: 'Renewal',
      people: [{ email: 'ceo@big7.example' }, { email: 'me@northpeak.io' }],
      userEmail: 'me@northpeak.io',
      messages: [],
    };
    // Asked while the next batch is being written: answered, from the batches already in.
    const [match] = await Promise.all([service.run('page.match', { context }), service.run('import.commit', { importId })]);
    expect(match.match).toMatchObject({ status: 'matched', accountId: 'acc-big-7' });
    expect(await service.commit(importId)).toMatchObject({ done: true, written: STAGED_CHUNK + 12 });
  });
});

describe('contacts saved account by account', () => {
  /** One account's contacts, more than one batch holds: they reach its pack in two commit steps. */
  const manyContacts = () =>
    Array.from({ length: STAGED_CHUNK + 5 }, (_, i) => ({
      id: `con-many-${String(i).padStart(4, '0')}`,
      accountId: 'acc-lumen',
      name: `Person ${i}`,
      email: `person${i}@lumendental.com`,
    }));

  it('keeps an account whose contacts span two batches whole across a restart, and a roll-back takes them all out', async () => {
    const dbName = freshDbName();
    const first = start(dbName);
    await first.importRecords('book.json', bookRecords());
    const before = await exportBundle(first.db, NOW);
    const importId = await first.stageRecords('many.json', { contacts: manyContacts() });
    await first.run('import.commit', { importId });
    expect(await contactsOf(first.db, 'acc-lumen')).toHaveLength(STAGED_CHUNK + 1);
    first.db.close();

    const restarted = start(dbName, LATER);
    await restarted.recoverImports();
    const lumen = await contactsOf(restarted.db, 'acc-lumen');
    expect(lumen).toHaveLength(STAGED_CHUNK + 6);
    expect(lumen.map((c) => c.id)).toContain('con-3');
    expect((await contactsBy(restarted.db, 'email', [`person${STAGED_CHUNK + 4}@lumendental.com`])).map((c) => c.id)).toEqual([
      `con-many-0${STAGED_CHUNK + 4}`,
    ]);

    const again = start(freshDbName());
    await again.importRecords('book.json', bookRecords());
    const id = await again.stageRecords('many.json', { contacts: manyContacts() });
    await again.run('import.commit', { importId: id });
    await again.run('import.commit', { importId: id });
    expect(await contactsOf(again.db, 'acc-lumen')).toHaveLength(STAGED_CHUNK + 6);
    await again.run('import.abort', { importId: id });
    await expect.poll(async () => (await again.db.importJobs.get(id))?.state).toBe('rolled-back');
    expect(await exportBundle(again.db, NOW)).toEqual(before);
  });

  it('moves a contact re-imported under another account, and a roll-back moves it back', async () => {
    const service = start(freshDbName());
    await service.importRecords('book.json', bookRecords());
    const before = await exportBundle(service.db, NOW);
    const mara = before.contacts!.find((c) => c.id === 'con-1')!;
    const importId = await service.stageRecords('moved.json', { contacts: [{ ...mara, accountId: 'acc-pico', title: 'COO' }] });
    await service.run('import.commit', { importId });

    expect(await getContact(service.db, 'con-1')).toMatchObject({ accountId: 'acc-pico', title: 'COO' });
    expect((await contactsOf(service.db, 'acc-harbor')).map((c) => c.id)).toEqual(['con-2']);
    expect((await contactsOf(service.db, 'acc-pico')).map((c) => c.id)).toContain('con-1');
    expect((await contactsBy(service.db, 'email', [mara.email.toLowerCase()])).map((c) => c.accountId)).toEqual(['acc-pico']);
    expect((await service.run('store.summary', {})).counts).toMatchObject({ contacts: before.contacts!.length });

    await service.run('import.abort', { importId });
    await expect.poll(async () => (await service.db.importJobs.get(importId))?.state).toBe('rolled-back');
    expect(await exportBundle(service.db, NOW)).toEqual(before);
  });
});

describe('re-importing an older file', () => {
  const commitment = {
    id: 'cm-1',
    accountId: 'acc-harbor',
    text: 'Send the security questionnaire',
    kind: 'commitment',
    owner: 'us',
    status: 'open',
  };

  it('keeps a commitment changed here since the file was made, applies the rest, and says how many it kept', async () => {
    const service = start(freshDbName());
    const file = { ...bookRecords(), commitments: [commitment, { ...commitment, id: 'cm-2', text: 'Book the QBR' }] };
    await service.importRecords('book.json', file, '2026-11-01T00:00:00.000Z');
    await service.run('commitment.setStatus', { id: 'cm-1', status: 'done' }); // changed here on NOW (Nov 5)
    await service.db.commitments.update('cm-2', { text: 'Book the QBR (edited in the CRM)' });

    const again = await service.importRecords('book.json', file, '2026-11-01T00:00:00.000Z');
    expect(again.kept).toBe(1);
    expect(await service.db.commitments.get('cm-1')).toMatchObject({ status: 'done', updatedAt: NOW.toISOString() });
    // Not changed here through Glance: the file's copy applies as before.
    expect((await service.db.commitments.get('cm-2'))?.text).toBe('Book the QBR');
    expect((await service.run('store.summary', {})).lastImport).toMatchObject({ kept: 1 });
  });

  it('applies a file made after the local change', async () => {
    const service = start(freshDbName());
    await service.importRecords('book.json', { ...bookRecords(), commitments: [commitment] });
    await service.run('commitment.setStatus', { id: 'cm-1', status: 'done' });
    const newer = await service.importRecords(
      'newer.json',
      { commitments: [{ ...commitment, status: 'cancelled' }] },
      '2026-11-06T00:00:00.000Z',
    );
    expect(newer.kept).toBe(0);
    expect(await service.db.commitments.get('cm-1')).toMatchObject({ status: 'cancelled' });
  });
});
