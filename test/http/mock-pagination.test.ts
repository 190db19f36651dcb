import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMockTenant, parseMockTenant, startMockServer, type MockServer } from '../../src/mock/index.js';
import { fullScopeToken } from './full-scope-token.js';

type Obj = Record<string, unknown>;
const fixture = loadMockTenant('test/fixtures/mock-tenant-small.json');
const organizations = Array.from({ length: 5 }, (_, i) => ({ id: `org_${i}`, name: `org-${i}`, members: [] }));
const tenant = parseMockTenant({ ...fixture, organizations });
let server: MockServer;
let token = '';

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/v2${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

function obj(value: unknown): Obj {
  expect(value !== null && typeof value === 'object' && !Array.isArray(value)).toBe(true);
  return value as Obj;
}

function list(value: unknown): Obj[] {
  expect(Array.isArray(value)).toBe(true);
  return value as Obj[];
}

beforeAll(async () => {
  server = await startMockServer({ tenant });
  token = await fullScopeToken(server);
});
afterAll(async () => {
  await server.close();
});

describe('offset mode', () => {
  it('returns a bare array unless include_totals=true', async () => {
    expect(list((await get('/clients')).body).map((c) => c.client_id)).toEqual(['cli_spa', 'cli_web', 'cli_global', 'm2m-full']);
    const envelope = obj((await get('/clients?page=1&per_page=2&include_totals=true')).body);
    expect({ ...envelope, clients: list(envelope.clients).map((c) => c.client_id) }).toEqual({ start: 2, limit: 2, total: 4, clients: ['cli_global', 'm2m-full'] });
  });

  it('adds length to the users envelope and counts generated users in total', async () => {
    const body = obj((await get('/users?per_page=5&include_totals=true')).body);
    expect(body).toMatchObject({ start: 0, limit: 5, length: 5, total: 2503 });
    expect(list(body.users).map((u) => u.user_id)).toEqual([
      'auth0|explicit-1',
      'auth0|explicit-2',
      'google-oauth2|explicit-3',
      'auth0|65a100000000000000000000',
      'google-oauth2|100000000000000000001',
    ]);
  });

  it('honours fields and include_fields on users', async () => {
    const only = list((await get('/users?per_page=2&fields=user_id,email')).body);
    expect(only).toEqual([
      { user_id: 'auth0|explicit-1', email: 'admin@small.example' },
      { user_id: 'auth0|explicit-2', email: 'dormant@small.example' },
    ]);
    const dropped = list((await get('/users?per_page=1&fields=identities,email&include_fields=false')).body);
    expect(Object.keys(dropped[0] ?? {}).sort()).toEqual(['email_verified', 'last_login', 'logins_count', 'name', 'user_id']);
  });

  it('refuses users past the first 1000 with the real 400', async () => {
    expect((await get('/users?page=9&per_page=100')).status).toBe(200);
    expect(await get('/users?page=10&per_page=100')).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'You can only page through the first 1000 records. See https://auth0.com/docs/users/search/v3/view-search-results-by-page#limitation',
      },
    });
  });

  it('caps connections, organizations and role users at 1000 even on small lists', async () => {
    const paging = { statusCode: 400, error: 'Bad Request', message: 'Requesting page exceeds the allowed maximum of 1000 records', errorCode: 'invalid_paging' };
    expect(await get('/connections?page=10&per_page=100')).toEqual({ status: 400, body: paging });
    expect((await get('/connections?page=9&per_page=100')).body).toEqual([]);
    expect(await get('/organizations?page=20&per_page=50')).toEqual({ status: 400, body: paging });
    expect(await get('/roles/rol_admin/users?page=10&per_page=100')).toEqual({ status: 400, body: paging });
  });

  it('rejects per_page above 100 with a query validation error', async () => {
    expect(await get('/clients?per_page=101')).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: "Query validation error: 'Value 101 is greater than maximum 100' on property per_page (Number of results per page.).",
        errorCode: 'invalid_query_string',
      },
    });
    expect((await get('/users?per_page=abc')).status).toBe(400);
    expect((await get('/users?take=10')).status).toBe(400);
  });
});

describe('checkpoint mode', () => {
  it('switches on take, walks every item once, and omits next on the last page', async () => {
    const seen: unknown[] = [];
    let path = '/organizations?take=2&include_totals=true&per_page=50';
    const nexts: boolean[] = [];
    for (let guard = 0; guard < 10; guard++) {
      const body = obj((await get(path)).body);
      expect(Object.keys(body).every((k) => k === 'organizations' || k === 'next')).toBe(true);
      seen.push(...list(body.organizations).map((o) => o.id));
      nexts.push('next' in body);
      if (!('next' in body)) break;
      expect(typeof body.next).toBe('string');
      path = `/organizations?take=2&from=${encodeURIComponent(String(body.next))}`;
    }
    expect(seen).toEqual(['org_0', 'org_1', 'org_2', 'org_3', 'org_4']);
    expect(nexts).toEqual([true, true, false]);
  });

  it('serves connection clients in checkpoint mode only, up to take=1000', async () => {
    const first = obj((await get('/connections/con_db/clients?take=1')).body);
    expect(first.clients).toEqual([{ client_id: 'cli_spa' }]);
    const second = obj((await get(`/connections/con_db/clients?take=1&from=${encodeURIComponent(String(first.next))}`)).body);
    expect(second).toEqual({ clients: [{ client_id: 'cli_web' }] });
    expect((await get('/connections/con_db/clients?take=1000')).status).toBe(200);
    expect((await get('/connections/con_db/clients?take=1001')).status).toBe(400);
    expect((await get('/connections/con_db/clients?page=0')).status).toBe(400);
  });

  it('rejects take above 100 and a forged cursor', async () => {
    expect((await get('/client-grants?take=101')).status).toBe(400);
    const forged = await get('/client-grants?take=1&from=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
    expect(obj(forged.body).errorCode).toBe('invalid_query_string');
  });

  it('answers custom domains as a bare array, or an envelope when take is sent', async () => {
    expect(list((await get('/custom-domains')).body)).toHaveLength(1);
    expect(obj((await get('/custom-domains?take=10')).body)).toEqual({ custom_domains: list((await get('/custom-domains')).body) });
  });
});
