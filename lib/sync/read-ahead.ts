/**
 * The pages of a run, pulled ahead of the store. A page's answer carries the cursor of the next one,
 * so the pulls go one after another (never two in flight: the connector's pacing and token refresh
 * stay as they are), each as soon as the one before it answered and fewer than `depth` pages wait
 * to be written. The store's writes then no longer set the pace of the requests: while a page is
 * written the next few are already asked for, and when the rate limit, not the store, is the slower
 * of the two, requests go out as fast as the limit allows.
 *
 * Pages are taken in the order pulled; the pages after the first that are already there may be taken
 * with it (written in one transaction). Nothing here is stored: a worker stopped with pages waiting
 * loses only them, and the next run pulls them again from the stored cursor.
 */
import type { Connector, PullPage, SyncObject } from '../connectors/types';

/**
 * Pages held ahead of the store (the one being pulled included), and pages written in one transaction
 * at most. Measured on the 10k-company bench (docs/performance.md): with 2 a transaction the commits
 * of 100-contact pages held the requests back (85 % of the rate limit); 3 reached 92–96 % with the
 * sidebar's look-ups during the sync at p95 155–171 ms; 4 reached 96 % but let them wait 217 ms.
 */
export const READ_AHEAD_PAGES = 8;
export const PAGES_PER_WRITE = 3;

export interface Pulled {
  object: SyncObject;
  page: PullPage;
}

interface Pull {
  object: SyncObject;
  answer: Promise<PullPage>;
  /** Set once the pull answered: what the engine may take without waiting. */
  page?: PullPage;
}

/** Where a run stands: the object being read (index into the order) and each object's stored cursor. */
export interface ReadFrom {
  objectIndex: number;
  cursors: Partial<Record<SyncObject, string | null>>;
}

export class ReadAhead {
  private readonly pulls: Pull[] = [];
  private stopped = false;
  /** Resolves the reader's wait for room when the engine takes a page or stops. */
  private room: (() => void) | null = null;

  constructor(
    private readonly connector: Connector,
    private readonly order: readonly SyncObject[],
    from: ReadFrom,
    /** Pages held at once, the one being pulled included. */
    private readonly depth: number,
  ) {
    void this.read(from);
  }

  /** The next page in order, when it has answered; a failed pull throws here, after the pages before it were taken. */
  async next(): Promise<Pulled> {
    const pull = this.pulls[0];
    if (!pull) throw new Error('The sync read past the last page of its run');
    const page = await pull.answer;
    this.pulls.shift();
    this.makeRoom();
    return { object: pull.object, page };
  }

  /**
   * Up to `max` pages of `object` that follow and have answered already, taken now. A page that asks
   * for a resync or brings owners is the engine's to handle alone, and ends what is taken.
   */
  ready(object: SyncObject, max: number): PullPage[] {
    const taken: PullPage[] = [];
    while (taken.length < max) {
      const page = this.pulls[0]?.object === object ? this.pulls[0].page : undefined;
      if (!page || page.resyncRequired || page.owners) break;
      taken.push(page);
      this.pulls.shift();
    }
    if (taken.length) this.makeRoom();
    return taken;
  }

  /** No more pulls: what is in flight is let go, its answer (or failure) dropped. */
  stop(): void {
    this.stopped = true;
    this.makeRoom();
  }

  private makeRoom() {
    this.room?.();
    this.room = null;
  }

  private async read(from: ReadFrom): Promise<void> {
    let index = from.objectIndex;
    let cursor = from.cursors[this.order[index]] ?? null;
    while (!this.stopped && index < this.order.length) {
      if (this.pulls.length >= this.depth) {
        await new Promise<void>((resolve) => (this.room = resolve));
        continue;
      }
      const object = this.order[index];
      const pull: Pull = { object, answer: this.connector.pull(object, cursor) };
      this.pulls.push(pull);
      let page: PullPage;
      try {
        page = await pull.answer;
      } catch {
        // The engine meets the failure when it takes this page; nothing after it is pulled.
        return;
      }
      pull.page = page;
      // A resync starts the run over with cursors of its own: the engine reads it with a new reader.
      if (page.resyncRequired) return;
      if (page.more) cursor = page.cursor;
      else {
        index++;
        cursor = index < this.order.length ? (from.cursors[this.order[index]] ?? null) : null;
      }
    }
  }
}
