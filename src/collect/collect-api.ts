import type { Readable } from 'node:stream';
import type { ApiResponse } from '../http/management-client.js';
import type { Query } from '../http/request-event.js';

export type { ApiResponse, Query };

/**
 * What collectors may do with the Management API: read, page, start and poll the users export job. One
 * implementation (collect/http-collect-api.ts) binds it to the shared HTTP client, limiter and retry policy.
 */
export interface CollectApi {
  get(path: string, query?: Query): Promise<ApiResponse>;
  post(path: string, body: unknown): Promise<ApiResponse>;
  /** Offset pages (page/per_page/include_totals); throws CollectionError INCOMPLETE past `maxResults`. */
  offsetPages(path: string, opts: { key: string; query?: Query; maxResults?: number; onTotal?: (total: number) => void }): AsyncGenerator<unknown[]>;
  /** Checkpoint pages (from/take/next). */
  checkpointPages(path: string, opts: { key: string; query?: Query; take?: number }): AsyncGenerator<unknown[]>;
  /** Actions-style pages: `{[key], total, page, per_page}` without include_totals. */
  pagesWithoutTotals(path: string, opts: { key: string; query?: Query; perPage?: number }): AsyncGenerator<unknown[]>;
  /** A pre-signed download (export job file): no Authorization header. */
  download(url: string): Promise<Readable>;
  /** Scopes granted to the token, when known (client credentials, or a decodable JWT). */
  grantedScopes(): readonly string[] | undefined;
}
