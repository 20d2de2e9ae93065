/**
 * A promise logged from a selection in side panel mode (shortcut or menu) while the panel is still
 * opening: the browser opens the panel and the tab's content script tells it at the same moment, so
 * the panel's page may not be listening yet. The content script keeps the seed until the panel
 * confirms it, and the panel asks for it once it is ready; each seed carries an id, so whichever
 * path arrives second is ignored and the form opens once. Pure: no browser API.
 */
import type { PromiseDraftSeed } from '../messages/frame';

export interface HandedSeed {
  id: string;
  seed: PromiseDraftSeed;
}

/** Long enough for a panel to open on a loaded machine; an older seed is not opened as a surprise later. */
export const HANDOFF_TTL_MS = 60_000;

/** The content script's side: the one seed waiting for the panel (a newer one replaces it). */
export function createPromiseHandoff(newId: () => string, now: () => number = Date.now) {
  let waiting: (HandedSeed & { at: number }) | null = null;
  return {
    /** Keeps `seed` for the panel and returns it with its id, to send at once. */
    offer(seed: PromiseDraftSeed): HandedSeed {
      waiting = { id: newId(), seed, at: now() };
      return { id: waiting.id, seed };
    },
    /** The panel confirmed it opened this one. */
    delivered(id: string): void {
      if (waiting?.id === id) waiting = null;
    },
    /** The panel is ready and asks: the waiting seed, handed over once. */
    take(): HandedSeed | null {
      const taken = waiting && now() - waiting.at <= HANDOFF_TTL_MS ? { id: waiting.id, seed: waiting.seed } : null;
      waiting = null;
      return taken;
    },
  };
}

/** The panel's side: opens each handed seed once, whether it came as a message, an answer, or both. */
export function createHandoffReceiver() {
  const opened = new Set<string>();
  return {
    /** True the first time `id` is seen. */
    accept(id: string): boolean {
      if (opened.has(id)) return false;
      opened.add(id);
      return true;
    },
  };
}
