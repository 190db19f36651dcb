import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMockTenant, startMockServer, type MockServer } from '../../src/mock/index.js';
import { fullScopeToken } from './full-scope-token.js';

type Obj = Record<string, unknown>;
const tenant = loadMockTenant('test/fixtures/mock-tenant-small.json');
let server: MockServer;
let token = '';

async function api(path: string, init: RequestInit = {}): Promise<{ status: number; body: Obj }> {
  const res = await fetch(`${server.url}/api/v2${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  return { status: res.status, body: (await res.json()) as Obj };
}

async function createJob(body: Obj): Promise<Obj> {
  const res = await api('/jobs/users-exports', { method: 'POST', body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return res.body;
}

/** Polls GET /jobs/{id} until it leaves pending/processing; bounded. */
async function waitForJob(id: string): Promise<{ body: Obj; statuses: string[] }> {
  const statuses: string[] = [];
  for (let i = 0; i < 100; i++) {
    const { body } = await api(`/jobs/${id}`);
    statuses.push(String(body.status));
    if (body.status !== 'pending' && body.status !== 'processing') return { body, statuses };
    await new Promise((r) => setTimeout(r, 15));
  }
  throw new Error('job never finished');
}

function lines(gz: ArrayBuffer): Obj[] {
  return gunzipSync(Buffer.from(gz))
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Obj);
}

beforeAll(async () => {
  server = await startMockServer({ tenant, exportJobDelayMs: 300, exportLinkTtlMs: 150 });
  token = await fullScopeToken(server);
});
afterAll(async () => {
  await server.close();
});

describe('users export job', () => {
  it('goes pending → processing → completed and serves gzipped NDJSON of the requested fields', async () => {
    const fields = [{ name: 'user_id' }, { name: 'email' }, { name: 'last_login' }, { name: 'identities[0].connection', export_as: 'connection' }];
    const job = await createJob({ format: 'json', fields });
    expect(job).toMatchObject({ type: 'users_export', status: 'pending', format: 'json', fields });
    expect(String(job.id)).toMatch(/^job_/);
    const { body, statuses } = await waitForJob(String(job.id));
    expect(statuses[0]).toBe('pending');
    expect(statuses).toContain('processing');
    expect(body.status).toBe('completed');
    const location = String(body.location);
    expect(location.startsWith(`${server.url}/__downloads/`)).toBe(true);
    expect(location.endsWith('.json.gz')).toBe(true);

    const download = await fetch(location);
    expect(download.status).toBe(200);
    const users = lines(await download.arrayBuffer());
    expect(users).toHaveLength(2503);
    expect(users[0]).toEqual({ user_id: 'auth0|explicit-1', email: 'admin@small.example', last_login: '2025-12-01T10:00:00.000Z', connection: 'Username-Password-Authentication' });
    // Never-logged-in users have no last_login at all, as in the real export.
    expect(users[1]).toEqual({ user_id: 'auth0|explicit-2', email: 'dormant@small.example', connection: 'Username-Password-Authentication' });
    expect(new Set(users.map((u) => u.user_id)).size).toBe(2503);
    expect(users.filter((u) => u.connection === 'google-oauth2').length).toBeGreaterThan(300);
  });

  it('expires the link with a 403, and a new GET of the job gives a fresh link', async () => {
    server.setFaults({ exportJob: { delayMs: 20 } });
    const job = await createJob({ format: 'json', fields: [{ name: 'user_id' }], limit: 10 });
    const first = String((await waitForJob(String(job.id))).body.location);
    await new Promise((r) => setTimeout(r, 200));
    const expired = await fetch(first);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('<Code>AccessDenied</Code>');
    const fresh = String((await api(`/jobs/${String(job.id)}`)).body.location);
    expect(fresh).not.toBe(first);
    const res = await fetch(fresh);
    expect(res.status).toBe(200);
    expect(lines(await res.arrayBuffer())).toHaveLength(10);
  });

  it('filters by connection_id and rejects an unknown one', async () => {
    server.setFaults({ exportJob: { delayMs: 20 } });
    const job = await createJob({ connection_id: 'con_google', format: 'json', fields: [{ name: 'user_id' }] });
    const location = String((await waitForJob(String(job.id))).body.location);
    const users = lines(await (await fetch(location)).arrayBuffer());
    expect(users.length).toBeGreaterThan(300);
    expect(users.every((u) => String(u.user_id).startsWith('google-oauth2|'))).toBe(true);
    const bad = await api('/jobs/users-exports', { method: 'POST', body: JSON.stringify({ connection_id: 'con_nope' }) });
    expect(bad.status).toBe(404);
    const invalid = await api('/jobs/users-exports', { method: 'POST', body: JSON.stringify({ format: 'xml' }) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errorCode).toBe('invalid_body');
  });

  it('fails or slows jobs under the exportJob fault, and 404s an unknown job', async () => {
    server.setFaults({ exportJob: { fail: true, delayMs: 20 } });
    const failing = await createJob({ format: 'json' });
    server.setFaults({});
    const { body } = await waitForJob(String(failing.id));
    expect(body.status).toBe('failed');
    expect(body).not.toHaveProperty('location');
    expect((await api('/jobs/job_missing')).status).toBe(404);
  });
});
