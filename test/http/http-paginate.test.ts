import { afterEach, describe, expect, it } from 'vitest';
import { ManagementClient } from '../../src/http/management-client.js';
import { checkpointPages, offsetPages, pagedWithoutTotals } from '../../src/http/paginate.js';
import { RetryPolicy } from '../../src/http/retry-policy.js';
import { TokenProvider } from '../../src/http/token-provider.js';
import { json, jumpingClock, startServer, type TestServer, collectionFailure } from './http-test-server.js';

let server: TestServer | undefined;
let client: ManagementClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

const items = (n: number): Array<{ id: string }> => Array.from({ length: n }, (_, i) => ({ id: `item-${i}` }));

interface ListServerOptions {
  count: number;
  /** Ignore include_totals and answer bare arrays. */
  bare?: boolean;
  /** The total to announce on request number `index`. */
  total?: (index: number) => number;
  delayMs?: number;
}

async function listServer(options: ListServerOptions): Promise<{ client: ManagementClient; server: TestServer; maxConcurrent: () => number }> {
  const all = items(options.count);
  let active = 0;
  let peak = 0;
  server = await startServer((req, res, _body, index) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const page = Number(url.searchParams.get('page'));
    const perPage = Number(url.searchParams.get('per_page'));
    const slice = all.slice(page * perPage, (page + 1) * perPage);
    const body = options.bare || url.searchParams.get('include_totals') !== 'true' ? slice : { start: page * perPage, limit: perPage, total: options.total?.(index) ?? all.length, clients: slice };
    active += 1;
    peak = Math.max(peak, active);
    setTimeout(() => {
      active -= 1;
      json(res, 200, body);
    }, options.delayMs ?? 0);
  });
  client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), concurrency: 4, clock: jumpingClock(), retry: new RetryPolicy({ maxAttempts: 2 }) });
  return { client, server, maxConcurrent: () => peak };
}

async function collect(pages: AsyncGenerator<unknown[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}


describe('offsetPages', () => {
  it('reads an include_totals envelope, fetching the remaining pages concurrently and in order', async () => {
    const { client, server, maxConcurrent } = await listServer({ count: 450, delayMs: 30 });
    const got = await collect(offsetPages(client, '/clients', { key: 'clients', query: { fields: 'client_id', q: undefined } }));
    expect(got).toEqual(items(450));
    const url = (p: number): string => `/api/v2/clients?fields=client_id&page=${p}&per_page=100&include_totals=true`;
    expect(server.requests[0]?.url).toBe(url(0));
    expect(server.requests.map((r) => r.url).sort()).toEqual([0, 1, 2, 3, 4].map(url).sort());
    expect(server.requests).toHaveLength(5);
    expect(maxConcurrent()).toBeGreaterThan(1);
  });

  it('reads bare arrays page after page until a short page', async () => {
    const { client, server } = await listServer({ count: 230, bare: true });
    expect(await collect(offsetPages(client, '/clients', { key: 'clients' }))).toEqual(items(230));
    expect(server.requests).toHaveLength(3);
  });

  it('stops after a full last bare page with one empty request', async () => {
    const { client, server } = await listServer({ count: 200, bare: true });
    expect(await collect(offsetPages(client, '/clients', { key: 'clients' }))).toHaveLength(200);
    expect(server.requests).toHaveLength(3);
  });

  it('a total that grows on every request ends without looping, as truncated', async () => {
    const { client, server } = await listServer({ count: 250, total: (i) => 250 + i * 60 });
    const err = await collectionFailure(collect(offsetPages(client, '/clients', { key: 'clients', pageConcurrency: 1 })));
    expect(err.code).toBe('INCOMPLETE');
    expect(server.requests.length).toBeLessThanOrEqual(6);
  });

  it('a server that promises more than it has: truncated, after asking the total once more', async () => {
    const { client, server } = await listServer({ count: 150, total: () => 900 });
    const err = await collectionFailure(collect(offsetPages(client, '/clients', { key: 'clients' })));
    expect(err).toMatchObject({ code: 'INCOMPLETE', message: '/clients: the pages ended after 150 of the 900 results the API announced, so the list is truncated.' });
    // The announced 9 pages, some fetched ahead concurrently, and one more look at the total: bounded, no loop.
    expect(server.requests.length).toBeLessThanOrEqual(10);
  });

  it('a total that was wrong once (the tenant changed) is asked again and the list is complete', async () => {
    const { client } = await listServer({ count: 150, total: (i) => (i === 0 ? 180 : 150) });
    expect(await collect(offsetPages(client, '/clients', { key: 'clients' }))).toEqual(items(150));
  });

  it('refuses before yielding when the total exceeds maxResults', async () => {
    const { client, server } = await listServer({ count: 1500 });
    const seen: unknown[] = [];
    const err = await collectionFailure((async () => {
      for await (const page of offsetPages(client, '/users', { key: 'clients', maxResults: 1000 })) seen.push(...page);
    })());
    expect(err.code).toBe('INCOMPLETE');
    expect(err.message).toBe('/users: 1500 results exceed the 1000 that offset paging can reach, so the list would be truncated.');
    expect(seen).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('reports wrong shapes with the path and key', async () => {
    server = await startServer((_req, res, _body, index) => json(res, 200, index === 0 ? { total: 1, clients: 'nope' } : { total: -1, clients: [] }));
    client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), clock: jumpingClock() });
    const first = await collectionFailure(collect(offsetPages(client, '/clients', { key: 'clients' })));
    expect(first).toMatchObject({ code: 'API', message: '/clients: expected an array at "clients".' });
    const second = await collectionFailure(collect(offsetPages(client, '/clients', { key: 'clients' })));
    expect(second.message).toBe('/clients: expected a non-negative integer at "total".');
  });
});

