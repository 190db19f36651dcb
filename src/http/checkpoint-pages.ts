import { CollectionError } from '../errors.js';
import { incomplete, readPage, type PageClient } from './page-shapes.js';
import type { Query } from './request-event.js';

export interface CheckpointPagesOptions {
  key: string;
  query?: Query;
  take?: number;
  /** Hard stop for a server that never ends. Default 100 000 pages. */
  maxPages?: number;
}

/**
 * Checkpoint pagination: `take`, then `from=<next>` until `next` is absent, null or empty. A cursor seen twice
 * means the server is going round in circles: CollectionError('API') rather than a loop.
 */
export async function* checkpointPages(client: PageClient, path: string, options: CheckpointPagesOptions): AsyncGenerator<unknown[], void, undefined> {
  const take = options.take ?? 100;
  const maxPages = options.maxPages ?? 100_000;
  const seen = new Set<string>();
  let from: string | undefined;
  for (let pages = 0; ; pages++) {
    if (pages >= maxPages) throw incomplete(`${path}: more than ${maxPages} pages, so the list would be truncated.`);
    const query: Query = from === undefined ? { ...options.query, take } : { ...options.query, take, from };
    const res = await client.get(path, query);
    const page = readPage(path, res.body, options.key);
    if (page.items.length > 0) yield page.items;
    if (page.next === undefined) return;
    if (seen.has(page.next)) throw new CollectionError('API', `${path}: the checkpoint cursor repeated after ${pages + 1} pages, so paging stopped.`);
    seen.add(page.next);
    from = page.next;
  }
}
