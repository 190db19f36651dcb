import { serverWaitMs, type HeaderMap } from './rate-limit-headers.js';

/** What one attempt ended with: a status (any, including 2xx with an unreadable body) or a thrown error. */
export type AttemptOutcome = { kind: 'status'; status: number; headers: HeaderMap } | { kind: 'error'; error: unknown };

export interface RetryPolicyOptions {
  /** Attempts in all, first one included. Default 6, enough to ride out a 429 storm of a few resets. */
  maxAttempts?: number;
  /** Exponential back-off base: 500 ms · 2^n. */
  baseDelayMs?: number;
  /** Cap of one exponential back-off. Default 30 s. */
  maxBackoffMs?: number;
  /** Cap of one wait the server asks for (Retry-After, x-ratelimit-reset). Default 60 s. */
  maxServerWaitMs?: number;
  /** Cap of all waits of one request together, so a request never hangs. Default 3 min. */
  maxTotalDelayMs?: number;
  /** In [0, 1): full jitter for back-offs, a small spread above server-given waits. */
  random?: () => number;
}

/** Network faults worth another try; TLS, DNS-not-found and refused connections are not (they will not heal). */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETRESET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  /** A 2xx whose JSON could not be read (cut short by a proxy, say): see `MalformedBodyError`. */
  'E_MALFORMED_BODY',
]);

/** The first `code` found on an error or its causes. */
export function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code: unknown = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isRetryableError(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

/** 501 is the answer of a tenant whose plan lacks the endpoint (hooks): asking again cannot change it. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

export class RetryPolicy {
  readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxBackoffMs: number;
  readonly maxServerWaitMs: number;
  private readonly maxTotalDelayMs: number;
  private readonly random: () => number;

  constructor(options: RetryPolicyOptions = {}) {
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 6));
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.maxServerWaitMs = options.maxServerWaitMs ?? 60_000;
    this.maxTotalDelayMs = options.maxTotalDelayMs ?? 180_000;
    this.random = options.random ?? Math.random;
  }

  isRetryable(outcome: AttemptOutcome): boolean {
    return outcome.kind === 'status' ? isRetryableStatus(outcome.status) : isRetryableError(outcome.error);
  }

  /** Wait before the retry that follows attempt number `attempt` (1-based). */
  delayMs(outcome: AttemptOutcome, attempt: number, nowMs: number): number {
    if (outcome.kind === 'status') {
      // x-ratelimit-reset describes the rate-limit bucket, so it only explains a 429; Retry-After counts on any status.
      const headers = outcome.status === 429 ? outcome.headers : withoutReset(outcome.headers);
      const wait = serverWaitMs(headers, nowMs, this.maxServerWaitMs);
      if (wait !== undefined) return Math.round(wait + this.random() * Math.min(250, wait * 0.1));
    }
    const ceiling = Math.min(this.maxBackoffMs, this.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(this.random() * ceiling);
  }

  /**
   * The wait before another attempt, or undefined to give up: not retryable, out of attempts, or the wait would
   * push this request's total waiting past its bound.
   */
  next(outcome: AttemptOutcome, attempt: number, waitedMs: number, nowMs: number): number | undefined {
    if (!this.isRetryable(outcome) || attempt >= this.maxAttempts) return undefined;
    const wait = this.delayMs(outcome, attempt, nowMs);
    return waitedMs + wait > this.maxTotalDelayMs ? undefined : wait;
  }
}

function withoutReset(headers: HeaderMap): HeaderMap {
  const { 'x-ratelimit-reset': _reset, ...rest } = headers;
  return rest;
}
