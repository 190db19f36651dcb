import { incomplete, readPage, type PageClient } from './page-shapes.js';
import type { Query } from './request-event.js';

export interface PagedWithoutTotalsOptions {
  key: string;
  query?: Query;
  /** Default 50. */
  perPage?: number;
  maxPages?: number;
}

/**
 * Endpoints that reject `include_totals` but answer `{[key], total, page, per_page}` anyway (`/actions/actions`,
 * `/actions/triggers/{id}/bindings`): pages from 0 until `total` items are read, or a short or empty page.
 */
export async function* pagedWithoutTotals(client: PageClient, path: string, options: PagedWithoutTotalsOptions): AsyncGenerator<unknown[], void, undefined> {
  const perPage = options.perPage ?? 50;
  const maxPages = options.maxPages ?? 10_000;
  let read = 0;
  for (let page = 0; ; page++) {
    if (page >= maxPages) throw incomplete(`${path}: more than ${maxPages} pages, so the list would be truncated.`);
    const res = await client.get(path, { ...options.query, page, per_page: perPage });
    const result = readPage(path, res.body, options.key);
    if (result.items.length === 0) return;
    read += result.items.length;
    yield result.items;
    if (result.total !== undefined && read >= result.total) return;
    if (result.items.length < (result.perPage ?? perPage)) return;
  }
}
