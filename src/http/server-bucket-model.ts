import { readRateLimitHeaders, type HeaderMap } from './rate-limit-headers.js';

export interface ServerBucketModelOptions {
  /** No wait the model asks for is longer than this. */
  maxWaitMs: number;
  /** When the server gives no usable reset time, try one request after this long. */
  fallbackProbeMs: number;
}

interface Observation {
  /** Sequence number of the request whose response reported `remaining`. */
  seq: number;
  remaining: number;
  at: number;
  /** By then the server has added at least one token (its `x-ratelimit-reset`, or a fallback). */
  creditAt: number;
}

interface Sample {
  seq: number;
  remaining: number;
  at: number;
  /** Other requests still unanswered when this response arrived. */
  inFlight: number;
  /** Round trip of this request: the server counted it at most this long before we saw the answer. */
  rtt: number;
}

/** Waiting past the server's reset by a hair covers rounding between its clock and ours. */
const RESET_MARGIN_MS = 10;
/** Refill estimates over shorter spans are too coarse (`remaining` is an integer). */
const MIN_LEARNING_SPAN_MS = 1000;
/** Margin for what the bounds do not model (timer and clock granularity). */
const SAFETY = 0.97;
/** Observations kept for learning: every span between one of them and the newest gives a lower bound. */
const HISTORY = 48;
/** After a 429 the learned rate was too optimistic (or someone else shares the bucket). */
const THROTTLE_DECREASE = 0.7;

/**
 * What we know of the server's token bucket (auth0-api.md §2.1), learned from `x-ratelimit-*` headers.
 *
 * Requests are numbered in the order they are sent. A response to request `seq` that reports `remaining`
 * describes the bucket after every request up to `seq`; requests sent later are assumed to take a token each.
 * The sustained rate is learned as a lower bound: between two observations the server added at least
 * `remaining_b - remaining_a + (seq_b - seq_a) - 1` tokens (the one for the fractions `remaining` hides), less the
 * requests in flight at either end (the server may have seen them in another order), over the span as we saw it
 * plus the first answer's round trip (the server's span may be that much longer). A full bucket drops refills,
 * which only lowers a bound; taking the best bound over every recent span keeps idle periods from diluting it.
 * Pacing at a lower bound loses nothing: tokens it leaves show up in `remaining` and are spent at once.
 */
export class ServerBucketModel {
  private mode: 'unknown' | 'unlimited' | 'bucket' = 'unknown';
  private limit = 0;
  private obs: Observation | undefined;
  /** Recent observations in send order, cleared whenever a request may not have taken a token. */
  private history: Sample[] = [];
  /** Tokens per millisecond; a lower bound of the server's sustained rate. */
  private rate: number | undefined;

  constructor(private readonly options: ServerBucketModelOptions) {}

  /** Learned sustained rate in requests per second, if any. */
  learnedRate(): number | undefined {
    return this.rate === undefined ? undefined : this.rate * 1000;
  }

  bucketSize(): number | undefined {
    return this.mode === 'bucket' ? this.limit : undefined;
  }

  /**
   * Earliest time (≥ now) at which one more request fits, given the last sequence number sent and how many
   * requests are unanswered. Infinity means "wait until a response arrives".
   */
  earliest(now: number, lastSeq: number, outstanding: number): number {
    if (this.mode === 'unlimited') return now;
    const o = this.obs;
    // Until the first headers arrive, one request at a time: a burst of 2 must not meet 4 parallel requests.
    if (this.mode === 'unknown' || o === undefined) return outstanding === 0 ? now : Infinity;
    // Requests sent after the observation take a token each; so may older ones still unanswered, because over a
    // connection pool a later request can reach the server first. Count whichever is larger.
    const need = 1 + Math.max(lastSeq - o.seq, outstanding);
    if (o.remaining >= need) return now;
    let at = Infinity;
    if (this.rate !== undefined && need <= this.limit) at = o.at + (need - o.remaining) / this.rate;
    if (need <= o.remaining + 1) at = Math.min(at, o.creditAt);
    // Requests sent after the observation ended without a usable answer: probe again rather than wait forever.
    if (at === Infinity && outstanding === 0) at = o.creditAt;
    return Math.max(now, at);
  }

  /** A response (any status but 429) to request `seq`. */
  observe(seq: number, headers: HeaderMap, now: number, othersInFlight: number, sentAt: number): void {
    const h = readRateLimitHeaders(headers);
    if (h.limit === undefined || h.remaining === undefined || h.limit < 1) {
      if (this.mode === 'unknown') this.mode = 'unlimited';
      return;
    }
    if (this.mode !== 'bucket' || h.limit !== this.limit) {
      // Another bucket (a different endpoint limit): what was learned does not apply.
      this.mode = 'bucket';
      this.limit = h.limit;
      this.rate = undefined;
      this.obs = undefined;
      this.history = [];
    }
    const prev = this.obs;
    if (prev !== undefined && seq <= prev.seq) {
      // An older answer that arrived late may have been counted after newer requests: its lower `remaining` is
      // the more recent truth about the bucket.
      if (h.remaining < prev.remaining) prev.remaining = Math.max(0, h.remaining);
      return;
    }
    const remaining = Math.min(h.remaining, this.limit);
    this.obs = { seq, remaining, at: now, creditAt: this.creditAt(h.resetAtMs, now) };
    this.learn({ seq, remaining, at: now, inFlight: othersInFlight, rtt: Math.max(0, now - sentAt) });
  }

  private learn(latest: Sample): void {
    for (const start of this.history) {
      if (latest.at - start.at < MIN_LEARNING_SPAN_MS) break;
      // The server's span can be longer than ours by the time the first answer spent on the way back.
      const elapsed = latest.at - start.at + start.rtt;
      // Requests in flight at either end may have reached the server in another order than they were sent.
      const added = latest.remaining - start.remaining + (latest.seq - start.seq) - 1 - start.inFlight - latest.inFlight;
      if (added > 0) this.rate = Math.max(this.rate ?? 0, (added / elapsed) * SAFETY);
    }
    this.history.push(latest);
    if (this.history.length > HISTORY) this.history.shift();
  }

  /** A 429 for request `seq`: the bucket is empty now. */
  throttled(seq: number, headers: HeaderMap, now: number): void {
    const h = readRateLimitHeaders(headers);
    if (this.mode !== 'bucket') {
      if (h.limit === undefined || h.limit < 1) return;
      this.mode = 'bucket';
      this.limit = h.limit;
    }
    const lastSeq = Math.max(this.obs?.seq ?? 0, seq);
    this.obs = { seq: lastSeq, remaining: 0, at: now, creditAt: this.creditAt(h.resetAtMs, now) };
    this.history = [];
    if (this.rate !== undefined) this.rate *= THROTTLE_DECREASE;
  }

  /** A request ended without a response: whether it took a token is unknown, so learning restarts. */
  failed(): void {
    this.history = [];
  }

  private creditAt(resetAtMs: number | undefined, now: number): number {
    const { maxWaitMs, fallbackProbeMs } = this.options;
    if (resetAtMs === undefined || resetAtMs <= now) return now + Math.min(fallbackProbeMs, maxWaitMs);
    return Math.min(resetAtMs + RESET_MARGIN_MS, now + maxWaitMs);
  }
}
