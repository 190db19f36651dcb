import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/http/clock.js';
import { ManagementClient } from '../../src/http/management-client.js';
import { RateLimiter, type RateLimitTicket } from '../../src/http/rate-limiter.js';
import { RetryPolicy } from '../../src/http/retry-policy.js';
import { TokenProvider } from '../../src/http/token-provider.js';
import { json, manualClock, scaledClock, startServer, type Handler, type TestServer } from './http-test-server.js';

let server: TestServer | undefined;
let client: ManagementClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

/** A server-side token bucket like the Management API's: continuous refill, reset = when the next token lands. */
function bucketHandler(clock: Clock, burst: number, perSecond: number, log: Array<{ at: number; status: number }>): Handler {
  let tokens = burst;
  let last = clock.now();
  return (_req, res) => {
    const now = clock.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    const allowed = tokens >= 1;
    if (allowed) tokens -= 1;
    const missing = tokens >= burst ? 0 : 1 - (tokens % 1);
    const headers = {
      'x-ratelimit-limit': burst,
      'x-ratelimit-remaining': Math.floor(tokens),
      'x-ratelimit-reset': Math.ceil((now + (missing / perSecond) * 1000) / 1000),
    };
    log.push({ at: now, status: allowed ? 200 : 429 });
    if (allowed) return json(res, 200, { ok: true }, headers);
    json(res, 429, { statusCode: 429, error: 'Too Many Requests' }, { ...headers, 'retry-after': Math.max(1, Math.ceil((1 - tokens) / perSecond)) });
  };
}

async function runAgainstBucket(burst: number, perSecond: number, requests: number, factor: number): Promise<{ wallMs: number; throttled: number; learned: number | undefined }> {
  const clock = scaledClock(factor);
  const log: Array<{ at: number; status: number }> = [];
  server = await startServer(bucketHandler(clock, burst, perSecond, log));
  const limiter = new RateLimiter({ clock });
  client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), concurrency: 4, clock, limiter, retry: new RetryPolicy() });
  const c = client;
  const started = clock.now();
  await Promise.all(Array.from({ length: requests }, (_, i) => c.get(`/items/${i}`)));
  const wallMs = clock.now() - started;
  expect(log.filter((e) => e.status === 200)).toHaveLength(requests);
  return { wallMs, throttled: c.stats().throttled, learned: limiter.stats().learnedRps };
}

describe('adaptive rate limiting against a token-bucket server (time sped up 5-8×)', () => {
  it('burst 2, 2 req/s: no 429s and close to the ideal wall time', async () => {
    const { wallMs, throttled } = await runAgainstBucket(2, 2, 24, 5);
    expect(throttled / 24).toBeLessThan(0.02);
    expect(wallMs).toBeLessThanOrEqual(1.15 * (24 / 2) * 1000);
    expect(wallMs).toBeGreaterThanOrEqual(((24 - 2) / 2) * 1000 - 100);
  });

  it('burst 50, 16 req/s: no 429s, learns the rate, close to the ideal wall time', async () => {
    const { wallMs, throttled, learned } = await runAgainstBucket(50, 16, 240, 8);
    expect(throttled / 240).toBeLessThan(0.02);
    expect(wallMs).toBeLessThanOrEqual(1.15 * (240 / 16) * 1000);
    expect(learned).toBeGreaterThan(13);
    expect(learned).toBeLessThanOrEqual(16);
  });
});

