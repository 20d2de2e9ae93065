/**
 * Pages pulled ahead of the store: one pull at a time, each with the cursor the page before it
 * answered, never more than a few pages held, and a failure met only after the pages before it.
 */
import { describe, expect, it } from 'vitest';
import type { Connector, PullPage, SyncObject } from '../../../lib/connectors/types';
import { ReadAhead } from '../../../lib/sync/read-ahead';

const ORDER: readonly SyncObject[] = ['owners', 'companies', 'contacts'];

/** A connector whose pulls answer when the test says: `answer(page)` settles the oldest pull still open. */
function heldConnector() {
  const pulls: Array<{ object: SyncObject; cursor: string | null; answer: (page: PullPage) => void; fail: (e: Error) => void }> = [];
  let open = 0;
  let mostOpen = 0;
  const connector = {
    pull: (object: SyncObject, cursor: string | null) =>
      new Promise<PullPage>((resolve, reject) => {
        mostOpen = Math.max(mostOpen, ++open);
        const settle = () => open--;
        pulls.push({ object, cursor, answer: (p) => (settle(), resolve(p)), fail: (e) => (settle(), reject(e)) });
      }),
  } as unknown as Connector;
  return { connector, pulls, mostOpen: () => mostOpen };
}

const page = (cursor: string | null, more: boolean, extra: Partial<PullPage> = {}): PullPage => ({ records: {}, cursor, more, ...extra });
/** Lets pending promise callbacks run (the reader's next pull goes out on the answer before it). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reading ahead of the store', () => {
  it('pulls one page at a time, each from the cursor the one before answered, then the next object from its stored cursor', async () => {
    const held = heldConnector();
    const reader = new ReadAhead(held.connector, ORDER, { objectIndex: 1, cursors: { companies: 'c0', contacts: 'k0' } }, 4);
    await settle();
    expect(held.pulls.map((p) => [p.object, p.cursor])).toEqual([['companies', 'c0']]);
    held.pulls[0].answer(page('c1', true));
    await settle();
    held.pulls[1].answer(page('c2', false));
    await settle();
    expect(held.pulls.map((p) => [p.object, p.cursor])).toEqual([
      ['companies', 'c0'],
      ['companies', 'c1'],
      ['contacts', 'k0'],
    ]);
    expect(held.mostOpen()).toBe(1);
    expect(await reader.next()).toEqual({ object: 'companies', page: page('c1', true) });
    expect(reader.ready('companies', 3)).toEqual([page('c2', false)]);
    reader.stop();
  });

  it('holds no more than its depth of pages: the next pull waits until the engine takes one', async () => {
    const held = heldConnector();
    const reader = new ReadAhead(held.connector, ORDER, { objectIndex: 1, cursors: {} }, 2);
    for (let n = 1; n <= 2; n++) {
      await settle();
      held.pulls[n - 1].answer(page(`c${n}`, true));
    }
    await settle();
    // Two answered and held; the third pull waits for room.
    expect(held.pulls).toHaveLength(2);
    await reader.next();
    await settle();
    expect(held.pulls).toHaveLength(3);
    expect(held.pulls[2].cursor).toBe('c2');
    reader.stop();
  });

  it('hands over with a page only the pages of its object that have already answered, and none that asks for a resync', async () => {
    const held = heldConnector();
    const reader = new ReadAhead(held.connector, ORDER, { objectIndex: 1, cursors: {} }, 4);
    await settle();
    held.pulls[0].answer(page('c1', true));
    await settle();
    held.pulls[1].answer(page('c2', true));
    await settle();
    await reader.next();
    // Page 3 is still on its way: nothing is waited for.
    expect(reader.ready('companies', 3)).toEqual([page('c2', true)]);
    held.pulls[2].answer(page('c3', true, { resyncRequired: true }));
    await settle();
    expect(reader.ready('companies', 3)).toEqual([]);
    expect((await reader.next()).page.resyncRequired).toBe(true);
    // A resync starts over with other cursors: this reader pulls nothing more.
    await settle();
    expect(held.pulls).toHaveLength(3);
  });

  it('a failed pull is met when its page is taken, after the pages before it, and nothing after it is pulled', async () => {
    const held = heldConnector();
    const reader = new ReadAhead(held.connector, ORDER, { objectIndex: 1, cursors: {} }, 4);
    await settle();
    held.pulls[0].answer(page('c1', true));
    await settle();
    held.pulls[1].fail(new Error('HubSpot failed on GET /crm/v3/objects/companies (500)'));
    await settle();
    expect(held.pulls).toHaveLength(2);
    expect((await reader.next()).page.cursor).toBe('c1');
    await expect(reader.next()).rejects.toThrow(/500/);
  });

  it('stopped, it sends no more pulls, whatever answers', async () => {
    const held = heldConnector();
    const reader = new ReadAhead(held.connector, ORDER, { objectIndex: 1, cursors: {} }, 4);
    await settle();
    reader.stop();
    held.pulls[0].answer(page('c1', true));
    await settle();
    expect(held.pulls).toHaveLength(1);
  });
});
