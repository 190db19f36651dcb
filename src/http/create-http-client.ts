import { InputError } from '../errors.js';
import type { Clock } from './clock.js';
import { defaultAudience, parseDomain, type ParsedDomain } from './domain.js';
import { createAgent, ManagementClient } from './management-client.js';
import type { ProxyDispatcherOptions } from './proxy-dispatcher.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RequestEvent } from './request-event.js';
import { RetryPolicy, type RetryPolicyOptions } from './retry-policy.js';
import type { RunDeadline } from './run-deadline.js';
import { TokenProvider } from './token-provider.js';

export interface HttpClientOptions {
  /** `--domain`: a host, an https:// origin, or http:// on loopback. */
  domain: string;
  /** Default `${origin}/api/v2/`. */
  audience?: string;
  clientId?: string;
  clientSecret?: string;
  /** A pre-issued token; used instead of client credentials when given. */
  token?: string;
  concurrency?: number;
  maxRps?: number;
  /** Replaces the limiter built from maxRps (the collection benches pass a non-adaptive one). */
  limiter?: RateLimiter;
  timeoutMs?: number;
  retry?: RetryPolicyOptions;
  clock?: Clock;
  /** `--timeout`: the Management client sends nothing past it and cuts off what is in flight. */
  deadline?: RunDeadline;
  onRequest?: (event: RequestEvent) => void;
  /** Proxy variables (default process.env) and test-only TLS and DNS overrides for the shared pool. */
  network?: ProxyDispatcherOptions;
}

export interface HttpClient {
  domain: ParsedDomain;
  tokens: TokenProvider;
  client: ManagementClient;
  /** Closes the shared connection pool. */
  close(): Promise<void>;
}

/**
 * Wires one connection pool, one token provider and one Management client from the connection options; the
 * token request, every API read and the export download all share the pool, and so its proxy.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const domain = parseDomain(options.domain);
  const agent = createAgent(options.network);
  const retry = new RetryPolicy(options.retry);
  let tokens: TokenProvider;
  if (options.token !== undefined && options.token !== '') {
    tokens = new TokenProvider({ token: options.token });
  } else if (options.clientId && options.clientSecret) {
    tokens = new TokenProvider({
      origin: domain.origin,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      audience: options.audience ?? defaultAudience(domain),
      dispatcher: agent,
      clock: options.clock,
      retry,
      timeoutMs: options.timeoutMs,
    });
  } else {
    throw new InputError('USAGE', 'Give --client-id and --client-secret (or AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET), or --token.', '--client-id');
  }
  const client = new ManagementClient({
    origin: domain.origin,
    tokens,
    dispatcher: agent,
    concurrency: options.concurrency,
    maxRps: options.maxRps,
    limiter: options.limiter,
    timeoutMs: options.timeoutMs,
    retry,
    clock: options.clock,
    deadline: options.deadline,
    onRequest: options.onRequest,
  });
  return { domain, tokens, client, close: () => agent.close() };
}
