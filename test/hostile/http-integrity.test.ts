import { afterEach, describe, expect, it } from 'vitest';
import { collectorRegistry } from '../../src/collect/collector-registry.js';
import { collectTenant } from '../../src/collect/collect-tenant.js';
import { httpCollectApi } from '../../src/collect/http-collect-api.js';
import { ManagementClient } from '../../src/http/management-client.js';
import { TokenProvider } from '../../src/http/token-provider.js';
import { MemorySink } from '../http/collect-harness.js';
import { json, jumpingClock, startServer, type TestServer } from '../http/http-test-server.js';

/** A hostile /clients: `pageOf(page, perPage)` decides each page; `total` is what the envelope announces. */
async function clientsServer(pageOf: (page: number, perPage: number) => unknown[], total: number): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/api/v2/clients') return json(res, 404, { statusCode: 404, message: 'Not Found' });
    const page = Number(url.searchParams.get('page') ?? 0);
    const perPage = Number(url.searchParams.get('per_page') ?? 50);
    return json(res, 200, { total, start: page * perPage, limit: perPage, clients: pageOf(page, perPage) });
  });
}

const client = (i: number) => ({ client_id: `c${String(i).padStart(4, '0')}`, name: `App ${i}`, app_type: 'spa', grant_types: ['implicit'] });

async function collectClients(server: TestServer) {
  const tokens = new TokenProvider({ token: 't' });
  const http = new ManagementClient({ origin: server.origin, tokens, clock: jumpingClock() });
  const sink = new MemorySink();
  const coverage = await collectTenant({
    api: httpCollectApi(http, tokens),
    collectors: collectorRegistry(),
    kinds: ['clients'],
    domain: 'hostile.example.com',
    source: 'live',
    collectedAt: '2026-01-01T00:00:00Z',
    toolVersion: 'test',
    sink,
    stats: () => ({ requests: 0, retries: 0, throttled: 0 }),
  });
  return { coverage: coverage.clients, clients: sink.list('clients') };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a server whose pages do not add up', () => {
  it('pages that stop at 200 of 500 announced clients: truncated, never ok', async () => {
    server = await clientsServer((page, perPage) => (page < 2 ? Array.from({ length: perPage }, (_, i) => client(page * perPage + i)) : []), 500);
    const { coverage } = await collectClients(server);
    expect(coverage).toMatchObject({ status: 'truncated', detail: expect.stringContaining('200 of the 500') });
  });

  it('the same clients on every page: each kept once, the kind flagged partial', async () => {
    server = await clientsServer(() => Array.from({ length: 100 }, (_, i) => client(i % 50)), 250);
    const { coverage, clients } = await collectClients(server);
    expect(new Set(clients.map((c) => c['client_id'])).size).toBe(clients.length);
    expect(coverage?.status).not.toBe('ok');
  });

  it('a page larger than asked for, repeating ids: duplicates dropped and said', async () => {
    const all = Array.from({ length: 250 }, (_, i) => client(i));
    server = await clientsServer((page, perPage) => (page === 0 ? [...all.slice(0, perPage), ...all.slice(0, 50)] : all.slice(page * perPage, (page + 1) * perPage)), 250);
    const { coverage, clients } = await collectClients(server);
    expect(clients).toHaveLength(250);
    expect(coverage).toMatchObject({ status: 'partial', count: 250, detail: expect.stringContaining('50 resource(s) more than once') });
  });
});

describe('a checkpoint server that goes round in circles', () => {
  it('fresh cursors over the same page end the list as truncated, in a few requests', async () => {
    let n = 0;
    server = await startServer((_req, res) => json(res, 200, { client_grants: [{ id: 'cgr_same', client_id: 'c1', audience: 'https://api' }], next: `cursor-${++n}` }));
    const tokens = new TokenProvider({ token: 't' });
    const http = new ManagementClient({ origin: server.origin, tokens, clock: jumpingClock() });
    const { checkpointPages } = await import('../../src/http/checkpoint-pages.js');
    const pages: unknown[][] = [];
    let caught: unknown;
    try {
      for await (const page of checkpointPages(http, '/client-grants', { key: 'client_grants' })) pages.push(page);
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'INCOMPLETE', message: expect.stringContaining('repeats the previous page') });
    expect(server.requests.length).toBe(2);
  });
});
