import { afterEach, describe, expect, it } from 'vitest';
import { loadMockTenant, startMockServer, type MockServer } from '../../src/mock/index.js';
import { fullScopeToken } from './full-scope-token.js';

const tenant = loadMockTenant('test/fixtures/mock-tenant-small.json');
let server: MockServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Omit<Parameters<typeof startMockServer>[0], 'tenant'>): Promise<{ server: MockServer; get: (path: string) => Promise<Response> }> {
  const s = await startMockServer({ tenant, ...options });
  server = s;
  const token = await fullScopeToken(s);
  return { server: s, get: (path) => fetch(`${s.url}/api/v2${path}`, { headers: { authorization: `Bearer ${token}` } }) };
}

describe('rate limiting', () => {
  it('sends x-ratelimit-* on every /api/v2 response, reset as epoch seconds', async () => {
    const { get } = await start({ rateLimit: { burst: 10, perSecond: 2 } });
    const ok = await get('/clients');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('10');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('9');
    const reset = Number(ok.headers.get('x-ratelimit-reset'));
    const nowSeconds = Date.now() / 1000;
    expect(reset).toBeGreaterThanOrEqual(Math.floor(nowSeconds));
    expect(reset).toBeLessThanOrEqual(Math.ceil(nowSeconds) + 1);
    const missing = await get('/emails/provider');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-ratelimit-remaining')).toBe('8');
  });

  it('answers 429 with the real body once the burst is spent, without Retry-After by default', async () => {
    const { server: s, get } = await start({ rateLimit: { burst: 3, perSecond: 1 } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get('/roles')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await get('/roles');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(await limited.json()).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached', errorCode: 'too_many_requests' });
    expect(s.stats().rateLimited).toBe(3);
    expect(s.stats().byStatus['429']).toBe(3);
  });

  it('refills at perSecond', async () => {
    const { get } = await start({ rateLimit: { burst: 1, perSecond: 20 } });
    expect((await get('/roles')).status).toBe(200);
    expect((await get('/roles')).status).toBe(429);
    await new Promise((r) => setTimeout(r, 120));
    expect((await get('/roles')).status).toBe(200);
  });

  it('adds Retry-After and the bare body when the fault plan says so', async () => {
    const { get } = await start({ rateLimit: { burst: 1, perSecond: 0.5 }, faults: { tooManyRequests: { retryAfter: true, bareBody: 1 } } });
    await get('/roles');
    const limited = await get('/roles');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(2);
    expect(await limited.json()).toEqual({ statusCode: 429, error: 'Too Many Requests' });
  });

  it('throttles every request during a 429 storm, then recovers', async () => {
    const { server: s, get } = await start({ rateLimit: false });
    const plain = await get('/roles');
    expect(plain.headers.get('x-ratelimit-limit')).toBeNull();
    s.setFaults({ storm: { durationMs: 150 }, tooManyRequests: { retryAfter: true } });
    const stormed = await get('/roles');
    expect(stormed.status).toBe(429);
    expect(stormed.headers.get('retry-after')).toBe('1');
    expect((await get('/clients')).status).toBe(429);
    await new Promise((r) => setTimeout(r, 200));
    expect((await get('/roles')).status).toBe(200);
  });

  it('does not rate-limit the token endpoint', async () => {
    const { server: s } = await start({ rateLimit: { burst: 1, perSecond: 0.1 } });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${s.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'm2m-full', client_secret: 'full-secret', audience: s.audience }),
      });
      expect(res.status).toBe(200);
    }
    expect(s.stats().tokensIssued).toBe(4);
  });
});
