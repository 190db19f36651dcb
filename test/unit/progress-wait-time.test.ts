import { afterEach, describe, expect, it } from 'vitest';
import { HeldTime } from '../../src/http/held-time.js';
import { ManagementClient } from '../../src/http/management-client.js';
import { RateLimiter } from '../../src/http/rate-limiter.js';
import { RetryPolicy } from '../../src/http/retry-policy.js';
import { TokenProvider } from '../../src/http/token-provider.js';
import { json, jumpingClock, manualClock, startServer, type TestServer } from '../http/http-test-server.js';

describe('held time is wall time', () => {
  it('counts overlapping holds once, and the current stretch while it lasts', () => {
    let now = 0;
    const held = new HeldTime(() => now);
    const a = held.hold();
    now = 1000;
    const b = held.hold();
    now = 1500;
    a();
    a();
    expect(held.ms()).toBe(1500);
    now = 3000;
    b();
    now = 5000;
    expect(held.ms()).toBe(3000);
    const c = held.hold();
    now = 5500;
    expect(held.ms()).toBe(3500);
    c();
    expect(held.ms()).toBe(3500);
  });

  it('the limiter: two callers held through the same 2 s pause count 2 s of wall time (4 s summed)', async () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter({ clock });
    (await limiter.acquire()).complete(429, { 'retry-after': '2' });
    const granted: number[] = [];
    for (let i = 0; i < 2; i++) void limiter.acquire().then((t) => (granted.push(clock.now()), t.complete(200, {})));
    await clock.advance(2500);
    expect(granted).toEqual([2000, 2000]);
    expect(limiter.stats().waitMs).toBe(4000);
    expect(limiter.stats().heldMs).toBe(2000);
  });

  it('the limiter holds nothing while it grants at once', async () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter({ clock });
    for (let i = 0; i < 5; i++) (await limiter.acquire()).complete(200, {});
    await clock.advance(1000);
    expect(limiter.stats().heldMs).toBe(0);
  });
});

let server: TestServer | undefined;
let client: ManagementClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

describe('the client reports the wall time requests were held', () => {
  it('a back-off after a 429 counts, as the time the run waited', async () => {
    server = await startServer((_req, res, _body, index) => (index === 0 ? json(res, 429, {}, { 'retry-after': '3' }) : json(res, 200, { ok: true })));
    const clock = jumpingClock();
    client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), concurrency: 1, clock, retry: new RetryPolicy({ random: () => 0.5 }) });
    await client.get('/roles');
    const stats = client.stats();
    expect(stats.throttled).toBe(1);
    expect(stats.waitWallMs).toBeGreaterThanOrEqual(3000);
    expect(stats.waitWallMs).toBeLessThanOrEqual(stats.throttleWaitMs);
  });

  it('no throttling, no waiting', async () => {
    server = await startServer((_req, res) => json(res, 200, {}, { 'x-ratelimit-limit': 50, 'x-ratelimit-remaining': 49, 'x-ratelimit-reset': 1 }));
    client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), concurrency: 1, clock: jumpingClock(), retry: new RetryPolicy() });
    for (let i = 0; i < 8; i++) await client.get(`/r/${i}`);
    expect(client.stats()).toMatchObject({ requests: 8, throttled: 0, waitWallMs: 0 });
  });
});
