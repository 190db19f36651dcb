import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { systemClock } from '../http/clock.js';
import { exchange, type ExchangeResponse } from '../http/exchange.js';
import type { RequestEvent } from '../http/request-event.js';
import { errorCode, type AttemptOutcome, type RetryPolicy } from '../http/retry-policy.js';

export interface RawRequest {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/api/v2/tenants/settings?fields=friendly_name`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What `--verbose` may show: no secret, no query value that is not ours. */
  logPath: string;
}

export type RawOutcome =
  | { ok: true; response: ExchangeResponse; sentAtMs: number; receivedAtMs: number }
  | { ok: false; error: unknown; code: string | undefined };

export interface RawSenderOptions {
  origin: string;
  dispatcher: Dispatcher;
  retry: RetryPolicy;
  timeoutMs: number;
  /** The local clock whose skew against the server's `Date` is measured. */
  now: () => number;
  onRequest?: (event: RequestEvent) => void;
}

/** Error bodies and the one-item probes are small; a huge body means the host is not the Management API. */
const MAX_BODY_BYTES = 1_000_000;

/**
 * The few requests whose final response `check` must see whatever its status, headers included (the token
 * endpoint's error body, the API's `Date` and `x-ratelimit-*` on a 403): ManagementClient throws those away with
 * the ApiError. Same pool (so the same proxy and TLS settings), same retry policy and timeout as the scan.
 */
export class RawSender {
  private sent = 0;

  constructor(private readonly o: RawSenderOptions) {}

  get requests(): number {
    return this.sent;
  }

  async send(req: RawRequest): Promise<RawOutcome> {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const sentAtMs = this.o.now();
      const started = performance.now();
      this.sent += 1;
      let outcome: AttemptOutcome;
      let response: ExchangeResponse | undefined;
      try {
        response = await exchange(this.o.dispatcher, { origin: this.o.origin, path: req.path, method: req.method, headers: req.headers, body: req.body, timeoutMs: this.o.timeoutMs }, MAX_BODY_BYTES);
        this.o.onRequest?.({ method: req.method, path: req.logPath, status: response.status, ms: Math.round(performance.now() - started), attempt });
        outcome = { kind: 'status', status: response.status, headers: response.headers };
      } catch (err) {
        this.o.onRequest?.({ method: req.method, path: req.logPath, error: errorCode(err) ?? 'ERROR', ms: Math.round(performance.now() - started), attempt });
        outcome = { kind: 'error', error: err };
      }
      const wait = this.o.retry.next(outcome, attempt, waited, systemClock.now());
      if (wait === undefined) {
        if (response !== undefined) return { ok: true, response, sentAtMs, receivedAtMs: this.o.now() };
        const error = outcome.kind === 'error' ? outcome.error : undefined;
        return { ok: false, error, code: errorCode(error) };
      }
      waited += wait;
      await systemClock.sleep(wait);
    }
  }
}
