import { afterEach, describe, expect, it } from 'vitest';
import { loadMockTenant, startMockServer, type MockServer } from '../../src/mock/index.js';
import { fullScopeToken } from './full-scope-token.js';

const small = loadMockTenant('test/fixtures/mock-tenant-small.json');
// The small tenant's scanner may read the logs here; its tenant turns automatic connection enabling off.
const tenant = { ...small, m2m: small.m2m.map((m) => (m.client_id === 'm2m-full' ? { ...m, scopes: [...m.scopes, 'read:logs'] } : m)) };
const autoEnabling = { ...tenant, tenant: { ...tenant.tenant, flags: { enable_client_connections: true } } };
type Obj = Record<string, unknown>;
let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(t = tenant): Promise<{ s: MockServer; get: (path: string) => Promise<{ status: number; body: unknown }> }> {
  const s = await startMockServer({ tenant: t });
  server = s;
  const token = await fullScopeToken(s);
  const get = async (path: string) => {
    const res = await fetch(`${s.url}/api/v2${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: await res.json() };
  };
  return { s, get };
}

const logs = async (get: (p: string) => Promise<{ body: unknown }>, from?: string): Promise<Obj[]> =>
  (await get(`/logs?take=100${from === undefined ? '' : `&from=${from}`}`)).body as Obj[];

describe('the mock applies writes between scans and logs them as Auth0 does', () => {
  it('logs each write as a sapi event (lower-case method, /api/v2 path, status) with growing 56-digit ids', async () => {
    const { s, get } = await setup();
    s.change(
      { method: 'PATCH', path: '/api/v2/tenants/settings', body: { session_lifetime: 1 } },
      { method: 'POST', path: '/api/v2/roles/rol_admin/users', body: { users: ['auth0|new'] } },
    );
    const events = await logs(get);
    expect(events.map((e) => [e['type'], (e['details'] as Obj)['request']])).toEqual([
      ['sapi', { method: 'patch', path: '/api/v2/tenants/settings', query: {}, channel: 'api', body: { session_lifetime: 1 } }],
      ['sapi', { method: 'post', path: '/api/v2/roles/rol_admin/users', query: {}, channel: 'api', body: { users: ['auth0|new'] } }],
    ]);
    const [first, second] = events.map((e) => String(e['log_id']));
    expect(first).toMatch(/^\d{56}$/);
    expect(BigInt(second ?? '0') > BigInt(first ?? '0')).toBe(true);
    // Checkpoint mode: only what is after `from`, oldest first; the single event by id, and 404 for one that is gone.
    expect((await logs(get, first)).map((e) => e['log_id'])).toEqual([second]);
    expect((await get(`/logs/${first ?? ''}`)).status).toBe(200);
    s.expireLogs();
    expect((await get(`/logs/${first ?? ''}`)).status).toBe(404);
    expect((await get('/logs?take=101')).status).toBe(400);
    expect(((await get('/tenants/settings')).body as Obj)['session_lifetime']).toBe(1);
    expect(((await get('/roles/rol_admin/users')).body as Obj[]).map((u) => u['user_id'])).toContain('auth0|new');
  });

  it('applies the API cascades: a deleted client leaves its connections, a new one joins every connection', async () => {
    for (const [t, joined] of [[autoEnabling, ['cli_new']], [tenant, []]] as const) {
      const { s, get } = await setup(t);
      s.change({ method: 'DELETE', path: '/api/v2/clients/cli_spa' }, { method: 'POST', path: '/api/v2/clients', body: { client_id: 'cli_new', name: 'New' } });
      const clientsOf = async (id: string) => (((await get(`/connections/${id}/clients?take=100`)).body as Obj)['clients'] as Obj[]).map((c) => c['client_id']);
      expect(await clientsOf('con_db')).toEqual(['cli_web', ...joined]);
      expect(await clientsOf('con_google')).toEqual([...joined]);
      expect((await get('/clients/cli_spa')).status).toBe(404);
      await s.close();
      server = undefined;
    }
  });

  it('logs a failed write as fapi and changes nothing; /api/v2 itself stays read-only', async () => {
    const { s, get } = await setup();
    expect(() => s.change({ method: 'DELETE', path: '/api/v2/roles/rol_nope' })).toThrow();
    expect((await logs(get)).map((e) => [e['type'], ((e['details'] as Obj)['response'] as Obj)['statusCode']])).toEqual([['fapi', 404]]);
    const token = await fullScopeToken(s);
    const write = await fetch(`${s.url}/api/v2/roles/rol_admin`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(write.status).toBe(405);
  });

  it('takes changes over loopback at POST /__mock/changes, validated', async () => {
    const { s, get } = await setup();
    const post = (body: unknown) => fetch(`${s.url}/__mock/changes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const applied = await post({ changes: [{ method: 'PUT', path: '/api/v2/guardian/policies', body: ['all-applications'] }] });
    expect(await applied.json()).toEqual({ applied: 1 });
    expect((await get('/guardian/policies')).body).toEqual(['all-applications']);
    const bad = await post({ changes: [{ method: 'GET', path: '/api/v2/clients' }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Obj)['message']).toMatch(/^changes\.0\.method/);
  });

  it('logs the scanner\'s own users export job: a write as far as the log is concerned', async () => {
    const { s, get } = await setup();
    const token = await fullScopeToken(s);
    await fetch(`${s.url}/api/v2/jobs/users-exports`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ format: 'json', fields: [{ name: 'user_id' }] }) });
    expect((await logs(get)).map((e) => ((e['details'] as Obj)['request'] as Obj)['path'])).toEqual(['/api/v2/jobs/users-exports']);
  });
});
