export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds at which the next token is added (what `x-ratelimit-reset` carries). */
  resetEpochSeconds: number;
  /** Milliseconds until a request would be allowed again (0 when allowed). */
  waitMs: number;
}

/** One global token bucket: `burst` tokens, refilled continuously at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  get limit(): number {
    return this.burst;
  }

  take(): RateLimitState {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    const missing = this.tokens >= this.burst ? 0 : 1 - (this.tokens % 1);
    const nextTokenMs = now + (missing / this.perSecond) * 1000;
    return {
      allowed,
      limit: this.burst,
      remaining: Math.floor(this.tokens),
      resetEpochSeconds: Math.ceil(nextTokenMs / 1000),
      waitMs: allowed ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000),
    };
  }
}
