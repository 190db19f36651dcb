import { ApiError, queryError } from './api-error.js';
import { boolParam, intParam, rejectParams } from './query-params.js';
import type { Item } from './user-store.js';

/** Where list items come from: an array, or the user store that produces users on demand. */
export interface ListSource {
  count: number;
  slice(start: number, end: number): Item[];
}

export function arraySource(items: readonly Item[]): ListSource {
  return { count: items.length, slice: (start, end) => items.slice(start, end) };
}

/** Offset mode is capped at the first 1000 records on some endpoints, with an endpoint-specific 400. */
export interface PagingCap {
  message: string;
  errorCode?: string;
}

export const USERS_CAP: PagingCap = {
  message: 'You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation',
};
export const RECORDS_CAP: PagingCap = {
  message: 'Requesting page exceeds the allowed maximum of 1000 records',
  errorCode: 'invalid_paging',
};
const CAP = 1000;
const MAX_PER_PAGE = 100;

export interface ListSpec {
  /** The array's key in envelopes (`clients`, `users`, …). */
  key: string;
  offset: { defaultPerPage: number; cap?: PagingCap; withLength?: boolean } | false;
  checkpoint: { defaultTake: number; maxTake: number } | false;
}

export interface PaginateOptions {
  /** Added to the reported total (the "total changes between requests" fault). */
  totalDrift?: number;
}

/**
 * Serves one page the way auth0-api.md §3 describes: offset mode returns a bare array unless include_totals=true;
 * any `take` or `from` switches to checkpoint mode, whose `next` is absent on the last page.
 */
export function paginate(query: URLSearchParams, source: ListSource, spec: ListSpec, options: PaginateOptions = {}): unknown {
  const checkpointAsked = query.has('take') || query.has('from');
  if (spec.checkpoint && (checkpointAsked || !spec.offset)) {
    if (!spec.offset) rejectParams(query, ['page', 'per_page', 'include_totals']);
    return checkpointPage(query, source, spec.key, spec.checkpoint);
  }
  if (!spec.offset) throw new ApiError(500, 'list spec without a mode');
  rejectParams(query, ['take', 'from']);
  const perPage = intParam(query, 'per_page', { min: 0, max: MAX_PER_PAGE, fallback: spec.offset.defaultPerPage });
  const page = intParam(query, 'page', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
  const totals = boolParam(query, 'include_totals', false);
  const cap = spec.offset.cap;
  if (cap && (page + 1) * perPage > CAP) throw new ApiError(400, cap.message, cap.errorCode);
  const start = page * perPage;
  const items = source.slice(start, start + perPage);
  if (!totals) return items;
  const total = source.count + (options.totalDrift ?? 0);
  if (spec.offset.withLength) return { start, limit: perPage, length: items.length, [spec.key]: items, total };
  return { start, limit: perPage, total, [spec.key]: items };
}

/**
 * One page of the Actions API's own envelope (`/actions/actions`, trigger bindings), as the recordings show it
 * rather than as documented: 0-based; page 0 is `{<key>, total, per_page}` with no `page`, and no `total` either
 * when the list is empty; later pages are `{<key>, page, per_page}` with no `total`. The documented default
 * per_page is 20; the validator rejects include_totals and the checkpoint parameters.
 */
export function actionsPage(query: URLSearchParams, items: readonly Item[], key: string, options: PaginateOptions = {}): unknown {
  rejectParams(query, ['include_totals', 'take', 'from']);
  const perPage = intParam(query, 'per_page', { min: 1, max: MAX_PER_PAGE, fallback: 20 });
  const page = intParam(query, 'page', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
  const slice = items.slice(page * perPage, (page + 1) * perPage);
  if (page > 0) return { [key]: slice, page, per_page: perPage };
  const total = items.length + (options.totalDrift ?? 0);
  return total > 0 ? { [key]: slice, total, per_page: perPage } : { [key]: slice, per_page: perPage };
}

function checkpointPage(query: URLSearchParams, source: ListSource, key: string, limits: { defaultTake: number; maxTake: number }): unknown {
  const take = intParam(query, 'take', { min: 1, max: limits.maxTake, fallback: limits.defaultTake });
  const from = query.get('from');
  const start = from === null || from === '' ? 0 : decodeCursor(from);
  const items = source.slice(start, start + take);
  const end = start + items.length;
  const body: Record<string, unknown> = { [key]: items };
  if (end < source.count) body.next = encodeCursor(end);
  return body;
}

/** Opaque to clients; it looks like the real one (base64 of "timestamp,offset"). */
function encodeCursor(offset: number): string {
  return Buffer.from(`${Date.now()},${offset}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const match = /^\d+,(\d+)$/.exec(text);
  if (!match?.[1]) throw queryError('Invalid checkpoint', 'from', 'Optional Id from which to start selection.');
  return Number(match[1]);
}
