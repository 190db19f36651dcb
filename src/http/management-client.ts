import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Dispatcher } from 'undici';
import { CollectionError } from '../errors.js';
import { systemClock, type Clock } from './clock.js';
import { downloadTarget } from './download-target.js';
import { exchange, MalformedBodyError, openResponse, type ExchangeResponse, type OpenedResponse } from './exchange.js';
import { createProxyDispatcher, type ProxyDispatcherOptions } from './proxy-dispatcher.js';
import { RateLimiter, type RateLimitTicket } from './rate-limiter.js';
import { loggablePath, queryString, type Query, type RequestEvent } from './request-event.js';
import { parseJson, requestFailure } from './request-failure.js';
import { errorCode, RetryPolicy, type AttemptOutcome, type RetryPolicyOptions } from './retry-policy.js';
import type { RunDeadline } from './run-deadline.js';
import type { TokenSource } from './token-provider.js';

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface HttpStats {
  requests: number;
  retries: number;
  /** 429 responses received. */
  throttled: number;
  /** Time requests spent held by the rate limiter or backing off after a 429, summed over requests. */
  throttleWaitMs: number;
  /**
   * The same waiting as wall time: how long at least one request was held (by the limiter, or backing off after a
   * 429). With requests held concurrently this is what the run lost; `throttleWaitMs` counts each of them.
   */
  waitWallMs: number;
  /** The sustained rate the limiter learnt from the tenant's `x-ratelimit-*` headers (req/s), once it has. */
  learnedRps?: number;
}

export interface ManagementClientOptions {
  /** `ParsedDomain.origin`. */
  origin: string;
  tokens: TokenSource;
  /** Share one Agent with the token provider; when omitted the client owns one and `close()` closes it. */
  dispatcher?: Dispatcher;
  /** Requests in flight at most (`--concurrency`). Default 4. */
  concurrency?: number;
  maxRps?: number;
  /** Per attempt: headers and the whole body. Default 30 s. */
  timeoutMs?: number;
  maxBodyBytes?: number;
  retry?: RetryPolicy | RetryPolicyOptions;
  clock?: Clock;
  limiter?: RateLimiter;
  /** The run's `--timeout`: past it no request is sent, and those in flight (downloads too) are cut off. */
  deadline?: RunDeadline;
  onRequest?: (event: RequestEvent) => void;
}

/** The keep-alive connection pool every request of a run shares, through HTTPS_PROXY/HTTP_PROXY when set. */
export function createAgent(network: ProxyDispatcherOptions = {}): Dispatcher {
  return createProxyDispatcher({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 }, network);
}

/** The one HTTP client of a run: every Management API read goes through its limiter, retry policy and token. */
export class ManagementClient {
  readonly concurrency: number;
  private readonly origin: string;
  private readonly tokens: TokenSource;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private readonly limiter: RateLimiter;
  private readonly deadline: RunDeadline | undefined;
  private readonly onRequest: ((event: RequestEvent) => void) | undefined;
  private readonly slots: LimitFunction;
  private readonly counters = { requests: 0, retries: 0, throttled: 0, backoffMs: 0 };

