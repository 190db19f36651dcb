import { afterEach, describe, expect, it } from 'vitest';
import { jwtScopes } from '../../src/http/jwt-scopes.js';
import { ManagementClient } from '../../src/http/management-client.js';
import { RetryPolicy } from '../../src/http/retry-policy.js';
import { TokenProvider } from '../../src/http/token-provider.js';
import { json, jumpingClock, startServer, type TestServer, collectionFailure } from './http-test-server.js';

const SECRET = 'very-secret-value-42';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function provider(origin: string, clock = jumpingClock()): TokenProvider {
  return new TokenProvider({ origin, clientId: 'cid', clientSecret: SECRET, audience: `${origin}/api/v2/`, clock, retry: new RetryPolicy({ random: () => 0.5 }) });
}


function jwt(payload: object): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(payload)}.sig`;
}

describe('TokenProvider (client credentials)', () => {
  it('posts the form-encoded client-credentials grant and reads the granted scopes', async () => {
    server = await startServer((_req, res) => json(res, 200, { access_token: 'tok-1', token_type: 'Bearer', expires_in: 86400, scope: 'read:clients  read:users' }));
    const tokens = provider(server.origin);
    expect(tokens.grantedScopes()).toBeUndefined();
    expect(await tokens.getToken()).toBe('tok-1');
    const [req] = server.requests;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/oauth/token');
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual({ grant_type: 'client_credentials', client_id: 'cid', client_secret: SECRET, audience: `${server.origin}/api/v2/` });
    expect(tokens.grantedScopes()).toEqual(['read:clients', 'read:users']);
  });

  it('shares one request among concurrent callers and renews 60 s before expiry', async () => {
    let issued = 0;
    server = await startServer((_req, res) => json(res, 200, { access_token: `tok-${++issued}`, expires_in: 3600 }));
    const clock = jumpingClock(0);
    const tokens = provider(server.origin, clock);
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => tokens.getToken()));
    expect(all).toEqual(['tok-1', 'tok-1', 'tok-1', 'tok-1', 'tok-1']);
    expect(server.requests).toHaveLength(1);
    await clock.sleep(3600_000 - 61_000);
    expect(await tokens.getToken()).toBe('tok-1');
    await clock.sleep(2000);
    expect(await tokens.getToken()).toBe('tok-2');
    expect(server.requests).toHaveLength(2);
  });

  it('gets a new token once after a 401 from the API, and only drops the token that failed', async () => {
    let issued = 0;
    server = await startServer((req, res) => {
      if (req.url === '/oauth/token') return json(res, 200, { access_token: `tok-${++issued}`, expires_in: 86400 });
      if (req.headers.authorization === 'Bearer tok-1') return json(res, 401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' });
      return json(res, 200, { ok: req.headers.authorization });
    });
    const tokens = provider(server.origin);
    const client = new ManagementClient({ origin: server.origin, tokens, concurrency: 1, clock: jumpingClock() });
    try {
      const res = await client.get('/clients');
      expect(res.body).toEqual({ ok: 'Bearer tok-2' });
      expect(server.requests.map((r) => r.url)).toEqual(['/oauth/token', '/api/v2/clients', '/oauth/token', '/api/v2/clients']);
      tokens.invalidate('tok-1');
      expect(await tokens.getToken()).toBe('tok-2');
      expect(client.stats()).toMatchObject({ requests: 2, retries: 1 });
    } finally {
      await client.close();
    }
  });

  it('retries the token request on 503 and resets', async () => {
    server = await startServer((_req, res, _body, index) => {
      if (index === 0) return json(res, 503, { error: 'temporarily_unavailable' });
      if (index === 1) return void res.socket?.destroy();
      json(res, 200, { access_token: 'tok-ok', expires_in: 86400 });
    });
    expect(await provider(server.origin).getToken()).toBe('tok-ok');
    expect(server.requests).toHaveLength(3);
  });

  it('turns refusals into one-sentence AUTH errors with the description and never the secret', async () => {
    server = await startServer((_req, res, _body, index) => {
      if (index === 0) return json(res, 401, { error: 'access_denied', error_description: `Unauthorized client secret ${SECRET}` });
      if (index === 1) return json(res, 403, { error: 'unauthorized_client', error_description: "Grant type 'client_credentials' not allowed for the client." });
      if (index === 2) return json(res, 403, { error: 'access_denied', error_description: 'Service not enabled within domain: https://x/api/v2/' });
      json(res, 400, { error: `bad_secret_${SECRET}` });
    });
    const first = await collectionFailure(provider(server.origin).getToken());
    expect(first.code).toBe('AUTH');
    expect(first.status).toBe(401);
    expect(first.message).toContain('401 access_denied');
    expect(first.message).toContain('Unauthorized client secret [REDACTED]');
    expect(first.message).not.toContain(SECRET);
    const second = await collectionFailure(provider(server.origin).getToken());
    expect(second.message).toContain("Grant type 'client_credentials' not allowed");
    expect(second.message).toContain('Client Credentials grant');
    const third = await collectionFailure(provider(server.origin).getToken());
    expect(third.message).toContain('Service not enabled within domain');
    // A server that echoes the secret in the error code itself.
    const fourth = await collectionFailure(provider(server.origin).getToken());
    expect(fourth.message).toContain('400 bad_secret_[REDACTED]');
    expect(fourth.message).not.toContain(SECRET);
    expect(server.requests).toHaveLength(4);
  });

  it('gives up on a token endpoint that keeps failing', async () => {
    server = await startServer((_req, res) => json(res, 500, {}));
    const tokens = new TokenProvider({ origin: server.origin, clientId: 'c', clientSecret: SECRET, audience: 'a', clock: jumpingClock(), retry: new RetryPolicy({ maxAttempts: 3, random: () => 0 }) });
    const err = await collectionFailure(tokens.getToken());
    expect(err.code).toBe('AUTH');
    expect(err.message).toContain('500 after 3 attempts');
    expect(server.requests).toHaveLength(3);
  });
});

describe('TokenProvider (pre-issued)', () => {
  it('reads scopes from a JWT payload, or none from an opaque token', () => {
    expect(new TokenProvider({ token: jwt({ scope: 'read:users read:roles' }) }).grantedScopes()).toEqual(['read:users', 'read:roles']);
    expect(new TokenProvider({ token: 'opaque' }).grantedScopes()).toBeUndefined();
    expect(jwtScopes(jwt({ sub: 'x' }))).toBeUndefined();
    expect(jwtScopes('a.!!!.c')).toBeUndefined();
  });

  it('does not retry a 401 it cannot cure', async () => {
    server = await startServer((_req, res) => json(res, 401, { statusCode: 401, error: 'Unauthorized', message: 'Expired token received for JSON Web Token validation' }));
    const client = new ManagementClient({ origin: server.origin, tokens: new TokenProvider({ token: 'fixed' }), clock: jumpingClock() });
    try {
      const err = await collectionFailure(client.get('/tenants/settings'));
      expect(err.code).toBe('API');
      expect(err.status).toBe(401);
      expect(err.message).toBe('GET /tenants/settings failed with 401 Unauthorized: Expired token received for JSON Web Token validation.');
      expect(server.requests).toHaveLength(1);
    } finally {
      await client.close();
    }
  });
});
