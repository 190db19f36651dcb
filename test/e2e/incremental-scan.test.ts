import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer, type TenantChange } from '../../src/mock/index.js';
import { DEMO_AUDIENCE, demoScanner, loadDemoTenant, withLimitedClient } from './demo-mock.js';
import { reportSchemaErrors } from './report-schemas.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { makeTempDir } from './temp-dir.js';

interface Finding {
  ruleId: string;
  resource: { type: string; id: string };
  fingerprint: string;
}
interface Incremental {
  base: string;
  logs?: { from: string; to: string; events: number; ignored: number; requests: number };
  reread: { kind: string; ids: 'all' | string[]; reasons: string[]; logged: boolean }[];
  reused: string[];
  fallback?: string;
  detail?: string;
}
interface Report {
  findings: Finding[];
  summary: { total: number; score?: unknown };
  collection: { requests: number; kinds: Record<string, { status: string; count: number }>; incremental?: Incremental };
}

const NO_LOGS = { client_id: 'e2e-no-logs-scanner', client_secret: 'E2E-NOLOGS-5b1f0c7e2a9d', withhold: ['read:logs', 'read:logs_users'] };
const tenant = withLimitedClient(loadDemoTenant(), NO_LOGS);
const scanner = demoScanner(tenant);
const MGMT = DEMO_AUDIENCE;

/**
 * A dozen writes of the kinds a tenant sees between two cron runs: findings appearing (attack protection off, a
 * new Management API grant, a new SPA) and disappearing (a legacy application deleted, with its grants and
 * connection links), a role and an organization membership, a change that touches no finding, and a write that
 * fails (logged `fapi`, changing nothing).
 */
const CHANGES: TenantChange[] = [
  { method: 'PATCH', path: '/api/v2/attack-protection/brute-force-protection', body: { enabled: false } },
  { method: 'PATCH', path: '/api/v2/tenants/settings', body: { session_lifetime: 4000, idle_session_lifetime: 900 } },
  { method: 'DELETE', path: '/api/v2/clients/JjOXOX8ZkER6u9NYcaYElcqJugHilrhR' },
  { method: 'POST', path: '/api/v2/client-grants', body: { id: 'cgr_e2e_new', client_id: 'l1IjSt1W8gwflUALNkMmOnCEVFXHI6Ca', audience: MGMT, scope: ['delete:users', 'update:clients', 'create:client_grants'] } },
  // The unused role and the organization without members each get one: role-unused and org-no-members go away.
  { method: 'POST', path: '/api/v2/roles/rol_gOttRmstwqmLq5JK/users', body: { users: ['auth0|b49a0d5644f4543c64911d0b'] } },
  { method: 'POST', path: '/api/v2/organizations/org_FRtW838CBqGodhuA/members', body: { members: ['auth0|b49a0d5644f4543c64911d0b'] } },
  { method: 'DELETE', path: '/api/v2/organizations/org_9LAyCxfUxGwey7Dn/enabled_connections/con_sXe95qMR72XTgIaj' },
  // Its secret is in the log event's request and response bodies, as on a real tenant: it must never come out.
  { method: 'POST', path: '/api/v2/clients', body: { client_id: 'e2e-new-spa', client_secret: 'E2E-INCREMENTAL-SECRET-7f3a9c', name: 'E2E New SPA', app_type: 'spa', grant_types: ['implicit', 'authorization_code'], callbacks: ['http://localhost:3000/cb'] } },
  { method: 'PATCH', path: '/api/v2/resource-servers/19ad0f40f51e02d146c328bc', body: { token_lifetime: 2_592_000, allow_offline_access: true } },
  { method: 'PUT', path: '/api/v2/guardian/factors/otp', body: { enabled: true } },
  { method: 'PATCH', path: '/api/v2/organizations/org_268KX8nHNbXlxoqK', body: { display_name: 'Lakeside Physio (renamed)' } },
  { method: 'PATCH', path: '/api/v2/prompts', body: { identifier_first: true } },
];

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function start(): Promise<{ server: MockServer; cwd: string }> {
  mock = await startMockServer({ tenant, rateLimit: false });
  return { server: mock, cwd: makeTempDir('incremental') };
}

