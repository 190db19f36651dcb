/** Response headers as the HTTP layer passes them around: lower-case names, one string per name. */
export type HeaderMap = Record<string, string>;

export interface RateLimitHeaders {
  /** Bucket size (burst). */
  limit?: number;
  remaining?: number;
  /** When tokens are next added, in epoch milliseconds (the header carries epoch seconds). */
  resetAtMs?: number;
}

function nonNegativeNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function readRateLimitHeaders(headers: HeaderMap): RateLimitHeaders {
  const out: RateLimitHeaders = {};
  const limit = nonNegativeNumber(headers['x-ratelimit-limit']);
  const remaining = nonNegativeNumber(headers['x-ratelimit-remaining']);
  const reset = nonNegativeNumber(headers['x-ratelimit-reset']);
  if (limit !== undefined) out.limit = Math.floor(limit);
  if (remaining !== undefined) out.remaining = Math.floor(remaining);
  if (reset !== undefined) out.resetAtMs = reset * 1000;
  return out;
}

/** `Retry-After` as a delay in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: HeaderMap, nowMs: number): number | undefined {
  const value = headers['retry-after']?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * How long the server asks us to wait before the next request, capped: `Retry-After` first, then
 * `x-ratelimit-reset`. Undefined when the response says neither.
 */
export function serverWaitMs(headers: HeaderMap, nowMs: number, capMs: number): number | undefined {
  const after = retryAfterMs(headers, nowMs);
  if (after !== undefined) return Math.min(after, capMs);
  const reset = readRateLimitHeaders(headers).resetAtMs;
  if (reset === undefined) return undefined;
  return Math.min(Math.max(0, reset - nowMs), capMs);
}
