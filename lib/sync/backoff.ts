/**
 * How long to wait before the next attempt at a CRM that was busy or failing: exponential, capped,
 * with jitter so that many queued changes (or many browsers) do not come back at the same moment,
 * and never sooner than the CRM itself asked (Retry-After).
 */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 30 * 60 * 1000;

/** `attempts` counts the failures so far (1 after the first). Half the ceiling fixed, half random. */
export function backoffMs(attempts: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(retryAfterMs ?? 0, jittered);
}
