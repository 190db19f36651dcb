import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMockTenant, startMockServer, type MockServer } from '../../src/mock/index.js';

const tenant = loadMockTenant('test/fixtures/mock-tenant-small.json');
let server: MockServer;
let full = '';
let limited = '';

async function tokenFor(clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, audience: server.audience }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

type Obj = Record<string, unknown>;

/** A value at a path inside a JSON body, for assertions. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let cur = value;
  for (const p of path) cur = cur !== null && typeof cur === 'object' ? (cur as Obj)[p] : undefined;
  return cur;
}

function list(value: unknown): Obj[] {
  expect(Array.isArray(value)).toBe(true);
  return value as Obj[];
}

async function get(path: string, token = full): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/v2${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  server = await startMockServer({ tenant });
  full = await tokenFor('m2m-full', 'full-secret');
  limited = await tokenFor('m2m-limited', 'limited-secret');
});
afterAll(async () => {
  await server.close();
});

describe('scopes', () => {
  it('refuses a missing scope with the real 403 body', async () => {
    expect(await get('/users', limited)).toEqual({
      status: 403,
      body: { statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: read:users', errorCode: 'insufficient_scope' },
    });
  });

  it('needs all of read:users and read:roles for role users', async () => {
    const res = await get('/roles/rol_admin/users', limited);
    expect(res.status).toBe(403);
    expect(at(res.body, 'message')).toBe('Insufficient scope, expected all of: read:users,read:roles');
  });

  it('drops connection options without read:connections_options', async () => {
    const without = await get('/connections', limited);
    expect(without.status).toBe(200);
    expect(list(without.body).map((c) => c.id)).toEqual(['con_db', 'con_google', 'con_saml']);
    expect(list(without.body).some((c) => 'options' in c)).toBe(false);
    const withScope = await get('/connections', full);
    expect(at(withScope.body, 0, 'options', 'passwordPolicy')).toBe('low');
    expect(at(withScope.body, 1, 'options', 'client_secret')).toBe('goog-idp-secret');
  });

  it('strips client key material without read:client_keys', async () => {
    const stripped = await get('/clients', limited);
    const spa = list(stripped.body).find((c) => c.client_id === 'cli_spa');
    expect(spa?.grant_types).toEqual(['authorization_code', 'implicit', 'refresh_token']);
    for (const key of ['client_secret', 'signing_keys']) expect(spa).not.toHaveProperty(key);
    expect(list(stripped.body).find((c) => c.client_id === 'cli_web')).not.toHaveProperty('encryption_key');
    const keyed = await get('/clients', full);
    expect(list(keyed.body).find((c) => c.client_id === 'cli_spa')?.client_secret).toBe('spa-secret-value');
  });
});

describe('resources as the API serves them', () => {
  it('serves HS256 signing secrets and log-stream sink secrets in clear, as the real API does', async () => {
    const apis = await get('/resource-servers');
    expect(list(apis.body).find((r) => r.id === 'rs_orders')?.signing_secret).toBe('hs256-signing-secret');
    const streams = await get('/log-streams');
    expect(at(list(streams.body), 0, 'sink', 'httpAuthorization')).toBe('Bearer sink-secret');
  });

  it('keeps embedded joins out of the lists and serves them from sub-resources', async () => {
    const connections = await get('/connections');
    expect(at(connections.body, 0)).not.toHaveProperty('enabled_clients');
    expect((await get('/connections/con_db/clients')).body).toEqual({ clients: [{ client_id: 'cli_spa' }, { client_id: 'cli_web' }] });
    const roles = await get('/roles');
    expect(at(roles.body, 0)).toEqual({ id: 'rol_admin', name: 'Admin', description: 'Everything' });
    expect((await get('/roles/rol_admin/permissions')).body).toEqual([
      { resource_server_name: 'Orders API', permission_name: 'read:orders', resource_server_identifier: 'https://api.example.com/' },
    ]);
    const roleUsers = await get('/roles/rol_admin/users');
    expect(list(roleUsers.body).map((u) => u.user_id)).toEqual(['auth0|explicit-1', 'auth0|65a100000000000000000002', 'auth0|ghost']);
    expect(at(roleUsers.body, 0)).toEqual({ user_id: 'auth0|explicit-1', email: 'admin@small.example', name: 'Admin' });
    // A generated user is resolved from its id; an id nobody has comes back bare.
    expect(at(roleUsers.body, 1, 'email')).toBe('edsger.hopper.2@example.com');
    expect(at(roleUsers.body, 2)).toEqual({ user_id: 'auth0|ghost' });
    expect(list((await get('/organizations/org_acme/members')).body).map((m) => m.user_id)).toEqual(['auth0|explicit-1', 'auth0|explicit-2']);
    expect((await get('/organizations/org_acme/enabled_connections')).body).toEqual([
      { connection_id: 'con_db', assign_membership_on_login: true, connection: { name: 'Username-Password-Authentication', strategy: 'auth0' } },
    ]);
    expect(at((await get('/organizations')).body, 0)).not.toHaveProperty('members');
  });

  it('serves actions without secret values, triggers and bindings in order', async () => {
    const actions = await get('/actions/actions');
    // As recorded: page 0 carries total and per_page but no page (collect-envelopes.test.ts has the other pages).
    expect(actions.body).toMatchObject({ total: 2, per_page: 20 });
    expect(actions.body).not.toHaveProperty('page');
    expect(at(actions.body, 'actions', 0, 'secrets')).toEqual([{ name: 'API_KEY', updated_at: '2025-01-01T00:00:00.000Z' }]);
    expect(at(actions.body, 'actions', 0)).not.toHaveProperty('bound_triggers');
    expect((await get('/actions/actions?include_totals=true')).status).toBe(400);
    const triggers = await get('/actions/triggers');
    expect(list(at(triggers.body, 'triggers')).map((t) => t.id)).toContain('post-login');
    const bindings = await get('/actions/triggers/post-login/bindings');
    expect(list(at(bindings.body, 'bindings')).map((b) => at(b, 'action', 'id'))).toEqual(['act_1']);
    expect(at(bindings.body, 'total')).toBe(1);
  });

  it('answers an unconfigured email provider with 404 inexistent_email_provider', async () => {
    expect(await get('/emails/provider')).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'There is not a configured email provider', errorCode: 'inexistent_email_provider' },
    });
  });

  it('answers features the plan lacks as configured in `unavailable`', async () => {
    const bot = await get('/attack-protection/bot-detection');
    expect(bot.status).toBe(403);
    expect(at(bot.body, 'errorCode')).toBe('insufficient_entitlement');
    const hooks = await get('/hooks');
    expect(hooks).toEqual({ status: 501, body: { statusCode: 501, error: 'Not Implemented', message: 'Not Implemented' } });
    expect(at((await get('/attack-protection/brute-force-protection')).body, 'max_attempts')).toBe(10);
  });

  it('serves singletons and bare arrays', async () => {
    expect(at((await get('/tenants/settings')).body, 'flags', 'allow_legacy_tokeninfo_endpoint')).toBe(true);
    expect((await get('/tenants/settings?fields=friendly_name')).body).toEqual({ friendly_name: 'Small Co' });
    expect((await get('/guardian/policies')).body).toEqual(['all-applications']);
    expect(list((await get('/guardian/factors')).body).map((f) => f.name)).toEqual(['otp', 'sms']);
    expect(list((await get('/keys/signing')).body).map((k) => k.kid)).toEqual(['key-current', 'key-next']);
    expect(at((await get('/custom-domains')).body, 0, 'domain')).toBe('login.small.example');
    expect((await get('/risk-assessments/settings')).body).toEqual({ enabled: false });
  });

  it('answers unknown paths with 404, other methods with 405, unknown ids with 404', async () => {
    expect((await get('/nothing-here')).status).toBe(404);
    const del = await fetch(`${server.url}/api/v2/clients`, { method: 'DELETE', headers: { authorization: `Bearer ${full}` } });
    expect(del.status).toBe(405);
    expect(at(await del.json(), 'statusCode')).toBe(405);
    expect((await get('/roles/rol_missing/permissions')).body).toEqual({ statusCode: 404, error: 'Not Found', message: 'The role does not exist.' });
    expect(at((await get('/connections/con_missing/clients')).body, 'errorCode')).toBe('inexistent_connection');
  });
});
