import { defaultAudience, parseDomain } from '../http/domain.js';
import { createAgent, ManagementClient } from '../http/management-client.js';
import type { ProxyDispatcherOptions } from '../http/proxy-dispatcher.js';
import type { RequestEvent } from '../http/request-event.js';
import { RetryPolicy, type RetryPolicyOptions } from '../http/retry-policy.js';
import { TokenProvider } from '../http/token-provider.js';
import type { RuleFile } from '../rules/rule-schema.js';
import { toolVersion } from '../version.js';
import { assessClock, DEFAULT_MAX_SKEW_SECONDS } from './assess-clock.js';
import { assessRateLimit } from './assess-rate-limit.js';
import { assessScopes, unassessedScopes } from './assess-scopes.js';
import { skipped, type CheckResult, type Checks } from './check-result.js';
import { checkVerdict } from './check-verdict.js';
import { obtainToken, type CheckCredentials } from './obtain-token.js';
import { probeApi, type ApiStep } from './probe-api.js';
import { probeGatedEndpoints } from './probe-gated-endpoints.js';
import { RawSender } from './raw-sender.js';
import { scopeNeeds } from './scope-needs.js';

export type { CheckCredentials } from './obtain-token.js';
export { checkResultSchema, type CheckResult } from './check-result.js';

export interface CheckOptions {
  /** As `--domain`: a host, an https:// origin, or http:// on loopback. */
  domain: string;
  /** Default `https://<domain>/api/v2/`. */
  audience?: string;
  credentials: CheckCredentials;
  /** The selected rules: they decide which scopes and plan-gated endpoints are needed. */
  rules: readonly RuleFile[];
  /** Per attempt. Default 15 s: a check should answer quickly even when the network does not. */
  timeoutMs?: number;
  retry?: RetryPolicyOptions;
  network?: ProxyDispatcherOptions;
  /** The local clock compared with the server's `Date`. Default `Date.now`. */
  now?: () => number;
  maxClockSkewSeconds?: number;
  onRequest?: (event: RequestEvent) => void;
}

/** Fewer, shorter retries than a scan: a diagnosis that hangs for minutes diagnoses nothing. */
const CHECK_RETRY: RetryPolicyOptions = { maxAttempts: 3, maxTotalDelayMs: 20_000 };

/**
 * `auth0-scan check` as a library call: a handful of requests (a token, one API read, one probe per plan-gated
 * kind the rules need) that tell whether a full scan can run, and what to fix when it cannot. Never throws for
 * what the tenant answers; throws InputError only for an unusable --domain.
 */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const domain = parseDomain(options.domain);
  const audience = options.audience ?? defaultAudience(domain);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const needs = scopeNeeds(options.rules);
  const agent = createAgent(options.network);
  const retry = new RetryPolicy({ ...CHECK_RETRY, ...options.retry });
  const sender = new RawSender({ origin: domain.origin, dispatcher: agent, retry, timeoutMs, now, onRequest: options.onRequest });
  const ctx = { audience, host: domain.host, loopback: domain.loopback, timeoutMs, now };
  const creds = options.credentials;
  const clientId = creds.kind === 'client' ? creds.clientId : undefined;
  let managementRequests = 0;
  try {
    const step = await obtainToken(sender, creds, { ...ctx, defaultAudience: defaultAudience(domain) });
    let api: ApiStep | undefined;
    if (step.token !== undefined) api = await probeApi(sender, { ...ctx, token: step.token, clientSecret: creds.kind === 'client' ? creds.clientSecret : undefined, method: step.credentials.method, claims: step.claims });
    const credentials = api?.api.status === 'ok' && step.credentials.status === 'fail' ? acceptedAnyway(step.credentials) : step.credentials;
    const reachability = step.reachability ?? api?.reachability ?? skipped('not checked');
    const usable = api !== undefined && api.api.status !== 'fail';
    const grant = { granted: step.granted, clientId, audience };
    let endpoints: Checks['endpoints'] = { ...skipped('not probed: the API did not accept the token'), probes: [] };
    if (usable && step.token !== undefined) {
      const client = new ManagementClient({ origin: domain.origin, tokens: new TokenProvider({ token: step.token }), dispatcher: agent, concurrency: 2, timeoutMs, retry, onRequest: options.onRequest });
      endpoints = await probeGatedEndpoints(client, needs.kinds, step.granted);
      managementRequests = client.stats().requests;
    }
    const checks: Checks = {
      reachability,
      credentials,
      api: apiCheck(api, step.reachability === undefined, step.credentials.status),
      scopes: usable ? assessScopes(needs, grant) : unassessedScopes(needs, 'not checked: no token the API accepts'),
      endpoints,
      rateLimit: assessRateLimit(api?.answer?.headers, now()),
      clock: assessClock(api?.answer ?? step.answer, options.maxClockSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS),
    };
    const verdict = checkVerdict(checks);
    return {
      schemaVersion: 1,
      tool: { name: 'auth0-scan', version: toolVersion() },
      checkedAt: new Date(now()).toISOString(),
      target: { origin: domain.origin, tenant: tenantHost(audience, domain.host), audience, ...(clientId === undefined ? {} : { clientId }) },
      ...verdict,
      requests: sender.requests + managementRequests,
      checks,
    };
  } finally {
    await agent.close();
  }
}

/** With a pre-issued token the API read is the first contact: when it found no host, `reachability` says so alone. */
function apiCheck(api: ApiStep | undefined, firstContact: boolean, credentials: Checks['credentials']['status']): Checks['api'] {
  if (api === undefined) return skipped(credentials === 'skipped' ? 'not checked: the host is unreachable' : 'not checked: no token was issued');
  if (firstContact && api.reachability?.status === 'fail') return skipped('not checked: the host is unreachable');
  return api.api;
}

/** The local clock said "expired" but the API took the token: the clock, not the token, is the suspect. */
function acceptedAnyway(c: Checks['credentials']): Checks['credentials'] {
  return { ...c, status: 'warn', summary: `${c.summary}, yet the API accepted it: check the local clock`, fix: 'synchronise the clock (NTP); the token may expire sooner than it appears' };
}

function tenantHost(audience: string, host: string): string {
  const m = /^https?:\/\/([^/]+)\/api\/v2\/?$/.exec(audience);
  return m?.[1] ?? host;
}