describe('checkpointPages', () => {
  it('follows next until it is absent', async () => {
    const all = items(250);
    server = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const start = Number(url.searchParams.get('from') ?? '0');
      const take = Number(url.searchParams.get('take'));
      const end = start + take;
      json(res, 200, end < all.length ? { organizations: all.slice(start, end), next: String(end) } : { organizations: all.slice(start) });
    });
    client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), clock: jumpingClock() });
    expect(await collect(checkpointPages(client, '/organizations', { key: 'organizations' }))).toEqual(all);
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v2/organizations?take=100', '/api/v2/organizations?take=100&from=100', '/api/v2/organizations?take=100&from=200']);
  });

  it('stops on an empty or null next, and refuses a repeated cursor', async () => {
    server = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname.endsWith('/a')) return json(res, 200, { members: [{ id: 1 }], next: null });
      if (url.pathname.endsWith('/b')) return json(res, 200, { members: [{ id: 1 }], next: '' });
      // New items on every page, so that only the cursor repeats.
      json(res, 200, { members: [{ id: Math.random() }], next: url.searchParams.get('from') === 'x' ? 'y' : 'x' });
    });
    client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), clock: jumpingClock() });
    expect(await collect(checkpointPages(client, '/a', { key: 'members' }))).toHaveLength(1);
    expect(await collect(checkpointPages(client, '/b', { key: 'members' }))).toHaveLength(1);
    const err = await collectionFailure(collect(checkpointPages(client, '/c', { key: 'members' })));
    expect(err.code).toBe('API');
    expect(err.message).toBe('/c: the checkpoint cursor repeated after 3 pages, so paging stopped.');
    expect(server.requests).toHaveLength(5);
  });
});

describe('pagedWithoutTotals', () => {
  it('reads {actions, total, page, per_page} pages without sending include_totals', async () => {
    const all = items(120);
    server = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.searchParams.has('include_totals')) return json(res, 400, { statusCode: 400, error: 'Bad Request', message: 'Additional properties not allowed: include_totals' });
      const page = Number(url.searchParams.get('page'));
      const perPage = Number(url.searchParams.get('per_page'));
      json(res, 200, { actions: all.slice(page * perPage, (page + 1) * perPage), total: all.length, page, per_page: perPage });
    });
    client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), clock: jumpingClock() });
    expect(await collect(pagedWithoutTotals(client, '/actions/actions', { key: 'actions', perPage: 50 }))).toEqual(all);
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v2/actions/actions?page=0&per_page=50', '/api/v2/actions/actions?page=1&per_page=50', '/api/v2/actions/actions?page=2&per_page=50']);
  });
});
