import { ManagementClient } from '../../src/http/management-client.js';
import { TokenProvider } from '../../src/http/token-provider.js';
import { json, jumpingClock, startServer, type TestServer } from './http-test-server.js';

/**
 * A list server on loopback whose answers are built from an envelope variant written the way
 * real-tenant.json's `envelopes` records them: the keys in order, `<items>` for the array, `<bare array>` for a
 * bare one (`total,start,limit,<items>`, `<items>,page,per_page`, ...).
 */
export interface EnvelopePlan {
  key: string;
  count: number;
  /** The variant to answer with, given which page this is and whether it is the last one with items. */
  variant: (at: { page: number; last: boolean; empty: boolean }) => string;
  /** The server's own page size, ignoring what was asked for (a server that caps or ignores per_page/take). */
  serverPageSize?: number;
  /** Ignore `take`/`from` and page by `page`/`per_page` (a server that does not do checkpoints). */
  ignoreCheckpoint?: boolean;
  /** Ignore `page`: every request gets the first page. */
  ignorePage?: boolean;
  /** What `limit` says: the page size asked for (default) or the item count, both recorded. */
  limit?: 'perPage' | 'count';
}

export interface EnvelopeServer {
  client: ManagementClient;
  server: TestServer;
  all: Array<{ id: string }>;
  /** The query strings sent, in order. */
  queries(): string[];
  close(): Promise<void>;
}

export function variantBody(variant: string, key: string, items: unknown[], at: { start: number; page: number; perPage: number; total: number; next: string }, limit: 'perPage' | 'count'): unknown {
  if (variant === '<bare array>') return items;
  const values: Record<string, unknown> = {
    '<items>': items,
    total: at.total,
    start: at.start,
    limit: limit === 'count' ? items.length : at.perPage,
    // As recorded on /clients: `length: 0` beside the items.
    length: 0,
    next: at.next,
    page: at.page,
    per_page: at.perPage,
  };
  const body: Record<string, unknown> = {};
  for (const name of variant.split(',')) body[name === '<items>' ? key : name] = name in values ? values[name] : `unmodelled:${name}`;
  return body;
}

export async function startEnvelopeServer(plan: EnvelopePlan): Promise<EnvelopeServer> {
  const all = Array.from({ length: plan.count }, (_, i) => ({ id: `item-${i}` }));
  const server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = url.searchParams;
    const checkpoint = q.has('take') && !plan.ignoreCheckpoint;
    const asked = Number(checkpoint ? q.get('take') : (q.get('per_page') ?? 50));
    const size = plan.serverPageSize ?? asked;
    const page = plan.ignorePage || checkpoint ? 0 : Number(q.get('page') ?? 0);
    const start = checkpoint ? Number(q.get('from') ?? 0) : page * size;
    const items = all.slice(start, start + size);
    const last = start + size >= all.length;
    const variant = plan.variant({ page, last, empty: items.length === 0 });
    const next = checkpoint && !last ? String(start + size) : '';
    json(res, 200, variantBody(variant, plan.key, items, { start, page, perPage: size, total: all.length, next }, plan.limit ?? 'perPage'));
  });
  const client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), clock: jumpingClock(), concurrency: 2 });
  return {
    client,
    server,
    all,
    queries: () => server.requests.map((r) => new URL(r.url, 'http://x').search),
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

export async function readAllPages(pages: AsyncGenerator<unknown[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}
