import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMockTenant, startMockServer, type FaultPlan, type MockServer } from '../../src/mock/index.js';
import { fullScopeToken } from './full-scope-token.js';

const tenant = loadMockTenant('test/fixtures/mock-tenant-small.json');
let server: MockServer;
let token = '';

function get(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/api/v2${path}`, { ...init, headers: { authorization: `Bearer ${token}` } });
}

async function statuses(plan: FaultPlan, count: number): Promise<number[]> {
  server.setFaults(plan);
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await get('/roles')).status);
  server.setFaults({});
  return out;
}

beforeAll(async () => {
  server = await startMockServer({ tenant });
  token = await fullScopeToken(server);
});
afterAll(async () => {
  await server.close();
});

describe('fault plan', () => {
  it('fails every Nth request with 5xx, stopping after maxTimes', async () => {
    expect(await statuses({ serverErrors: [{ status: 503, everyNth: 2, maxTimes: 2 }] }, 6)).toEqual([200, 503, 200, 503, 200, 200]);
    server.setFaults({ serverErrors: [{ status: 500, everyNth: 1 }] });
    const res = await get('/roles');
    expect(await res.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal Server Error' });
    server.setFaults({ serverErrors: [{ status: 502, everyNth: 1 }] });
    const gateway = await get('/roles');
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toBe('text/html');
    server.setFaults({});
  });

  it('replays the same decisions for the same seed', async () => {
    const plan: FaultPlan = { seed: 42, serverErrors: [{ status: 500, probability: 0.5 }] };
    const first = await statuses(plan, 12);
    const second = await statuses(plan, 12);
    expect(first).toEqual(second);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  it('resets connections', async () => {
    const before = server.stats().resets;
    server.setFaults({ resets: { everyNth: 1, maxTimes: 1 } });
    await expect(get('/roles')).rejects.toThrow();
    expect((await get('/roles')).status).toBe(200);
    expect(server.stats().resets).toBe(before + 1);
    server.setFaults({});
  });

  it('delays responses past a client timeout', async () => {
    server.setFaults({ delays: { everyNth: 1, ms: 400 } });
    await expect(get('/roles', { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    server.setFaults({});
    expect((await get('/roles')).status).toBe(200);
  });

  it('cuts JSON bodies in half', async () => {
    server.setFaults({ malformedJson: { everyNth: 1 } });
    const res = await get('/clients');
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    server.setFaults({});
  });

  it('changes the reported total between requests', async () => {
    server.setFaults({ totalDrift: { everyNth: 1 } });
    const totals: unknown[] = [];
    for (let i = 0; i < 3; i++) totals.push(((await (await get('/clients?include_totals=true')).json()) as { total: unknown }).total);
    expect(totals).toEqual([5, 6, 7]);
    server.setFaults({});
  });

  it('targets the token endpoint only when asked', async () => {
    server.setFaults({ serverErrors: [{ status: 503, everyNth: 1, path: '/oauth/token' }] });
    const res = await fetch(`${server.url}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials' }) });
    expect(res.status).toBe(503);
    expect((await get('/roles')).status).toBe(200);
    server.setFaults({});
  });

  it('records per-path counts and concurrency', async () => {
    await Promise.all([get('/guardian/factors'), get('/guardian/factors'), get('/guardian/factors')]);
    const stats = server.stats();
    expect(stats.byPath['/api/v2/guardian/factors']).toBe(3);
    expect(stats.maxConcurrent).toBeGreaterThanOrEqual(1);
    expect(stats.requests).toBeGreaterThan(30);
  });
});

describe('close()', () => {
  it('releases the port, even with a delayed request in flight', async () => {
    const s = await startMockServer({ tenant, faults: { delays: { everyNth: 1, ms: 10_000, path: '/' } } });
    const port = Number(new URL(s.url).port);
    const pending = fetch(`${s.url}/api/v2/roles`).catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 30));
    const started = Date.now();
    await s.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });
});
