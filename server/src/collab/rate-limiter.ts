const monotonicNow = () => performance.now();

/**
 * Token bucket: `burst` messages at once, refilled at `perSecond`. One per socket, so a
 * flooding client is slowed down (its messages refused) without touching the others.
 */
export class RateLimiter {
  private tokens: number;
  private updatedAt: number;
  /** Consecutive refusals: a client that keeps flooding is disconnected. */
  refusedInARow = 0;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = monotonicNow,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  take(cost = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    if (this.tokens < cost) {
      this.refusedInARow++;
      return false;
    }
    this.tokens -= cost;
    this.refusedInARow = 0;
    return true;
  }
}
