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
 */
export class RollingBudget {
  private readonly sentAt: number[] = [];
  /** Callers queue in order, so a burst of pulls cannot starve a write. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {}

  /** Resolves when one call may go out. */
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = this.clock.now();
        while (this.sentAt.length && this.sentAt[0] <= now - this.intervalMs) this.sentAt.shift();
        if (this.sentAt.length < this.limit) break;
        await this.clock.sleep(this.sentAt[0] + this.intervalMs - now);
      }
      this.sentAt.push(this.clock.now());
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** HubSpot said the window is spent (a 429): nobody else goes out until a full window has passed. */
  drain(): void {
    const now = this.clock.now();
    this.sentAt.length = 0;
    for (let i = 0; i < this.limit; i++) this.sentAt.push(now);
  }
}
