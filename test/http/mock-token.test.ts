import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMockTenant, startMockServer, type MockServer } from '../../src/mock/index.js';

const tenant = loadMockTenant('test/fixtures/mock-tenant-small.json');
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ tenant, tokenLifetimeSeconds: 3600 });
});
afterAll(async () => {
  await server.close();
});

function form(fields: Record<string, string>) {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) };
}

async function tokenFor(clientId = 'm2m-full', secret = 'full-secret'): Promise<string> {
  const res = await fetch(`${server.url}/oauth/token`, form({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, audience: server.audience }));
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

describe('POST /oauth/token', () => {
  it('issues a bearer token for a form body, with the m2m scopes joined by spaces', async () => {
    const res = await fetch(`${server.url}/oauth/token`, form({ grant_type: 'client_credentials', client_id: 'm2m-limited', client_secret: 'limited-secret', audience: server.audience }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'read:clients read:connections read:roles' });
    expect(typeof body.access_token).toBe('string');
    expect((body.access_token as string).length).toBeGreaterThan(20);
  });

  it('accepts a JSON body and the canonical tenant audience', async () => {
    const res = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'm2m-full', client_secret: 'full-secret', audience: 'https://small.eu.auth0.com/api/v2/' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { scope: string }).scope.split(' ')).toContain('read:connections_options');
  });

  it('rejects a wrong secret with 401 access_denied', async () => {
    const res = await fetch(`${server.url}/oauth/token`, form({ grant_type: 'client_credentials', client_id: 'm2m-full', client_secret: 'nope', audience: server.audience }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
  });

  it('rejects another audience with 403 "Service not enabled within domain"', async () => {
    const audience = 'https://login.small.example/api/v2/';
    const res = await fetch(`${server.url}/oauth/token`, form({ grant_type: 'client_credentials', client_id: 'm2m-full', client_secret: 'full-secret', audience }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'access_denied', error_description: `Service not enabled within domain: ${audience}` });
  });

  it('accepts only the client_credentials grant', async () => {
    const res = await fetch(`${server.url}/oauth/token`, form({ grant_type: 'password', client_id: 'm2m-full', client_secret: 'full-secret', audience: server.audience }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });

  it('counts issued tokens', async () => {
    const before = server.stats().tokensIssued;
    await tokenFor();
    expect(server.stats().tokensIssued).toBe(before + 1);
  });
});

describe('bearer tokens on /api/v2', () => {
  it('answers an unknown token with the 401 envelope "Invalid token"', async () => {
    const res = await fetch(`${server.url}/api/v2/clients`, { headers: { authorization: 'Bearer made-up' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid token', attributes: { error: 'Invalid token' } });
  });

  it('answers a missing Authorization header with 401', async () => {
    const res = await fetch(`${server.url}/api/v2/clients`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { statusCode: number }).statusCode).toBe(401);
  });

  it('expires every token on expireAllNow, then serves fresh ones', async () => {
    const token = await tokenFor();
    expect((await fetch(`${server.url}/api/v2/clients`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    server.setFaults({ tokens: { expireAllNow: true } });
    const res = await fetch(`${server.url}/api/v2/clients`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    const message = 'Expired token received for JSON Web Token validation';
    expect(await res.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message, attributes: { error: message } });
    const fresh = await tokenFor();
    expect((await fetch(`${server.url}/api/v2/clients`, { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(200);
    server.setFaults({});
  });

  it('lets tokens silently expire early while expires_in still announces the full lifetime', async () => {
    server.setFaults({ tokens: { expireAfterSeconds: 0.05 } });
    const res = await fetch(`${server.url}/oauth/token`, form({ grant_type: 'client_credentials', client_id: 'm2m-full', client_secret: 'full-secret', audience: server.audience }));
    const body = (await res.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(3600);
    await new Promise((r) => setTimeout(r, 80));
    const api = await fetch(`${server.url}/api/v2/clients`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(api.status).toBe(401);
    expect(((await api.json()) as { message: string }).message).toBe('Expired token received for JSON Web Token validation');
    server.setFaults({});
  });
});
