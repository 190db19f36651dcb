import { Agent, type Dispatcher } from 'undici';
import { z } from 'zod';
import { CollectionError } from '../errors.js';
import { oneLine } from './api-error.js';
import { scrubSecrets } from './scrub-secrets.js';
import { systemClock, type Clock } from './clock.js';
import { exchange, MalformedBodyError, type ExchangeResponse } from './exchange.js';
import { jwtScopes } from './jwt-scopes.js';
import { errorCode, isRetryableStatus, RetryPolicy, type AttemptOutcome } from './retry-policy.js';

/** What the Management client needs from a token provider (tests can hand it a fake). */
export interface TokenSource {
  getToken(): Promise<string>;
  /** After a 401: drop the cached token if it is still `staleToken` (so parallel 401s cause one renewal). */
  invalidate(staleToken?: string): void;
  /** Scopes the token carries, when known. */
  grantedScopes(): string[] | undefined;
  /** False for a pre-issued token: a 401 cannot be cured by asking again. */
  readonly renewable: boolean;
  /** Long-lived secrets behind the token (the client secret), so that no server's echo of them is ever shown. */
  secrets?(): string[];
}

export interface ClientCredentialsOptions {
  origin: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  dispatcher?: Dispatcher;
  clock?: Clock;
  retry?: RetryPolicy;
  timeoutMs?: number;
}

export type TokenProviderOptions = { token: string } | ClientCredentialsOptions;

/** Renew this long before expiry (NODE6 uses 10 s; a minute leaves room for a slow request in flight). */
const RENEW_BEFORE_MS = 60_000;
const DEFAULT_LIFETIME_S = 600;
/**
 * The shortest lifetime believed: a server answering `expires_in: 0` (or 0.001, or -5) would otherwise make every
 * API call ask for a new token. A token that really expires sooner gets a 401, and one renewal follows.
 */
const MIN_LIFETIME_S = 60;

/** Seconds as a number or a numeric string, clamped to the floor; anything else (absent, "soon") is the default. */
const lifetime = z
  .union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)])
  .pipe(z.number().finite())
  .transform((s) => Math.max(MIN_LIFETIME_S, s))
  .catch(DEFAULT_LIFETIME_S);

const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  expires_in: lifetime,
  scope: z.string().optional(),
});
const oauthError = z.looseObject({ error: z.string().optional(), error_description: z.string().optional() });

interface CachedToken {
  token: string;
  renewAt: number;
  scopes: string[] | undefined;
}

/**
 * A Management API access token: obtained with the client-credentials grant (form-encoded POST to
 * `${origin}/oauth/token`) and renewed before it expires, or a fixed pre-issued token. Concurrent callers share
 * one token request. Errors never contain the client secret.
 */
export class TokenProvider implements TokenSource {
  readonly renewable: boolean;
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;
  private scopes: string[] | undefined;
  private readonly credentials: ClientCredentialsOptions | undefined;
  private readonly clock: Clock;

  constructor(options: TokenProviderOptions) {
    if ('token' in options) {
      this.renewable = false;
      this.clock = systemClock;
      this.scopes = jwtScopes(options.token);
      this.cached = { token: options.token, renewAt: Infinity, scopes: this.scopes };
    } else {
      this.renewable = true;
      this.credentials = options;
      this.clock = options.clock ?? systemClock;
    }
  }

