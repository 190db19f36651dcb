import { ApiError } from '../http/api-error.js';
import { requestFailure } from '../http/request-failure.js';
import type { TimedAnswer } from './assess-clock.js';
import type { Checks } from './check-result.js';
import { explainNetworkError } from './explain-network-error.js';
import type { RawSender } from './raw-sender.js';
import type { TokenClaims } from './token-claims.js';

export interface ApiStep {
  api: Checks['api'];
  /** Set when this was the first contact with the host (a pre-issued token). */
  reachability?: Checks['reachability'];
  answer?: TimedAnswer;
}

export interface ApiContext {
  token: string;
  /** The client secret the token was asked with, scrubbed like the token from whatever the API says back. */
  clientSecret?: string;
  method: 'client_credentials' | 'token';
  claims: TokenClaims | undefined;
  audience: string;
  host: string;
  loopback: boolean;
  timeoutMs: number;
  now: () => number;
}

/** The cheapest read there is; any answer but 401 proves the token is accepted, whatever the scopes. */
const PATH = '/tenants/settings?fields=friendly_name&include_fields=true';

/** Step 2b: one raw GET that shows whether /api/v2 takes the token, and carries the Date and x-ratelimit-* headers. */
export async function probeApi(sender: RawSender, ctx: ApiContext): Promise<ApiStep> {
  const outcome = await sender.send({ method: 'GET', path: `/api/v2${PATH}`, logPath: PATH, headers: { authorization: `Bearer ${ctx.token}`, accept: 'application/json' } });
  if (!outcome.ok) {
    const why = explainNetworkError(outcome.code, ctx.host, ctx.timeoutMs);
    const reachability = { status: 'fail' as const, ...why, ...(outcome.code === undefined ? {} : { errorCode: outcome.code }) };
    return { api: { status: 'fail', ...why }, reachability };
  }
  const { response, sentAtMs, receivedAtMs } = outcome;
  const answer = { headers: response.headers, sentAtMs, receivedAtMs };
  const reachability = { status: 'ok' as const, summary: `${ctx.host} answered${ctx.loopback ? ' (plain HTTP, loopback)' : ' over TLS'}` };
  const status = response.status;
  if (status >= 200 && status < 300) return { api: { status: 'ok', summary: 'the Management API accepted the token', httpStatus: status }, reachability, answer };
  const failure = requestFailure(`GET ${PATH.split('?')[0] ?? ''}`, { kind: 'status', status, headers: response.headers }, response, 1, ctx.timeoutMs, [ctx.token, ctx.clientSecret]);
  const detail = failure instanceof ApiError && failure.apiMessage !== undefined ? { detail: failure.apiMessage } : {};
  const code = failure instanceof ApiError ? failure.errorCode : undefined;
  if (status === 401) return { api: { status: 'fail', ...rejected(ctx), httpStatus: status, ...detail }, reachability, answer };
  if (status === 403 || status === 404) {
    // Past authentication: the token is good, this endpoint just needs a scope (or a feature) it lacks.
    return { api: { status: 'ok', summary: `the Management API accepted the token (${status}${code === undefined ? '' : ` ${code}`} on /tenants/settings is about scopes, see below)`, httpStatus: status, ...detail }, reachability, answer };
  }
  if (status === 429) {
    return { api: { status: 'warn', summary: 'the Management API kept answering 429 (rate limited) through the retries', fix: "other clients are using the tenant's rate limit: scan when they are idle", httpStatus: status, ...detail }, reachability, answer };
  }
  const said = `${status}${code === undefined ? '' : ` ${code}`}`;
  if (status >= 500) {
    return { api: { status: 'fail', summary: `the Management API answered ${said} after retries`, fix: 'try again later; see https://status.auth0.com', httpStatus: status, ...detail }, reachability, answer };
  }
  return { api: { status: 'fail', summary: `the Management API answered ${said}: is --domain an Auth0 tenant?`, fix: 'pass the tenant domain (acme.eu.auth0.com) or its custom domain to --domain', httpStatus: status, ...detail }, reachability, answer };
}

function rejected(ctx: ApiContext): { summary: string; fix: string } {
  if (ctx.method === 'client_credentials') {
    return {
      summary: `the Management API rejected the token issued for ${ctx.audience} (401): a token for another audience or tenant`,
      fix: `--audience must be the Management API of the tenant at --domain (https://<canonical tenant domain>/api/v2/), and the token used on the domain it came from`,
    };
  }
  const aud = ctx.claims?.audiences ?? [];
  if (aud.length > 0 && !aud.includes(ctx.audience)) {
    return { summary: `the API rejected the token (401): it was issued for ${aud.join(', ')}, not ${ctx.audience}`, fix: `get a token for the Management API audience ${ctx.audience}` };
  }
  const exp = ctx.claims?.expiresAtMs;
  if (exp !== undefined && exp <= ctx.now()) {
    return { summary: `the API rejected the token (401): it expired at ${new Date(exp).toISOString()}`, fix: 'get a fresh token, or use client credentials so tokens are renewed' };
  }
  return { summary: 'the API rejected the token (401): expired, malformed, or issued by another tenant', fix: `get a fresh token for ${ctx.audience}` };
}