describe('RateLimiter on fake time', () => {
  /** Starts `n` acquires; each records when it was granted and hands its ticket to `onGrant`. */
  function acquireMany(limiter: RateLimiter, clock: { now(): number }, n: number, onGrant: (t: RateLimitTicket, i: number) => void): number[] {
    const granted: number[] = [];
    for (let i = 0; i < n; i++) {
      void limiter.acquire().then((ticket) => {
        granted[i] = clock.now();
        onGrant(ticket, i);
      });
    }
    return granted;
  }

  it('caps the rate at --max-rps with a burst of ceil(maxRps)', async () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter({ clock, maxRps: 2 });
    const granted = acquireMany(limiter, clock, 6, (t) => t.complete(200, {}));
    await clock.advance(3000);
    expect(granted).toEqual([0, 0, 500, 1000, 1500, 2000]);
  });

  it('sends one probe until the first rate-limit headers arrive', async () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter({ clock });
    const tickets: RateLimitTicket[] = [];
    const granted = acquireMany(limiter, clock, 3, (t) => tickets.push(t));
    await clock.advance(10_000);
    expect(granted.filter((g) => g !== undefined)).toHaveLength(1);
    tickets[0]?.complete(200, { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9', 'x-ratelimit-reset': '10' });
    await clock.advance(0);
    expect(granted).toEqual([0, 10_000, 10_000]);
  });

  it('waits for x-ratelimit-reset when remaining is 0, within a bound', async () => {
    const clock = manualClock(1_000_000);
    const limiter = new RateLimiter({ clock });
    const granted = acquireMany(limiter, clock, 3, (t, i) => {
      if (i === 0) t.complete(200, { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1003' });
      if (i === 1) t.complete(200, { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(1_000_000 + 3600) });
    });
    await clock.advance(2990);
    expect(granted.filter((g) => g !== undefined)).toHaveLength(1);
    await clock.advance(100);
    expect(granted[1]).toBe(1_003_010);
    await clock.advance(70_000);
    // An hour-long reset is capped at a minute.
    expect(granted[2]).toBe(1_003_010 + 60_000);
  });

  it('pauses every caller after a 429, not just the one that got it', async () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter({ clock });
    (await limiter.acquire()).complete(200, {});
    (await limiter.acquire()).complete(429, { 'retry-after': '2' });
    const granted = acquireMany(limiter, clock, 2, (t) => t.complete(200, {}));
    await clock.advance(1999);
    expect(granted.filter((g) => g !== undefined)).toHaveLength(0);
    await clock.advance(1);
    expect(granted).toEqual([2000, 2000]);
    expect(limiter.stats().throttled).toBe(1);
  });

  it('with adaptation off, only --max-rps paces: no probe, no wait for the reset, no pause after a 429', async () => {
    const clock = manualClock(1_000_000);
    const limiter = new RateLimiter({ clock, maxRps: 2, adaptive: false });
    const granted = acquireMany(limiter, clock, 5, (t, i) => {
      if (i === 0) t.complete(429, { 'retry-after': '30', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1060' });
      else t.complete(200, { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1060' });
    });
    await clock.advance(2000);
    expect(granted).toEqual([1_000_000, 1_000_000, 1_000_500, 1_001_000, 1_001_500]);
    expect(limiter.stats().throttled).toBe(1);
    expect(limiter.stats().learnedRps).toBeUndefined();
  });

  it('refuses a non-positive --max-rps', () => {
    expect(() => new RateLimiter({ maxRps: 0 })).toThrow(/--max-rps/);
  });
});

describe('global back-off over HTTP', () => {
  it('holds requests that had not started when a 429 arrived', async () => {
    const clock = scaledClock(10);
    const arrivals: Array<{ at: number; status: number }> = [];
    let first429 = -1;
    server = await startServer((_req, res, _body, index) => {
      const at = clock.now();
      if (index === 2) {
        first429 = at;
        arrivals.push({ at, status: 429 });
        return json(res, 429, {}, { 'retry-after': '1' });
      }
      arrivals.push({ at, status: 200 });
      setTimeout(() => json(res, 200, {}), 5);
    });
    client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), concurrency: 2, clock, retry: new RetryPolicy({ random: () => 0 }) });
    const c = client;
    await Promise.all(Array.from({ length: 6 }, (_, i) => c.get(`/r/${i}`)));
    // Requests already on the wire may land just after the 429; none may start during the second it asked for.
    const during = arrivals.filter((a) => a.at > first429 + 150 && a.at < first429 + 1000);
    expect(during).toEqual([]);
    expect(arrivals.filter((a) => a.at >= first429 + 1000)).not.toHaveLength(0);
    expect(c.stats().throttled).toBe(1);
  });
});