  constructor(options: ManagementClientOptions) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
    this.origin = options.origin;
    this.tokens = options.tokens;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher = options.dispatcher ?? createAgent();
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024;
    this.retry = options.retry instanceof RetryPolicy ? options.retry : new RetryPolicy(options.retry);
    this.clock = options.clock ?? systemClock;
    this.limiter = options.limiter ?? new RateLimiter({ maxRps: options.maxRps, clock: this.clock });
    this.deadline = options.deadline;
    this.onRequest = options.onRequest;
    this.slots = pLimit(this.concurrency);
  }

  /** GET `/api/v2${path}`; resolves with the parsed JSON of a 2xx, throws ApiError for any other final status. */
  get(path: string, query?: Query): Promise<ApiResponse> {
    if (!path.startsWith('/') || /[?#]/.test(path)) {
      return Promise.reject(new CollectionError('API', `Request path "${path}" must start with "/" and carry no query.`));
    }
    return this.slots(() => this.requestWithRetries('GET', path, query, undefined));
  }

  /**
   * POST `/api/v2${path}` with a JSON body (only the users export job needs one): same limiter, retries and token
   * policy as GET. Retrying a create is safe here: a second export job only costs the tenant a little work.
   */
  post(path: string, body: unknown): Promise<ApiResponse> {
    if (!path.startsWith('/') || /[?#]/.test(path)) {
      return Promise.reject(new CollectionError('API', `Request path "${path}" must start with "/" and carry no query.`));
    }
    return this.slots(() => this.requestWithRetries('POST', path, undefined, JSON.stringify(body)));
  }

  stats(): HttpStats {
    const { requests, retries, throttled, backoffMs } = this.counters;
    const limiter = this.limiter.stats();
    const learned = limiter.learnedRps === undefined ? {} : { learnedRps: limiter.learnedRps };
    return { requests, retries, throttled, throttleWaitMs: Math.round(limiter.waitMs + backoffMs), waitWallMs: Math.round(limiter.heldMs), ...learned };
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private emit(event: RequestEvent): void {
    this.onRequest?.(event);
  }

  private async requestWithRetries(method: 'GET' | 'POST', path: string, query: Query | undefined, body: string | undefined): Promise<ApiResponse> {
    const fullPath = `/api/v2${path}${queryString(query)}`;
    const logPath = loggablePath(path, query);
    let waited = 0;
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      this.deadline?.check(`${method} ${path}`);
      const token = await this.tokens.getToken();
      const res = await this.send(method, fullPath, logPath, token, attempt, body);
      let outcome: AttemptOutcome;
      if ('error' in res) {
        outcome = res;
      } else if (res.status >= 200 && res.status < 300) {
        const parsed = parseJson(res.text);
        if (parsed.ok) return { status: res.status, headers: res.headers, body: parsed.value };
        outcome = { kind: 'error', error: new MalformedBodyError(`${method} ${path} returned malformed JSON`) };
      } else if (res.status === 401 && !renewed && this.tokens.renewable) {
        // The token may have expired early or been revoked: one fresh token, then the 401 stands.
        renewed = true;
        this.tokens.invalidate(token);
        this.counters.retries += 1;
        continue;
      } else {
        outcome = { kind: 'status', status: res.status, headers: res.headers };
      }
      const wait = this.retry.next(outcome, attempt, waited, this.clock.now());
      if (wait === undefined) throw requestFailure(`${method} ${path}`, outcome, 'error' in res ? undefined : res, attempt, this.timeoutMs, [token, ...(this.tokens.secrets?.() ?? [])]);
      this.counters.retries += 1;
      const throttledNow = outcome.kind === 'status' && outcome.status === 429;
      if (throttledNow) this.counters.backoffMs += wait;
      waited += wait;
      const release = throttledNow ? this.limiter.hold() : undefined;
      try {
        await this.clock.sleep(wait, this.deadline?.signal);
      } finally {
        release?.();
      }
    }
  }

  /** A turn from the rate limiter, unless the run deadline passes first (the turn is then handed back). */
  private acquire(what: string): Promise<RateLimitTicket> {
    const pending = this.limiter.acquire();
    return this.deadline === undefined ? pending : this.deadline.race(pending, what, (ticket) => ticket.fail());
  }

  /** One attempt through the rate limiter; network faults come back as an outcome, not thrown. */
  private async send(
    method: 'GET' | 'POST',
    fullPath: string,
    logPath: string,
    token: string,
    attempt: number,
    body: string | undefined,
  ): Promise<ExchangeResponse | { kind: 'error'; error: unknown }> {
    const ticket = await this.acquire(`${method} ${logPath.split('?')[0] ?? ''}`);
    const started = performance.now();
    this.counters.requests += 1;
    let res: ExchangeResponse;
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      res = await exchange(this.dispatcher, { origin: this.origin, path: fullPath, method, headers, body, timeoutMs: this.timeoutMs }, this.maxBodyBytes, this.deadline?.signal);
    } catch (err) {
      ticket.fail();
      this.emit({ method, path: logPath, error: errorCode(err) ?? 'ERROR', ms: Math.round(performance.now() - started), attempt });
      if (err instanceof CollectionError) throw err;
      return { kind: 'error', error: err };
    }
    ticket.complete(res.status, res.headers);
    if (res.status === 429) this.counters.throttled += 1;
    this.emit({ method, path: logPath, status: res.status, ms: Math.round(performance.now() - started), attempt });
    return res;
  }

  /**
   * Opens a pre-signed export URL (absolute; https, or http on loopback) as a stream. No Authorization header:
   * the URL is its own credential, so it is never logged with its query. The run deadline cuts the stream off
   * with the deadline error; the export reader bounds each download itself (size, stalls, its own deadline).
   */
  async download(url: string): Promise<Readable> {
    const target = downloadTarget(url);
    const logPath = `${target.origin}${target.pathname}`;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      this.deadline?.check('the users export download');
      const outcome = await this.openDownload(target, logPath, attempt);
      if ('body' in outcome) return outcome.body;
      const wait = this.retry.next(outcome, attempt, waited, this.clock.now());
      if (wait === undefined) throw requestFailure('GET the export download', outcome, undefined, attempt, this.timeoutMs);
      this.counters.retries += 1;
      waited += wait;
      await this.clock.sleep(wait, this.deadline?.signal);
    }
  }

  private async openDownload(target: URL, logPath: string, attempt: number): Promise<{ body: Readable } | AttemptOutcome> {
    const started = performance.now();
    this.counters.requests += 1;
    let opened: OpenedResponse;
    try {
      opened = await openResponse(this.dispatcher, { origin: target.origin, path: `${target.pathname}${target.search}`, method: 'GET', headers: { accept: '*/*' }, timeoutMs: this.timeoutMs }, this.deadline?.signal);
    } catch (err) {
      if (err instanceof CollectionError) throw err;
      this.emit({ method: 'GET', path: logPath, error: errorCode(err) ?? 'ERROR', ms: Math.round(performance.now() - started), attempt });
      return { kind: 'error', error: err };
    }
    this.emit({ method: 'GET', path: logPath, status: opened.status, ms: Math.round(performance.now() - started), attempt });
    if (opened.status >= 200 && opened.status < 300) return { body: opened.body };
    // An error body is not needed; dropping it (with its connection) beats draining a hostile one.
    opened.body.on('error', () => undefined).destroy();
    return { kind: 'status', status: opened.status, headers: opened.headers };
  }
}
