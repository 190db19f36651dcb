import { createHash } from 'node:crypto';
import { CollectionError } from '../errors.js';
import { incomplete, readPage, repeatGuard, type Page, type PageClient } from './page-shapes.js';
import type { Query } from './request-event.js';

export interface CheckpointPagesOptions {
  key: string;
  query?: Query;
  take?: number;
  /** Hard stop for a server that never ends. Default 20 000 pages (two million items at take=100). */
  maxPages?: number;
}

/**
 * Recorded cursors are a few dozen characters (base64 of `timestamp,id`). One far longer is not a cursor: it would
 * be sent back in every query string and kept to detect loops.
 */
const MAX_CURSOR_CHARS = 2048;

/**
 * Checkpoint pagination: `take`, then `from=<next>` until `next` is absent, null or empty. A cursor seen twice
 * means the server is going round in circles: CollectionError('API') rather than a loop, as is a cursor longer than
 * any real one; a page that repeats an earlier one under a new cursor is INCOMPLETE.
 *
 * A page without a cursor ends the list when it is checkpoint-shaped (`{<key>}`, as recorded for the last page).
 * A bare array or an offset envelope (`start`/`limit`/`total`) instead means the server ignored `take`: the
 * recordings show `/connections` answering in both modes, so this is not far-fetched. Such an answer is taken
 * only when it is provably the whole list (its `total` is reached, or it is shorter than `take`); otherwise it
 * is one offset page with no cursor to go on, and INCOMPLETE says so rather than passing it off as the list.
 * Following it with `page=` instead was ruled out: offset paging stops at 1000 records on these endpoints,
 * which is why they are read by checkpoint in the first place.
 */
export async function* checkpointPages(client: PageClient, path: string, options: CheckpointPagesOptions): AsyncGenerator<unknown[], void, undefined> {
  const take = options.take ?? 100;
  const maxPages = options.maxPages ?? 20_000;
  const seen = new Set<string>();
  // Fresh cursors over the same items are a loop too (A, A or A, B, A): a page that starts like an earlier one ends the list.
  const guard = repeatGuard(path);
  let read = 0;
  let from: string | undefined;
  for (let pages = 0; ; pages++) {
    if (pages >= maxPages) throw incomplete(`${path}: more than ${maxPages} pages, so the list would be truncated.`);
    const query: Query = from === undefined ? { ...options.query, take } : { ...options.query, take, from };
    const res = await client.get(path, query);
    const page = readPage(path, res.body, options.key);
    guard(page.items, pages);
    read += page.items.length;
    if (page.items.length > 0) yield page.items;
    if (page.next === undefined) {
      if (endsTheList(page, read, take)) return;
      const shape = page.bare ? 'a bare array' : 'an offset page';
      throw incomplete(`${path}: answered take=${take} with ${shape} of ${page.items.length} items and no cursor${page.total === undefined ? '' : ` (total ${page.total})`}, so the list would be truncated.`);
    }
    if (page.next.length > MAX_CURSOR_CHARS) throw new CollectionError('API', `${path}: the checkpoint cursor is ${page.next.length} characters long (at most ${MAX_CURSOR_CHARS} are expected), so paging stopped.`);
    const digest = createHash('sha256').update(page.next).digest('base64');
    if (seen.has(digest)) throw new CollectionError('API', `${path}: the checkpoint cursor repeated after ${pages + 1} pages, so paging stopped.`);
    seen.add(digest);
    from = page.next;
  }
}

function endsTheList(page: Page, read: number, take: number): boolean {
  if (!page.bare && !page.offset && page.total === undefined) return true;
  if (page.total !== undefined) return read >= page.total;
  return page.items.length < take;
}
