import { incomplete, readPage, repeatGuard, type PageClient } from './page-shapes.js';
import type { Query } from './request-event.js';

export interface PagedWithoutTotalsOptions {
  key: string;
  query?: Query;
  /** Default 50. */
  perPage?: number;
  maxPages?: number;
}

/**
 * Endpoints that reject `include_totals` and page on their own envelope (`/actions/actions`,
 * `/actions/triggers/{id}/bindings`). Pages are 0-based. As recorded, page 0 is `{<key>, total, per_page}` with no
 * `page` and no `total` when there is nothing; later pages are `{<key>, page, per_page}` with no `total`. So the
 * `total` seen once is kept for the pages after it, and the end is:
 * - an empty page (nothing is ever requested past one);
 * - a page shorter than `per_page` (the server's, else the one asked for: a server that caps the page size
 *   lower must not make a full page look short);
 * - a full page that brings the count to exactly `total`. A count past `total` means the total is stale (items
 *   were added, or it was never the list's total), so then the items decide and the next page is asked for.
 */
export async function* pagedWithoutTotals(client: PageClient, path: string, options: PagedWithoutTotalsOptions): AsyncGenerator<unknown[], void, undefined> {
  const perPage = options.perPage ?? 50;
  const maxPages = options.maxPages ?? 10_000;
  const guard = repeatGuard(path);
  let total: number | undefined;
  let read = 0;
  for (let page = 0; ; page++) {
    if (page >= maxPages) throw incomplete(`${path}: more than ${maxPages} pages, so the list would be truncated.`);
    const res = await client.get(path, { ...options.query, page, per_page: perPage });
    const result = readPage(path, res.body, options.key);
    if (result.items.length === 0) return;
    guard(result.items, page);
    read += result.items.length;
    total = result.total ?? total;
    yield result.items;
    if (result.items.length < (result.perPage ?? perPage)) return;
    if (total !== undefined && read === total) return;
  }
}
