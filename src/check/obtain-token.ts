import { jwtScopes } from '../http/jwt-scopes.js';
import type { TimedAnswer } from './assess-clock.js';
import type { Checks } from './check-result.js';
import { explainNetworkError } from './explain-network-error.js';
import { explainTokenRefusal } from './explain-token-refusal.js';
import type { RawSender } from './raw-sender.js';
import { requestToken } from './request-token.js';
import { tokenClaims, type TokenClaims } from './token-claims.js';

export type CheckCredentials = { kind: 'client'; clientId: string; clientSecret: string } | { kind: 'token'; token: string };

export interface TokenStep {
  /** Set when the token request settled it (client credentials: the token endpoint is the first contact). */
  reachability?: Checks['reachability'];
  credentials: Checks['credentials'];
  token?: string;
  granted?: string[];
  claims?: TokenClaims;
  /** The token endpoint's answer, for the clock when the API gives none. */
  answer?: TimedAnswer;
}

export interface TokenContext {
  audience: string;
  defaultAudience: string;
  host: string;
  loopback: boolean;
  timeoutMs: number;
  now: () => number;
}

/** Soon enough that a large scan could outlive a token that cannot be renewed. */
const SHORT_LIFETIME_S = 15 * 60;

/** Step 1-2: a token from the client credentials (the first request, so it also proves the host reachable), or the pre-issued one. */
export async function obtainToken(sender: RawSender, creds: CheckCredentials, ctx: TokenContext): Promise<TokenStep> {
  if (creds.kind === 'token') return preIssued(creds.token, ctx);
  const outcome = await requestToken(sender, { clientId: creds.clientId, clientSecret: creds.clientSecret, audience: ctx.audience });
  const method = 'client_credentials' as const;
  if (outcome.kind === 'unreachable') {
    const why = explainNetworkError(outcome.code, ctx.host, ctx.timeoutMs);
    return {
      reachability: { status: 'fail', ...why, ...(outcome.code === undefined ? {} : { errorCode: outcome.code }) },
      credentials: { status: 'skipped', summary: 'not checked: the host is unreachable', method },
    };
  }
  const { response, sentAtMs, receivedAtMs } = outcome.answer;
  const answer = { headers: response.headers, sentAtMs, receivedAtMs };
  const reachability = { status: 'ok' as const, summary: `${ctx.host} answered${ctx.loopback ? ' (plain HTTP, loopback)' : ' over TLS'}` };
  if (outcome.kind === 'refused') {
    const why = explainTokenRefusal({ status: outcome.status, oauthError: outcome.oauthError, clientId: creds.clientId, audience: ctx.audience, defaultAudience: ctx.defaultAudience });
    const credentials: Checks['credentials'] = { status: 'fail', ...why, method, httpStatus: outcome.status };
    if (outcome.oauthError !== undefined) credentials.oauthError = outcome.oauthError;
    if (outcome.description !== undefined) credentials.detail = outcome.description;
    return { reachability, credentials, answer };
  }
  const lifetime = outcome.expiresInSeconds === undefined ? '' : `, valid for ${formatDuration(outcome.expiresInSeconds)}`;
  const granted = outcome.scopes ?? jwtScopes(outcome.token);
  return {
    reachability,
    credentials: {
      status: 'ok',
      summary: `token issued to ${creds.clientId} for ${ctx.audience}${lifetime}`,
      method,
      httpStatus: 200,
      ...(outcome.expiresInSeconds === undefined ? {} : { expiresInSeconds: outcome.expiresInSeconds }),
    },
    token: outcome.token,
    ...(granted === undefined ? {} : { granted }),
    answer,
  };
}

function preIssued(token: string, ctx: TokenContext): TokenStep {
  const method = 'token' as const;
  const claims = tokenClaims(token);
  const granted = jwtScopes(token);
  const base = { token, claims, ...(granted === undefined ? {} : { granted }) };
  if (claims?.expiresAtMs === undefined) {
    return { ...base, credentials: { status: 'ok', summary: 'pre-issued token (no readable expiry; the API call below checks it)', method } };
  }
  const left = Math.round((claims.expiresAtMs - ctx.now()) / 1000);
  if (left <= 0) {
    return {
      ...base,
      credentials: { status: 'fail', summary: `the pre-issued token expired ${formatDuration(-left)} ago (by the local clock)`, fix: 'get a fresh token, or use client credentials so tokens are renewed', method, expiresInSeconds: left },
    };
  }
  if (left < SHORT_LIFETIME_S) {
    return {
      ...base,
      credentials: { status: 'warn', summary: `the pre-issued token expires in ${formatDuration(left)}; it cannot be renewed mid-scan`, fix: 'use a fresh token, or client credentials', method, expiresInSeconds: left },
    };
  }
  return { ...base, credentials: { status: 'ok', summary: `pre-issued token, valid for ${formatDuration(left)}`, method, expiresInSeconds: left } };
}

export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
