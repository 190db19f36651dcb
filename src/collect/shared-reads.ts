import type { CollectApi, Query } from './collect-api.js';

/**
 * Lists that several collectors read the same way (the applications, connections, organizations and grants a
 * child kind starts from, the oldest log event): within one run each is requested once and its pages are replayed
 * to every later reader, in order, even while the first is still paging. Only these paths are shared, so the
 * users (streamed, never held) and everything else go straight through.
 */
const SHARED_LISTS = new Set(['/clients', '/connections', '/organizations', '/client-grants']);
const SHARED_GETS = new Set(['/logs']);

interface Recording {
  pages: unknown[][];
  /** An offset list's total, once its first page told it (for each reader's progress display). */
  total?: number;
  done: boolean;
  error?: unknown;
  wake: (() => void)[];
}

export interface SharedReads {
  /**
   * A kind's view: a list or GET nobody asked for yet goes through `api` (that kind's, so its progress counts the
   * requests); one already asked for is replayed, costing no request and counting none.
   */
  view(api: CollectApi): CollectApi;
}

export function sharedReads(): SharedReads {
  const lists = new Map<string, Recording>();
  const gets = new Map<string, ReturnType<CollectApi['get']>>();
  return { view: (api) => viewOf(api, lists, gets) };
}

function viewOf(api: CollectApi, lists: Map<string, Recording>, gets: Map<string, ReturnType<CollectApi['get']>>): CollectApi {
  function replay(key: string, source: (onTotal: (t: number) => void) => AsyncGenerator<unknown[]>, onTotal?: (t: number) => void): AsyncGenerator<unknown[]> {
    let rec = lists.get(key);
    if (rec === undefined) {
      const fresh: Recording = { pages: [], done: false, wake: [] };
      rec = fresh;
      lists.set(key, fresh);
      void (async () => {
        try {
          for await (const page of source((t) => (fresh.total = t))) {
            fresh.pages.push(page);
            for (const w of fresh.wake.splice(0)) w();
          }
        } catch (err) {
          fresh.error = err;
        } finally {
          fresh.done = true;
          for (const w of fresh.wake.splice(0)) w();
        }
      })();
    }
    return follow(rec, onTotal);
  }

  return {
    ...api,
    get(path, query) {
      if (!SHARED_GETS.has(path)) return api.get(path, query);
      const key = keyOf(path, query);
      const known = gets.get(key);
      if (known) return known;
      const call = api.get(path, query);
      gets.set(key, call);
      return call;
    },
    offsetPages(path, opts) {
      // A cap (maxResults) is the caller's own: such a read is never shared.
      if (!SHARED_LISTS.has(path) || opts.maxResults !== undefined) return api.offsetPages(path, opts);
      const { onTotal, ...rest } = opts;
      return replay(`offset ${opts.key} ${keyOf(path, opts.query)}`, (record) => api.offsetPages(path, { ...rest, onTotal: record }), onTotal);
    },
    checkpointPages(path, opts) {
      if (!SHARED_LISTS.has(path)) return api.checkpointPages(path, opts);
      return replay(`checkpoint ${opts.key} ${opts.take ?? ''} ${keyOf(path, opts.query)}`, () => api.checkpointPages(path, opts));
    },
  };
}

async function* follow(rec: Recording, onTotal?: (t: number) => void): AsyncGenerator<unknown[]> {
  let i = 0;
  for (;;) {
    if (i < rec.pages.length) {
      if (i === 0 && rec.total !== undefined) onTotal?.(rec.total);
      yield rec.pages[i++] ?? [];
      continue;
    }
    if (rec.done) {
      if (rec.error !== undefined) throw rec.error;
      return;
    }
    await new Promise<void>((resolve) => rec.wake.push(resolve));
  }
}

function keyOf(path: string, query: Query | undefined): string {
  const entries = Object.entries(query ?? {}).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${path}?${JSON.stringify(entries)}`;
}
