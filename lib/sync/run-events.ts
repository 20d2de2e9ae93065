/**
 * What a running sync tells the rest of Glance, and how often. At full speed a page is written every
 * ~50 ms; a change event per page had every open Glance page re-read all it shows, and the background
 * recompute the insights of the accounts it named and replan the reminders, twenty times a second on
 * the worker the sync runs on, each account's insights several times over (after its company, again
 * after its contacts, its deals, its tickets).
 *
 * So while a run goes, open pages hear `sync` when an object is done (all companies are in, then all
 * contacts, …) and otherwise at most once every EVERY_MS: they re-read, and see the records written so
 * far. (Each such re-read counts every table for the options page: a few a minute, not twenty a
 * second.) The accounts the run touched are named once, in a `records` event when the run stops, and
 * their insights are worked out then from complete records. A run resumed by a new
 * worker does not know what its predecessor touched: its `records` event names no account, which has
 * the insights cache check every account by version.
 */
import { changeEvent } from '../messages/server';
import type { ChangeEvent } from '../messages/protocol';

/** Within one object, the sidebar and the options page are at most this far behind a run. */
export const EVERY_MS = 10_000;
/** An extension API call resets the worker's 30 s idle timer; once every few seconds is plenty. */
export const KEEP_ALIVE_EVERY_MS = 5000;

export interface RunEvents {
  /** A page was written: the accounts it touched, how many records it removed, and whether it was its object's last. */
  page(accountIds: readonly string[], removed: number, objectDone: boolean): void;
  /** The run stopped (done, failed or given up): what it changed is announced now. */
  end(): void;
}

export interface RunEventOptions {
  broadcast: (event: ChangeEvent) => void;
  nowMs: () => number;
  keepAlive?: () => unknown;
  /** The run was started by an earlier worker: pages it wrote before this one took over are not known here. */
  resumed: boolean;
}

export function createRunEvents({ broadcast, nowMs, keepAlive, resumed }: RunEventOptions): RunEvents {
  const touched = new Set<string>();
  let changed = resumed;
  let unsent = false;
  let sentAt = nowMs();
  let aliveAt = -Infinity;

  return {
    page(accountIds, removed, objectDone) {
      for (const id of accountIds) touched.add(id);
      if (accountIds.length || removed) changed = true;
      unsent = true;
      const now = nowMs();
      if (objectDone || now - sentAt >= EVERY_MS) {
        broadcast(changeEvent(['sync']));
        unsent = false;
        sentAt = now;
      }
      if (keepAlive && now - aliveAt >= KEEP_ALIVE_EVERY_MS) {
        aliveAt = now;
        // Not awaited: the next page need not wait for the browser to answer.
        void Promise.resolve()
          .then(keepAlive)
          .catch(() => undefined);
      }
    },
    end() {
      if (changed) broadcast(changeEvent(['records'], resumed ? undefined : [...touched]));
      else if (unsent) broadcast(changeEvent(['sync']));
      touched.clear();
      changed = unsent = false;
    },
  };
}