  getToken(): Promise<string> {
    const cached = this.cached;
    if (cached !== undefined && (!this.renewable || this.clock.now() < cached.renewAt)) return Promise.resolve(cached.token);
    this.pending ??= this.request().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(staleToken?: string): void {
    if (!this.renewable) return;
    if (staleToken === undefined || this.cached?.token === staleToken) this.cached = undefined;
  }

  grantedScopes(): string[] | undefined {
    return this.scopes === undefined ? undefined : [...this.scopes];
  }

  private async request(): Promise<string> {
    const c = this.credentials;
    if (c === undefined) throw new CollectionError('AUTH', 'The pre-issued access token was rejected and cannot be renewed.');
    const dispatcher = c.dispatcher ?? new Agent();
    const retry = c.retry ?? new RetryPolicy();
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, audience: c.audience }).toString();
    let waited = 0;
    try {
      for (let attempt = 1; ; attempt++) {
        let outcome: AttemptOutcome;
        try {
          const res = await exchange(dispatcher, { origin: c.origin, path: '/oauth/token', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body, timeoutMs: c.timeoutMs ?? 30_000 }, 1_000_000);
          if (res.status === 200) {
            const issued = this.accept(res);
            if (issued !== undefined) return issued;
            outcome = { kind: 'error', error: new MalformedBodyError('unreadable token response') };
          } else if (isRetryableStatus(res.status)) {
            outcome = { kind: 'status', status: res.status, headers: res.headers };
          } else {
            throw this.refused(res);
          }
        } catch (err) {
          if (err instanceof CollectionError) throw err;
          outcome = { kind: 'error', error: err };
        }
        const wait = retry.next(outcome, attempt, waited, this.clock.now());
        if (wait === undefined) throw this.gaveUp(outcome, attempt);
        waited += wait;
        await this.clock.sleep(wait);
      }
    } finally {
      if (c.dispatcher === undefined) await dispatcher.close();
    }
  }

  private accept(res: ExchangeResponse): string | undefined {
    let json: unknown;
    try {
      json = JSON.parse(res.text);
    } catch {
      return undefined;
    }
    const parsed = tokenResponse.safeParse(json);
    if (!parsed.success) return undefined;
    const lifetimeMs = parsed.data.expires_in * 1000;
    const scopes = parsed.data.scope === undefined ? undefined : parsed.data.scope.split(/\s+/).filter((s) => s !== '');
    this.scopes = scopes;
    this.cached = { token: parsed.data.access_token, renewAt: this.clock.now() + lifetimeMs - Math.min(RENEW_BEFORE_MS, lifetimeMs / 2), scopes };
    return parsed.data.access_token;
  }

  secrets(): string[] {
    return this.credentials === undefined ? [] : [this.credentials.clientSecret];
  }

  private scrub(text: string): string {
    return scrubSecrets(text, [this.credentials?.clientSecret]);
  }

  private refused(res: ExchangeResponse): CollectionError {
    let error: string | undefined;
    let description: string | undefined;
    try {
      const parsed = oauthError.safeParse(JSON.parse(res.text));
      if (parsed.success) ({ error, error_description: description } = parsed.data);
    } catch {
      // Not JSON (a proxy page, a wrong host): the status alone has to do.
    }
    const what = [res.status, error === undefined ? undefined : oneLine(this.scrub(error), 60)].filter((p) => p !== undefined).join(' ');
    const said = description === undefined ? '' : `: ${oneLine(this.scrub(description))}`;
    const hint =
      error === 'unauthorized_client'
        ? ' (enable the Client Credentials grant for this application)'
        : res.status === 401
          ? ' (check the client id and secret)'
          : res.status === 403
            ? ' (check that the application is authorized for the Management API audience)'
            : '';
    return new CollectionError('AUTH', `Could not get a Management API token (${what})${said}${hint}.`, { status: res.status });
  }

  private gaveUp(outcome: AttemptOutcome, attempts: number): CollectionError {
    const origin = this.credentials?.origin ?? '';
    if (outcome.kind === 'status') {
      return new CollectionError('AUTH', `Could not get a Management API token: ${origin}/oauth/token answered ${outcome.status} after ${attempts} attempts.`, { status: outcome.status });
    }
    const code = errorCode(outcome.error) ?? 'network error';
    if (code === 'E_MALFORMED_BODY') return new CollectionError('AUTH', `Could not get a Management API token: ${origin}/oauth/token returned an unreadable response.`);
    return new CollectionError('NETWORK', `Could not reach ${origin}/oauth/token (${code}) after ${attempts} attempts.`, { cause: outcome.error });
  }
}
