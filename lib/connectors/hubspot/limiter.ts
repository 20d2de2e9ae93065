/**
 * A token bucket per HubSpot budget. HubSpot counts private-app calls in a rolling 10 s window
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

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  /** Callers queue in order, so a burst of pulls cannot starve a write. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly capacity: number,
    private readonly intervalMs: number,
    private readonly clock: Clock,
  ) {
    this.tokens = capacity;
    this.updatedAt = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) * this.capacity) / this.intervalMs);
    this.updatedAt = now;
  }

  /** Resolves when one call may go out. */
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      this.refill();
      while (this.tokens < 1) {
        await this.clock.sleep(Math.ceil(((1 - this.tokens) * this.intervalMs) / this.capacity));
        this.refill();
      }
      this.tokens -= 1;
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** HubSpot said the window is spent (a 429): nobody else goes out until it refills. */
  drain(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
  }
}
