/**
 * One budget per HubSpot limit. HubSpot counts private-app calls in a rolling 10 s window
 * (190 on paid tiers, 100 on free ones) and search calls at about 5 per second per account; staying
 * under both is cheaper than meeting a 429 and waiting for the window to roll.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A budget of `limit` calls in any rolling `intervalMs`, as HubSpot counts them. A token bucket that
 * refills continuously would let up to twice the limit through in one window (a full bucket plus a
 * window's refill); remembering when the last `limit` calls went out cannot.
 *
 * HubSpot counts a call when it arrives, which is some time after it left here and not always the
 * same time: a call that took longer to get there than the one `limit` calls after it would put
 * `limit + 1` in HubSpot's window, and one 429 costs a whole window of waiting. So a call counts from
 * when its answer came back (it had arrived by then), and until then it holds its place.
 */
export class RollingBudget {
  /** When each recent call was answered; Infinity while it is out (it holds its place until then). */
  private calls: Array<{ at: number }> = [];
  /** Callers waiting for a call that is out to be answered (every place held by one). */
  private waiting: Array<() => void> = [];
  /** Callers queue in order, so a burst of pulls cannot starve a write. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  /** Resolves when one call may go out, with what to call once it is answered (or failed). */
  take(): Promise<() => void> {
    const call = { at: Infinity };
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = this.clock.now();
        this.calls = this.calls.filter((c) => c.at > now - this.intervalMs);
        if (this.calls.length < this.limit) break;
        const oldest = Math.min(...this.calls.map((c) => c.at));
        if (oldest === Infinity) await new Promise<void>((resolve) => this.waiting.push(resolve));
        else await this.clock.sleep(oldest + this.intervalMs - now);
      }
      this.calls.push(call);
    });
    this.queue = turn.catch(() => undefined);
    return turn.then(() => () => {
      if (call.at !== Infinity) return;
      call.at = this.clock.now();
      for (const wake of this.waiting.splice(0)) wake();
    });
  }

  /** HubSpot said the window is spent (a 429): nobody else goes out until a full window has passed. */
  drain(): void {
    const now = this.clock.now();
    this.calls = Array.from({ length: this.limit }, () => ({ at: now }));
  }
}
