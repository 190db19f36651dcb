import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/http/create-http-client.js';
import type { RequestEvent } from '../../src/http/request-event.js';
import { json, jumpingClock, startServer, type TestServer } from './http-test-server.js';

const SECRET = 'client-secret-DO-NOT-LOG';
const TOKENS = ['token-ONE-do-not-log', 'token-TWO-do-not-log'];

let server: TestServer | undefined;
let http: HttpClient | undefined;
afterEach(async () => {
  await http?.close();
  await server?.close();
  http = undefined;
  server = undefined;
});

describe('onRequest', () => {
  it('reports method, masked path, status, time and attempt, never a token, secret or secret query value', async () => {
    let issued = 0;
    server = await startServer((req, res, _body, index) => {
      if (req.url === '/oauth/token') return json(res, 200, { access_token: TOKENS[issued++], expires_in: 86400, scope: 'read:users' });
      if (req.url?.startsWith('/export/')) return void res.end('data');
      if (req.headers.authorization === `Bearer ${TOKENS[0]}`) return json(res, 401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' });
      if (index === 3) return json(res, 503, { statusCode: 503, error: 'Service Unavailable', message: `echo ${req.headers.authorization ?? ''}` });
      if (req.url?.includes('/echo')) return json(res, 400, { statusCode: 400, error: 'Bad Request', message: `bad header ${req.headers.authorization ?? ''}` });
      if (req.url?.includes('/broken')) return json(res, 403, { statusCode: 403, error: 'Forbidden', message: 'Insufficient scope', errorCode: 'insufficient_scope' });
      json(res, 200, { users: [], next: 'cursor-2' });
    });
    const events: RequestEvent[] = [];
    http = createHttpClient({ domain: server.origin, clientId: 'cid', clientSecret: SECRET, clock: jumpingClock(), onRequest: (e) => events.push(e), retry: { random: () => 0 } });
    await http.client.get('/users', { q: 'email:"alice@example.com"', page: 0, per_page: 100, include_totals: true, fields: 'user_id' });
    await http.client.get('/users', { from: 'cursor-1', take: 100, search_engine: 'v3' });
    const err = await http.client.get('/broken').catch((e: unknown) => e);
    const echoed = await http.client.get('/echo').catch((e: unknown) => e);
    expect(String(echoed)).toContain('bad header Bearer [REDACTED]');
    const stream = await http.client.download(`${server.origin}/export/tenant.json.gz?X-Amz-Signature=sig-DO-NOT-LOG`);
    stream.resume();

    expect(events.map((e) => [e.path, e.status, e.attempt])).toEqual([
      ['/users?q=*&page=0&per_page=100&include_totals=true&fields=user_id', 401, 1],
      ['/users?q=*&page=0&per_page=100&include_totals=true&fields=user_id', 503, 2],
      ['/users?q=*&page=0&per_page=100&include_totals=true&fields=user_id', 200, 3],
      ['/users?from=cursor-1&take=100&search_engine=*', 200, 1],
      ['/broken', 403, 1],
      ['/echo', 400, 1],
      [`${server.origin}/export/tenant.json.gz`, 200, 1],
    ]);
    for (const e of events) {
      expect(Object.keys(e).sort()).toEqual(['attempt', 'method', 'ms', 'path', 'status']);
      expect(e.ms).toBeGreaterThanOrEqual(0);
    }
    const everything = JSON.stringify(events) + String(err) + String(echoed).replace('Bearer [REDACTED]', '') + JSON.stringify(http.client.stats());
    for (const secret of [SECRET, ...TOKENS, 'alice@example.com', 'sig-DO-NOT-LOG', 'Bearer']) expect(everything).not.toContain(secret);
    expect(http.tokens.grantedScopes()).toEqual(['read:users']);
  });
});
