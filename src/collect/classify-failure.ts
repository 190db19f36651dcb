import { CollectionError } from '../errors.js';
import { ApiError } from '../http/api-error.js';
import type { KindCoverage } from '../model/coverage.js';
import { advisableScopes } from '../model/advisable-scopes.js';
import { KINDS, type KindName } from '../model/kinds.js';

const UNAVAILABLE_CODES = new Set(['insufficient_entitlement', 'feature_not_enabled']);
const SCOPE_IN_MESSAGE = /\b(?:read|create|update|delete):[a-z_]+\b/g;

/**
 * Why a kind's data is missing, from the failure its collector threw. Branches on status and errorCode only; the
 * 403 message is read for the scope names it lists (data), falling back to the kind's own scopes. The message is
 * not repeated in a missing-scope detail: its only content is that list, and it may name scopes no one should grant.
 */
export function classifyFailure(kind: KindName, err: unknown, granted?: readonly string[]): Omit<KindCoverage, 'count'> {
  if (err instanceof ApiError) {
    const api = err.apiMessage ? `: ${err.apiMessage}` : '';
    if (err.status === 403 && err.errorCode === 'insufficient_scope') {
      return { status: 'forbidden', missingScopes: missingScopes(kind, err.apiMessage, granted), detail: 'the token lacks a scope (403 insufficient_scope)' };
    }
    if (err.status === 403 && err.errorCode !== undefined && UNAVAILABLE_CODES.has(err.errorCode)) {
      return { status: 'unavailable', detail: `not available on this tenant's plan (${err.errorCode})` };
    }
    if (err.status === 403) return { status: 'unavailable', detail: `the API refused the request (403${api})` };
    if (err.status === 404) return { status: 'unavailable', detail: `not configured on this tenant (404${api})` };
    if (err.status === 501) return { status: 'unavailable', detail: 'not implemented for this tenant (501)' };
    return { status: 'error', detail: `HTTP ${err.status}${api}` };
  }
  if (err instanceof CollectionError && err.code === 'INCOMPLETE') return { status: 'truncated', detail: err.message };
  if (err instanceof CollectionError) return { status: 'error', detail: err.message };
  return { status: 'error', detail: err instanceof Error ? err.message : String(err) };
}

/**
 * The scopes to ask for. The 403 names every scope of the endpoint ("expected all of: read:users,read:roles", or
 * "any of" four client scopes), so scopes the token already holds are dropped, and only read scopes this kind
 * documents are ever recommended: a hostile or careless message must not talk anyone into granting
 * `delete:clients` or `read:client_keys` to a scanner.
 */
function missingScopes(kind: KindName, message: string | undefined, granted: readonly string[] | undefined): string[] {
  const own = advisableScopes(kind, KINDS[kind].scopes);
  const named = message?.match(SCOPE_IN_MESSAGE) ?? [];
  const absent = (list: readonly string[]): string[] => list.filter((s) => granted === undefined || !granted.includes(s));
  const namedOwn = advisableScopes(kind, absent(named));
  if (namedOwn.length > 0) return namedOwn;
  const ownAbsent = absent(own);
  return ownAbsent.length > 0 ? ownAbsent : own;
}
