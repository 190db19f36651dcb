import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/http/api-error.js';
import { ManagementClient, type ManagementClientOptions } from '../../src/http/management-client.js';
import { isRetryableError, RetryPolicy } from '../../src/http/retry-policy.js';
import { TokenProvider } from '../../src/http/token-provider.js';
import { json, jumpingClock, startServer, type Handler, type TestServer, collectionFailure } from './http-test-server.js';

let server: TestServer | undefined;
let client: ManagementClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setup(handler: Handler, options: Partial<ManagementClientOptions> = {}): Promise<{ client: ManagementClient; server: TestServer; clock: ReturnType<typeof jumpingClock> }> {
  server = await startServer(handler);
  const clock = (options.clock as ReturnType<typeof jumpingClock> | undefined) ?? jumpingClock();
  client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 't' }), concurrency: 1, clock, retry: new RetryPolicy({ random: () => 0.5 }), ...options });
  return { client, server, clock };
}


describe('retries', () => {
  it('retries 500, 503, 408 and a reset connection, then succeeds', async () => {
    const { client, server } = await setup((_req, res, _body, index) => {
      if (index === 0) return json(res, 500, { statusCode: 500, error: 'Internal Server Error' });
      if (index === 1) return json(res, 503, { statusCode: 503, error: 'Service Unavailable' });
      if (index === 2) return json(res, 408, {});
      if (index === 3) return void res.socket?.destroy();
      json(res, 200, [{ id: 'a' }]);
    });
    const res = await client.get('/clients');
    expect(res.body).toEqual([{ id: 'a' }]);
    expect(server.requests).toHaveLength(5);
    expect(client.stats()).toEqual({ requests: 5, retries: 4, throttled: 0, throttleWaitMs: 0, waitWallMs: 0 });
  });

  it('backs off exponentially with jitter when the server gives no hint', async () => {
    const { client, clock } = await setup((_req, res, _body, index) => (index < 3 ? json(res, 502, {}) : json(res, 200, {})));
    await client.get('/x');
    // random() = 0.5 → half of 500, 1000, 2000 ms.
    expect(clock.sleeps).toEqual([250, 500, 1000]);
  });

  it('honours Retry-After in seconds and as an HTTP date, and counts throttling', async () => {
    const { client, server, clock } = await setup((_req, res, _body, index) => {
      if (index === 0) return json(res, 429, { statusCode: 429, error: 'Too Many Requests' }, { 'retry-after': '3' });
      if (index === 1) return json(res, 429, {}, { 'retry-after': new Date(clock.now() + 5000).toUTCString() });
      json(res, 200, { ok: true });
    });
    await client.get('/roles');
    expect(server.requests).toHaveLength(3);
    const backoffs = clock.sleeps.filter((ms) => ms >= 1000);
    // The limiter holds every caller until the server's time, and the retry waits it out with up to 10 % jitter.
    expect(backoffs.some((ms) => ms >= 3000 && ms <= 3300)).toBe(true);
    expect(backoffs.some((ms) => ms >= 4000 && ms <= 5500)).toBe(true);
    expect(client.stats().throttled).toBe(2);
    expect(client.stats().throttleWaitMs).toBeGreaterThanOrEqual(7000);
  });

  it('rides out a 429 storm within the attempt limit, and gives up with ApiError past it', async () => {
    const clock = jumpingClock();
    const storm = (n: number): Handler => (_req, res, _body, index) =>
      index < n ? json(res, 429, { statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached', errorCode: 'too_many_requests' }, { 'x-ratelimit-limit': 0, 'x-ratelimit-remaining': 0, 'x-ratelimit-reset': Math.ceil(clock.now() / 1000) + 1 }) : json(res, 200, { ok: true });
    const first = await setup(storm(5), { clock });
    expect((await first.client.get('/users')).body).toEqual({ ok: true });
    expect(first.server.requests).toHaveLength(6);
    expect(first.client.stats()).toMatchObject({ requests: 6, retries: 5, throttled: 5 });
    await first.client.close();
    await first.server.close();

    const second = await setup(storm(100), { clock });
    const err = await collectionFailure(second.client.get('/users'));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'API', status: 429, errorCode: 'too_many_requests', apiMessage: 'Global limit has been reached' });
    expect(second.server.requests).toHaveLength(6);
  });

  it('does not retry a 403 and reports its errorCode and message', async () => {
    const { client, server } = await setup((_req, res) => json(res, 403, { statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: read:clients', errorCode: 'insufficient_scope' }));
    const err = await collectionFailure(client.get('/clients', { page: 0 }));
    expect(err).toMatchObject({ code: 'API', status: 403, errorCode: 'insufficient_scope', apiMessage: 'Insufficient scope, expected any of: read:clients' });
    expect(err.message).toBe('GET /clients failed with 403 insufficient_scope: Insufficient scope, expected any of: read:clients.');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a malformed body, then fails with an API error', async () => {
    const flaky = await setup((_req, res, _body, index) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(index === 0 ? '{"clients":[{"id":' : '{"clients":[]}');
    });
    expect((await flaky.client.get('/clients')).body).toEqual({ clients: [] });
    await flaky.client.close();
    await flaky.server.close();

    const broken = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>proxy</html>');
    }, { retry: new RetryPolicy({ maxAttempts: 3, random: () => 0 }) });
    const err = await collectionFailure(broken.client.get('/clients'));
    expect(err.code).toBe('API');
    expect(err.message).toBe('GET /clients returned malformed JSON after 3 attempts.');
    expect(broken.server.requests).toHaveLength(3);
  });

  it('times out a hanging server, retries, then fails with a NETWORK error', async () => {
    const { client, server } = await setup(() => undefined, { timeoutMs: 150, retry: new RetryPolicy({ maxAttempts: 2, random: () => 0 }) });
    const started = Date.now();
    const err = await collectionFailure(client.get('/hang'));
    expect(err.code).toBe('NETWORK');
    expect(err.message).toBe('GET /hang got no complete response within 150 ms after 2 attempts.');
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out a body that stalls halfway', async () => {
    const { client, server } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    }, { timeoutMs: 150, retry: new RetryPolicy({ maxAttempts: 2, random: () => 0 }) });
    const err = await collectionFailure(client.get('/slow'));
    expect(err.code).toBe('NETWORK');
    expect(server.requests).toHaveLength(2);
  });

  it('fails fast when nothing listens', async () => {
    const { client, server } = await setup(() => undefined);
    await server.close();
    const err = await collectionFailure(client.get('/clients'));
    expect(err.code).toBe('NETWORK');
    expect(err.message).toContain('ECONNREFUSED');
  });
});

