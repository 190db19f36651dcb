import { InputError } from '../errors.js';
import { systemClock, type Clock } from './clock.js';
import { HeldTime } from './held-time.js';
import { serverWaitMs, type HeaderMap } from './rate-limit-headers.js';
import { ServerBucketModel } from './server-bucket-model.js';

export interface RateLimiterOptions {
  /** User cap (`--max-rps`): a token bucket of max(1, ceil(maxRps)) refilled at maxRps per second. */
  maxRps?: number;
  clock?: Clock;
  /** Upper bound of any single wait (server reset, back-off). Default 60 s. */
  maxWaitMs?: number;
  /** When the server says nothing about when to retry after a 429. Default 1 s. */
  defaultBackoffMs?: number;
  /**
   * Learn the server's bucket from the x-ratelimit-* headers and pause everyone after a 429 (default true). Off,
   * only `maxRps` paces requests, as in a fixed-pace client such as auth0-deploy-cli: the collection benches turn it
   * off to measure what adaptation buys. The CLI never does.
   */
  adaptive?: boolean;
}

/** One granted request. Report how it ended exactly once (later calls are ignored). */
export interface RateLimitTicket {
  complete(status: number, headers: HeaderMap): void;
  fail(): void;
}

export interface RateLimiterStats {
  /** Time callers spent queued, summed over requests. */
  waitMs: number;
  /** Wall time during which at least one caller was held: queued behind the limit, or in a `hold` (a back-off). */
  heldMs: number;
  throttled: number;
  learnedRps: number | undefined;
  bucketSize: number | undefined;
}

interface Waiter {
  resolve: (ticket: RateLimitTicket) => void;
  since: number;
}

/**
 * Paces every Management API request of a run: the user's `--max-rps`, the server's bucket as the
 * `x-ratelimit-*` headers reveal it (see `ServerBucketModel`), and a global pause after any 429 so that one
 * throttled caller stops them all. Waiters are served in arrival order; every wait is bounded by `maxWaitMs`.
 */
export class RateLimiter {
  private readonly clock: Clock;
  private readonly maxWaitMs: number;
  private readonly defaultBackoffMs: number;
  private readonly maxRps: number | undefined;
  private readonly adaptive: boolean;
  private readonly model: ServerBucketModel;
  private readonly queue: Waiter[] = [];
  private userTokens: number;
  private userAt: number;
  private seq = 0;
  private outstanding = 0;
  private blockedUntil = 0;
  private pumping = false;
  private wake: AbortController | undefined;
  private waitedMs = 0;
  private throttledCount = 0;
  private readonly held: HeldTime;
  private releaseQueue: (() => void) | undefined;

  constructor(options: RateLimiterOptions = {}) {
    if (options.maxRps !== undefined && !(Number.isFinite(options.maxRps) && options.maxRps > 0)) {
      throw new InputError('USAGE', `--max-rps must be a positive number (got ${String(options.maxRps)}).`, '--max-rps');
    }
    this.clock = options.clock ?? systemClock;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.defaultBackoffMs = options.defaultBackoffMs ?? 1000;
    this.maxRps = options.maxRps;
    this.adaptive = options.adaptive ?? true;
    this.userTokens = this.userBurst();
    this.userAt = this.clock.now();
    this.held = new HeldTime(() => this.clock.now());
    this.model = new ServerBucketModel({ maxWaitMs: this.maxWaitMs, fallbackProbeMs: 1000 });
  }

  acquire(): Promise<RateLimitTicket> {
    return new Promise((resolve) => {
      this.queue.push({ resolve, since: this.clock.now() });
      this.kick();
    });
  }

  /** Global back-off: nobody starts a request before `untilMs` (capped at maxWaitMs from now). */
  pauseUntil(untilMs: number): void {
    const capped = Math.min(untilMs, this.clock.now() + this.maxWaitMs);
    if (capped > this.blockedUntil) this.blockedUntil = capped;
  }

  /**
   * A caller held outside the queue (a retry backing off after a 429) until the returned release is called: it
   * counts towards `heldMs` as wall time, overlapping the queue's own holds rather than adding to them.
   */
  hold(): () => void {
    return this.held.hold();
  }

  stats(): RateLimiterStats {
    return { waitMs: this.waitedMs, heldMs: this.held.ms(), throttled: this.throttledCount, learnedRps: this.model.learnedRate(), bucketSize: this.model.bucketSize() };
  }

  private userBurst(): number {
    return this.maxRps === undefined ? Infinity : Math.max(1, Math.ceil(this.maxRps));
  }

  private refillUser(now: number): void {
    if (this.maxRps === undefined) return;
    this.userTokens = Math.min(this.userBurst(), this.userTokens + ((now - this.userAt) / 1000) * this.maxRps);
    this.userAt = now;
  }

  private readyAt(now: number): number {
    let at = now;
    this.refillUser(now);
    if (this.maxRps !== undefined && this.userTokens < 1) at = Math.max(at, now + ((1 - this.userTokens) / this.maxRps) * 1000);
    if (!this.adaptive) return at;
    return Math.max(at, this.blockedUntil, this.model.earliest(now, this.seq, this.outstanding));
  }

  private kick(): void {
    if (this.pumping) this.wake?.abort();
    else void this.pump();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      for (let head = this.queue[0]; head !== undefined; head = this.queue[0]) {
        const now = this.clock.now();
        const at = this.readyAt(now);
        if (at <= now) {
          this.queue.shift();
          this.grant(head, now);
          continue;
        }
        // Held from the first time the head has to wait until the queue is empty again.
        this.releaseQueue ??= this.held.hold();
        const wake = new AbortController();
        this.wake = wake;
        await this.clock.sleep(Math.min(at - now, this.maxWaitMs), wake.signal);
        this.wake = undefined;
      }
    } finally {
      this.pumping = false;
      this.releaseQueue?.();
      this.releaseQueue = undefined;
    }
  }

  private grant(waiter: Waiter, now: number): void {
    this.seq += 1;
    this.outstanding += 1;
    if (this.maxRps !== undefined) this.userTokens -= 1;
    this.waitedMs += now - waiter.since;
    waiter.resolve(this.ticket(this.seq, now));
  }

  private ticket(seq: number, sentAt: number): RateLimitTicket {
    let done = false;
    const finish = (): boolean => {
      if (done) return false;
      done = true;
      this.outstanding -= 1;
      return true;
    };
    return {
      complete: (status, headers) => {
        if (!finish()) return;
        const now = this.clock.now();
        if (status === 429) {
          this.throttledCount += 1;
          if (this.adaptive) {
            this.model.throttled(seq, headers, now);
            this.pauseUntil(now + (serverWaitMs(headers, now, this.maxWaitMs) ?? this.defaultBackoffMs));
          }
        } else if (this.adaptive) {
          this.model.observe(seq, headers, now, this.outstanding, sentAt);
        }
        this.kick();
      },
      fail: () => {
        if (!finish()) return;
        this.model.failed();
        this.kick();
      },
    };
  }
}
