import { incomplete, readPage, repeatGuard, type Page, type PageClient } from './page-shapes.js';
import type { Query } from './request-event.js';

export interface OffsetPagesOptions {
  /** The array's key in the `include_totals` envelope (`clients`, `roles`, …). */
  key: string;
  query?: Query;
  perPage?: number;
  /** Pages fetched at once after the first; default: the client's concurrency. */
  pageConcurrency?: number;
  /** The endpoint's paging cap (1000 for users, organizations, …). */
  maxResults?: number;
  /** Hard stop for a server that never ends. Default 10 000 pages. */
  maxPages?: number;
  /**
   * Told the first page's `total`, before any paging cap is applied: the users collector checks its export
   * against it when the list endpoint cannot reach everyone.
   */
  onTotal?: (total: number) => void;
}

/**
 * Offset pagination (`page`, `per_page`, `include_totals=true`), yielding each page's items in order.
 * With a `total`, the remaining pages are fetched concurrently; without one (a bare array, an envelope without
 * `total`), page after page until a short one. The items themselves decide the end: an empty page stops, a short
 * page at or past the announced end stops, so a total that drifts or over-promises cannot cause a loop.
 * Of the envelope only `total` is read: as recorded, `limit` can be the item count rather than the page size,
 * `length` can be 0 beside a full page, and `/clients` adds `next: ""`, so none of them can say where the list ends.
 * A page that starts like the one before means the server ignores `page`: INCOMPLETE, not the same items twice.
 * Throws CollectionError('INCOMPLETE') when the list is longer than `maxResults` (before yielding anything when the
 * total says so up front) or than `maxPages`.
 */
export async function* offsetPages(client: PageClient, path: string, options: OffsetPagesOptions): AsyncGenerator<unknown[], void, undefined> {
  const perPage = options.perPage ?? 100;
  const maxPages = options.maxPages ?? 10_000;
  const concurrency = Math.max(1, Math.floor(options.pageConcurrency ?? client.concurrency));
  const fetchPage = async (page: number): Promise<Page> => {
    const res = await client.get(path, { ...options.query, page, per_page: perPage, include_totals: true });
    return readPage(path, res.body, options.key);
  };
  const plan = (total: number): number => {
    if (options.maxResults !== undefined && total > options.maxResults) {
      throw incomplete(`${path}: ${total} results exceed the ${options.maxResults} that offset paging can reach, so the list would be truncated.`);
    }
    const pages = Math.max(1, Math.ceil(total / perPage));
    if (pages > maxPages) throw incomplete(`${path}: ${total} results need more than ${maxPages} pages, so the list would be truncated.`);
    return pages;
  };

  const first = await fetchPage(0);
  if (first.total !== undefined) options.onTotal?.(first.total);
  if (first.total === undefined) {
    yield* sequentialPages(first, fetchPage, path, perPage, maxPages, options.maxResults);
    return;
  }
  let total = first.total;
  let planned = plan(total);
  const guard = repeatGuard(path);
  let seen = 0;
  if (first.items.length > 0) {
    guard(first.items, 0);
    seen += first.items.length;
    yield first.items;
    total = yield* laterPages();
  }
  // A list that ends before the total it announced is not the whole list, whatever the pages said. Totals move
  // while a tenant changes, so the total is asked once more before the list is called truncated.
  if (seen < total) {
    const now = (await fetchPage(0)).total ?? total;
    if (seen < now) throw incomplete(`${path}: the pages ended after ${seen} of the ${now} results the API announced, so the list is truncated.`);
  }
  return;

  /** Pages 1.. of the plan, concurrently fetched and yielded in order; returns the latest total announced. */
  async function* laterPages(): AsyncGenerator<unknown[], number, undefined> {
    const inflight = new Map<number, Promise<Page>>();
    let next = 1;
    for (let page = 1; page < planned; page++) {
      for (; next < planned && next < page + concurrency; next++) {
        const pending = fetchPage(next);
        // Awaited in order below; this only keeps a page that fails while an earlier one is awaited from going unhandled.
        pending.catch(() => undefined);
        inflight.set(next, pending);
      }
      const pending = inflight.get(page);
      if (pending === undefined) return total;
      inflight.delete(page);
      const result = await pending;
      if (result.total !== undefined && result.total !== total) {
        total = result.total;
        planned = plan(total);
      }
      if (result.items.length === 0) return total;
      guard(result.items, page);
      seen += result.items.length;
      yield result.items;
      if (result.items.length < perPage && page >= planned - 1) return total;
    }
    return total;
  }
}

async function* sequentialPages(
  first: Page,
  fetchPage: (page: number) => Promise<Page>,
  path: string,
  perPage: number,
  maxPages: number,
  maxResults: number | undefined,
): AsyncGenerator<unknown[], void, undefined> {
  const guard = repeatGuard(path);
  let current = first;
  let seen = 0;
  for (let page = 0; ; ) {
    if (current.items.length === 0) return;
    guard(current.items, page);
    seen += current.items.length;
    yield current.items;
    if (current.items.length < perPage) return;
    if (maxResults !== undefined && seen >= maxResults) throw incomplete(`${path}: at least ${seen} results reach the ${maxResults} that offset paging can reach, so the list may be truncated.`);
    page += 1;
    if (page >= maxPages) throw incomplete(`${path}: more than ${maxPages} pages, so the list would be truncated.`);
    current = await fetchPage(page);
  }
}
