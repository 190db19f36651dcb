import type { KindName } from '../model/kinds.js';
import type { ExportJobs } from './export-jobs.js';
import type { TenantData } from './tenant-data.js';

export interface RouteContext {
  query: URLSearchParams;
  /** Path parameters, already URI-decoded. */
  params: Readonly<Record<string, string>>;
  scopes: ReadonlySet<string>;
  data: TenantData;
  /** Parsed request body (POST only). */
  body: unknown;
  /** `http://127.0.0.1:PORT`, for absolute links. */
  baseUrl: string;
  jobs: ExportJobs;
  /** Non-zero while the "total changes between requests" fault fires. */
  totalDrift: number;
}

export interface Reply {
  status: number;
  body: unknown;
}

/** Scopes an endpoint accepts: any one of them, or all of them (`/roles/{id}/users`). */
export type ScopeRule = { any: readonly string[] } | { all: readonly string[] };

export interface Route {
  method: 'GET' | 'POST';
  /** Under /api/v2, with `:name` parameters, e.g. `/roles/:id/users`. */
  path: string;
  /** The kind whose `unavailable` setting gates this endpoint. */
  kind: KindName;
  scopes: ScopeRule;
  handle(c: RouteContext): Reply;
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

export function anyOf(...scopes: string[]): ScopeRule {
  return { any: scopes };
}
