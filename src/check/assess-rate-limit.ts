import { readRateLimitHeaders, type HeaderMap } from '../http/rate-limit-headers.js';
import type { Checks } from './check-result.js';

/**
 * The bucket the tenant announces in `x-ratelimit-*` (auth0-api.md §2). Informational: the scan learns and follows
 * it by itself; an empty bucket only means other clients are using the tenant's quota right now.
 */
export function assessRateLimit(headers: HeaderMap | undefined, nowMs: number): Checks['rateLimit'] {
  if (headers === undefined) return { status: 'skipped', summary: 'no Management API response to read the rate limit from' };
  const rl = readRateLimitHeaders(headers);
  if (rl.limit === undefined && rl.remaining === undefined) {
    return { status: 'ok', summary: 'the API sent no x-ratelimit-* headers; the scan paces itself (--max-rps to cap it)' };
  }
  const fields = {
    ...(rl.limit === undefined ? {} : { limit: rl.limit }),
    ...(rl.remaining === undefined ? {} : { remaining: rl.remaining }),
    ...(rl.resetAtMs === undefined ? {} : { resetAt: new Date(rl.resetAtMs).toISOString() }),
  };
  const resetIn = rl.resetAtMs === undefined ? '' : `, next refill in ${Math.max(0, Math.round((rl.resetAtMs - nowMs) / 1000))} s`;
  const summary = `bucket of ${rl.limit ?? '?'} request(s), ${rl.remaining ?? '?'} left${resetIn}`;
  if (rl.remaining === 0) {
    return { status: 'warn', summary: `${summary}: the bucket is empty, other clients are using this tenant's quota`, fix: 'the scan waits for refills; run it when the other clients are idle, or cap it with --max-rps', ...fields };
  }
  return { status: 'ok', summary, ...fields };
}