function run(server: MockServer, cwd: string, args: string[], client = scanner): Promise<CliResult> {
  return runCli([...args, '--domain', server.url, '--audience', DEMO_AUDIENCE, '--client-id', client.client_id, '--no-progress'], {
    cwd,
    env: { AUTH0_CLIENT_SECRET: client.client_secret },
    timeoutMs: 60_000,
  });
}

function report(r: CliResult): Report & { stdout: string; stderr: string } {
  expect(r.code, describeRun(r)).toBe(0);
  const doc = JSON.parse(r.stdout) as Report;
  expect(reportSchemaErrors(doc)).toEqual([]);
  return { ...doc, stdout: r.stdout, stderr: r.stderr };
}

const keys = (r: Report): string[] => r.findings.map((f) => `${f.ruleId} ${f.resource.type}:${f.resource.id} ${f.fingerprint}`).sort();
const SCAN = ['scan', '--format', 'json', '--fail-on', 'never'];

describe('scan --since: only what the tenant log says changed is read again', () => {
  it('gives the findings of a full scan after a dozen changes, with far fewer requests, and saves a complete snapshot', async () => {
    const { server, cwd } = await start();
    const base = report(await run(server, cwd, [...SCAN, '--save-snapshot', 'base.ndjson.gz']));
    server.change(...CHANGES);
    expect(() => server.change({ method: 'DELETE', path: '/api/v2/clients/no-such-client' })).toThrow();

    const incremental = report(await run(server, cwd, [...SCAN, '--since', 'base.ndjson.gz', '--save-snapshot', 'next.ndjson.gz']));
    const full = report(await run(server, cwd, SCAN));
    expect(keys(incremental)).toEqual(keys(full));
    expect(keys(incremental)).not.toEqual(keys(base));
    // Findings appeared and disappeared: the changes were really seen.
    expect(keys(full).some((k) => k.includes('cgr_e2e_new') || k.includes('e2e-new-spa'))).toBe(true);
    expect(keys(base).some((k) => k.includes('JjOXOX8ZkER6u9NYcaYElcqJugHilrhR'))).toBe(true);
    expect(keys(full).some((k) => k.includes('JjOXOX8ZkER6u9NYcaYElcqJugHilrhR'))).toBe(false);
    for (const gone of ['role-unused roles:rol_gOttRmstwqmLq5JK', 'org-no-members organizations:org_FRtW838CBqGodhuA']) {
      expect(keys(base).some((k) => k.startsWith(gone))).toBe(true);
      expect(keys(full).some((k) => k.startsWith(gone))).toBe(false);
    }

    const inc = incremental.collection.incremental;
    expect(inc?.fallback, inc?.detail).toBeUndefined();
    expect(inc?.logs?.events).toBeGreaterThanOrEqual(CHANGES.length + 1);
    const reread = new Map(inc?.reread.map((r) => [r.kind, r]));
    expect(reread.get('clients')?.ids).toBe('all');
    expect(reread.get('clients')?.logged).toBe(true);
    expect(reread.get('users')?.logged).toBe(false);
    // The membership, and the roles holding a permission of the API whose settings changed; not every role.
    expect(reread.get('roles')?.ids).toEqual(expect.arrayContaining(['rol_gOttRmstwqmLq5JK']));
    expect(reread.get('roles')?.ids).not.toBe('all');
    expect(reread.get('organizations')?.ids).toEqual(expect.arrayContaining(['org_FRtW838CBqGodhuA', 'org_9LAyCxfUxGwey7Dn']));
    expect(reread.has('rules')).toBe(false);
    expect(inc?.reused).toEqual(expect.arrayContaining(['rules', 'hooks', 'signing_keys', 'network_acls']));
    expect(incremental.collection.requests).toBeLessThan(full.collection.requests * 0.75);
    for (const [kind, c] of Object.entries(full.collection.kinds)) expect(incremental.collection.kinds[kind]?.count, kind).toBe(c.count);

    // The saved snapshot is complete: scanned offline it gives the same findings, and it is the next base.
    const offline = report(await runCli(['scan', '--snapshot', 'next.ndjson.gz', '--format', 'json', '--fail-on', 'never'], { cwd }));
    expect(keys(offline)).toEqual(keys(full));
    const verbose = await run(server, cwd, [...SCAN, '--since', 'base.ndjson.gz', '--verbose']);
    for (const text of [incremental.stdout, incremental.stderr, verbose.stdout, verbose.stderr, gunzipSync(readFileSync(join(cwd, 'next.ndjson.gz'))).toString('utf8')]) {
      expect(text).not.toContain('E2E-INCREMENTAL-SECRET');
    }
    const again = report(await run(server, cwd, [...SCAN, '--since', 'next.ndjson.gz']));
    expect(keys(again)).toEqual(keys(full));
    expect(again.collection.incremental?.fallback).toBeUndefined();
    expect(again.collection.requests).toBeLessThan(incremental.collection.requests);
  }, 120_000);

  it('collect --since writes the merged snapshot over its base, and says what it cost', async () => {
    const { server, cwd } = await start();
    const first = await run(server, cwd, ['collect', '-o', 'tenant.ndjson.gz']);
    expect(first.code, describeRun(first)).toBe(0);
    server.change(...CHANGES.slice(2, 8));
    const next = await run(server, cwd, ['collect', '--since', 'tenant.ndjson.gz', '-o', 'tenant.ndjson.gz']);
    expect(next.code, describeRun(next)).toBe(0);
    expect(next.stderr).toMatch(/incremental: \d+ of \d+ requests, \d+ log events since the base, changed: .*clients/);
    const offline = report(await runCli(['scan', '--snapshot', 'tenant.ndjson.gz', '--format', 'json', '--fail-on', 'never'], { cwd }));
    const full = report(await run(server, cwd, SCAN));
    expect(keys(offline)).toEqual(keys(full));
  }, 120_000);

  it('reads in full, with identical findings, after a log gap', async () => {
    const { server, cwd } = await start();
    report(await run(server, cwd, [...SCAN, '--save-snapshot', 'base.ndjson']));
    server.change(...CHANGES.slice(0, 4));
    server.expireLogs();
    const incremental = report(await run(server, cwd, [...SCAN, '--since', 'base.ndjson']));
    const full = report(await run(server, cwd, SCAN));
    expect(incremental.collection.incremental?.fallback).toBe('log-gap');
    expect(keys(incremental)).toEqual(keys(full));
    expect(incremental.collection.requests).toBeGreaterThanOrEqual(full.collection.requests);
  }, 120_000);

  it('without read:logs: collect says the snapshot has no checkpoint, --since reads in full and exits as a normal scan', async () => {
    const { server, cwd } = await start();
    const limited = { ...scanner, client_id: NO_LOGS.client_id, client_secret: NO_LOGS.client_secret };
    const collected = await run(server, cwd, ['collect', '-o', 'base.ndjson'], limited);
    expect(collected.code, describeRun(collected)).toBe(0);
    expect(collected.stderr).toMatch(/lacks read:logs: the snapshot records no log checkpoint/);
    const header = JSON.parse(readFileSync(join(cwd, 'base.ndjson'), 'utf8').split('\n')[0] ?? '{}') as Record<string, unknown>;
    expect(header['checkpoint']).toBeUndefined();
    server.change(...CHANGES.slice(0, 6));
    const incremental = report(await run(server, cwd, [...SCAN, '--since', 'base.ndjson'], limited));
    const full = report(await run(server, cwd, SCAN, limited));
    expect(incremental.collection.incremental?.fallback).toBe('no-read-logs');
    expect(keys(incremental)).toEqual(keys(full));
  }, 120_000);

  it('refuses a base snapshot that is not one, --full-every without --since, a snapshot over a report and --since offline, with one line each (exit 2)', async () => {
    const { server, cwd } = await start();
    const bad = await run(server, cwd, [...SCAN, '--since', 'missing.ndjson']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const lonely = await run(server, cwd, [...SCAN, '--full-every', '6h']);
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toMatch(/--full-every applies to --since runs only/);
    const clash = await run(server, cwd, [...SCAN, '-o', 'out.json', '--save-snapshot', 'out.json']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/--save-snapshot and -o name the same file/);
    const offline = await runCli(['scan', '--snapshot', 'x.ndjson', '--since', 'x.ndjson'], { cwd });
    expect(offline.stderr).toMatch(/read a live \(or demo\) tenant/);
    expect(server.stats().byPath['/oauth/token'] ?? 0).toBe(0);
  }, 60_000);
});
