import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, envelope } from './api-error.js';
import type { ExportJobs } from './export-jobs.js';
import type { FaultDecision, FaultInjector } from './fault-injector.js';
import { BodyError, readBody } from './read-body.js';
import { matchRoute } from './route-table.js';
import type { ScopeRule } from './route-types.js';
import { sendJson, type Headers } from './send-reply.js';
import type { TenantData } from './tenant-data.js';
import type { UnavailableReason } from './tenant-schema.js';
import type { TokenBucket } from './token-bucket.js';
import type { TokenStore } from './token-store.js';

export interface ApiDeps {
  data: TenantData;
  tokens: TokenStore;
  bucket: TokenBucket | undefined;
  jobs: ExportJobs;
  faults: FaultInjector;
  baseUrl: string;
}

const API_PREFIX = '/api/v2';

function missingScope(rule: ScopeRule, scopes: ReadonlySet<string>): string | undefined {
  if ('any' in rule) return rule.any.some((s) => scopes.has(s)) ? undefined : `Insufficient scope, expected any of: ${rule.any.join(',')}`;
  return rule.all.every((s) => scopes.has(s)) ? undefined : `Insufficient scope, expected all of: ${rule.all.join(',')}`;
}

function unavailableError(reason: UnavailableReason, kind: string): ApiError {
  switch (reason) {
    case 'insufficient_entitlement':
      return new ApiError(403, `Please upgrade your subscription to use ${kind.replace(/_/g, ' ')}`, 'insufficient_entitlement');
    case 'feature_not_enabled':
      return new ApiError(403, 'This feature is not enabled for this tenant.', 'feature_not_enabled');
    case 'not_found':
      return new ApiError(404, 'Not Found');
    case 'not_implemented':
      return new ApiError(501, 'Not Implemented');
  }
}

function unauthorized(message: string): ApiError {
  const err = new ApiError(401, message);
  err.body.attributes = { error: message };
  return err;
}

function send429(res: ServerResponse, deps: ApiDeps, headers: Headers, waitMs: number): void {
  if (deps.faults.current.tooManyRequests?.retryAfter) headers['retry-after'] = Math.max(1, Math.ceil(waitMs / 1000));
  const body = deps.faults.bare429()
    ? envelope(429, undefined)
    : envelope(429, 'Global limit has been reached', 'too_many_requests');
  sendJson(res, 429, body, headers);
}

/** One `/api/v2` request: storm, rate limit, token, route, scope, plan gate, handler; rate-limit headers on all of them. */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, url: URL, decision: FaultDecision, deps: ApiDeps): Promise<void> {
  const headers: Headers = {};
  if (decision.stormUntilMs !== undefined) {
    headers['x-ratelimit-limit'] = deps.bucket?.limit ?? 0;
    headers['x-ratelimit-remaining'] = 0;
    headers['x-ratelimit-reset'] = Math.ceil(decision.stormUntilMs / 1000);
    return send429(res, deps, headers, decision.stormUntilMs - Date.now());
  }
  if (deps.bucket) {
    const state = deps.bucket.take();
    headers['x-ratelimit-limit'] = state.limit;
    headers['x-ratelimit-remaining'] = state.remaining;
    headers['x-ratelimit-reset'] = state.resetEpochSeconds;
    if (!state.allowed) return send429(res, deps, headers, state.waitMs);
  }
  try {
    const auth = req.headers.authorization ?? '';
    const bearer = /^bearer\s+(\S+)$/i.exec(auth)?.[1];
    if (bearer === undefined) throw unauthorized('Missing authentication');
    const check = deps.tokens.check(bearer);
    if (!check.ok) throw unauthorized(check.reason === 'expired' ? 'Expired token received for JSON Web Token validation' : 'Invalid token');

    const match = matchRoute(req.method ?? 'GET', url.pathname.slice(API_PREFIX.length));
    if (match === 'not_found') throw new ApiError(404, 'Not Found');
    if (match === 'method_not_allowed') throw new ApiError(405, `The mock Management API is read-only: ${req.method ?? ''} is not served here`);
    const { route, params } = match;
    const scopeMessage = missingScope(route.scopes, check.scopes);
    if (scopeMessage) throw new ApiError(403, scopeMessage, 'insufficient_scope');
    const reason = deps.data.unavailable[route.kind];
    if (reason) throw unavailableError(reason, route.kind);

    let body: unknown;
    if (route.method === 'POST') {
      try {
        body = await readBody(req);
      } catch (err) {
        throw new ApiError(err instanceof BodyError ? err.status : 400, `Payload validation error: ${err instanceof Error ? err.message : 'invalid body'}`, 'invalid_body');
      }
    }
    const reply = route.handle({
      query: url.searchParams,
      params,
      scopes: check.scopes,
      data: deps.data,
      body,
      baseUrl: deps.baseUrl,
      jobs: deps.jobs,
      totalDrift: decision.totalDrift,
    });
    sendJson(res, reply.status, reply.body, headers, decision.malformed && reply.status < 300);
  } catch (err) {
    if (err instanceof ApiError) return sendJson(res, err.status, err.body, { ...headers, ...err.headers });
    sendJson(res, 500, envelope(500, 'Internal Server Error'), headers);
  }
}
