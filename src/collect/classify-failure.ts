import { CollectionError } from '../errors.js';
import { ApiError } from '../http/api-error.js';
import type { KindCoverage } from '../model/coverage.js';
import { KINDS, type KindName } from '../model/kinds.js';

const UNAVAILABLE_CODES = new Set(['insufficient_entitlement', 'feature_not_enabled']);
const SCOPE_IN_MESSAGE = /\b(?:read|create|update|delete):[a-z_]+\b/g;

/**
 * Why a kind's data is missing, from the failure its collector threw. Branches on status and errorCode only; the
 * 403 message is read for the scope names it lists (data), falling back to the kind's own scopes.
 */
export function classifyFailure(kind: KindName, err: unknown): Omit<KindCoverage, 'count'> {
  if (err instanceof ApiError) {
    const api = err.apiMessage ? `: ${err.apiMessage}` : '';
    if (err.status === 403 && err.errorCode === 'insufficient_scope') {
      const named = err.apiMessage?.match(SCOPE_IN_MESSAGE);
      return { status: 'forbidden', missingScopes: named && named.length > 0 ? [...new Set(named)] : [...KINDS[kind].scopes], detail: `the token lacks a scope${api}` };
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