describe('download', () => {
  it('sends no Authorization header, retries, and streams the body', async () => {
    const { client, server } = await setup((_req, res, _body, index) => {
      if (index === 0) return json(res, 503, {});
      res.writeHead(200, { 'content-type': 'application/gzip' });
      res.end('payload-bytes');
    });
    const stream = await client.download(`${server.origin}/export/tenant.json.gz?X-Amz-Signature=abc`);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks).toString()).toBe('payload-bytes');
    expect(server.requests).toHaveLength(2);
    expect(server.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(server.requests[1]?.url).toBe('/export/tenant.json.gz?X-Amz-Signature=abc');
  });

  it('refuses plain http to a non-loopback host and relative URLs', async () => {
    const { client } = await setup(() => undefined);
    await expect(client.download('http://example.com/x.gz')).rejects.toMatchObject({ code: 'API' });
    await expect(client.download('/relative.gz')).rejects.toMatchObject({ code: 'API' });
  });
});

describe('RetryPolicy', () => {
  const now = 1_700_000_000_000;
  const policy = new RetryPolicy({ random: () => 0 });
  const status = (code: number, headers: Record<string, string> = {}) => ({ kind: 'status' as const, status: code, headers });

  it('waits for x-ratelimit-reset on a 429, capped at 60 s, and ignores it on other statuses', () => {
    expect(policy.delayMs(status(429, { 'x-ratelimit-reset': String(now / 1000 + 5) }), 1, now)).toBe(5000);
    expect(policy.delayMs(status(429, { 'x-ratelimit-reset': String(now / 1000 + 3600) }), 1, now)).toBe(60_000);
    expect(policy.delayMs(status(429, { 'retry-after': '7200' }), 1, now)).toBe(60_000);
    expect(new RetryPolicy({ random: () => 0.999 }).delayMs(status(503, { 'x-ratelimit-reset': String(now / 1000 + 5) }), 1, now)).toBe(500);
  });

  it('caps exponential back-off at 30 s and stops at maxAttempts or the total bound', () => {
    const high = new RetryPolicy({ random: () => 0.999999, maxAttempts: 20, maxTotalDelayMs: 100_000 });
    expect(high.delayMs(status(500), 10, now)).toBe(30_000);
    expect(high.next(status(500), 1, 99_000, now)).toBe(500);
    expect(high.next(status(500), 1, 99_800, now)).toBeUndefined();
    expect(policy.next(status(500), 6, 0, now)).toBeUndefined();
    expect(policy.next(status(404), 1, 0, now)).toBeUndefined();
    expect(policy.next(status(408), 5, 0, now)).toBe(0);
  });

  it('retries transient network errors only, looking through causes', () => {
    const withCode = (code: string): Error => Object.assign(new Error(code), { code });
    expect(isRetryableError(withCode('ECONNRESET'))).toBe(true);
    expect(isRetryableError(new TypeError('fetch failed', { cause: withCode('UND_ERR_SOCKET') }))).toBe(true);
    expect(isRetryableError(withCode('UND_ERR_HEADERS_TIMEOUT'))).toBe(true);
    expect(isRetryableError(withCode('ECONNREFUSED'))).toBe(false);
    expect(isRetryableError(withCode('CERT_HAS_EXPIRED'))).toBe(false);
    expect(isRetryableError(new Error('no code'))).toBe(false);
  });
});
