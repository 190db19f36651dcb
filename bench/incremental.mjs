// Incremental scans (issue 17): the large tenant read in full, then changed in 10 ways and read again with --since,
// then read again with nothing changed; requests (all, and without the users), wall time and the findings of each
// compared with a full scan of the same state. The real CLI runs against the mock API on loopback.
//
//   node bench/incremental.mjs [--size large|full|quick] [--rate 50]
//     --size   the bench tenant (bench/tenant.mjs; default large: 1,200 organizations, 25,000 users)
//     --rate   the mock's rate limit in requests per second (default 50; the free tier's 2 would take an hour)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '../dist/mock/index.js';
import { machineLine } from './machine.mjs';
import { buildBenchTenant, describeTenant } from './tenant.mjs';

const BIN = fileURLToPath(new URL('../bin/auth0-scan.js', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizeName = option('--size', 'large');
const rate = Number(option('--rate', '50'));
const MGMT = 'https://northwind-demo.eu.auth0.com/api/v2/';

/** Ten writes a tenant sees between two cron runs, aimed at items of the bench tenant (grown from the demo's). */
function changesFor(tenant) {
  const roleWithout = tenant.roles.find((r) => (r.users ?? []).length === 0) ?? tenant.roles[0];
  const orgWithout = tenant.organizations.find((o) => (o.members ?? []).length === 0) ?? tenant.organizations[0];
  const orgWith = tenant.organizations.find((o) => (o.enabled_connections ?? []).length > 0);
  const api = tenant.resource_servers.find((r) => !r.identifier.endsWith('/api/v2/'));
  const user = tenant.users[0].user_id;
  return [
    { method: 'PATCH', path: '/api/v2/attack-protection/brute-force-protection', body: { enabled: false } },
    { method: 'PATCH', path: '/api/v2/tenants/settings', body: { session_lifetime: 4000 } },
    { method: 'DELETE', path: `/api/v2/clients/${encodeURIComponent(tenant.clients[3].client_id)}` },
    { method: 'POST', path: '/api/v2/client-grants', body: { id: 'cgr_bench_new', client_id: tenant.clients[5].client_id, audience: MGMT, scope: ['delete:users', 'update:clients'] } },
    { method: 'POST', path: `/api/v2/roles/${encodeURIComponent(roleWithout.id)}/users`, body: { users: [user] } },
    { method: 'POST', path: `/api/v2/organizations/${encodeURIComponent(orgWithout.id)}/members`, body: { members: [user] } },
    { method: 'DELETE', path: `/api/v2/organizations/${encodeURIComponent(orgWith.id)}/enabled_connections/${encodeURIComponent(orgWith.enabled_connections[0].connection_id)}` },
    { method: 'PATCH', path: `/api/v2/resource-servers/${encodeURIComponent(api.id)}`, body: { token_lifetime: 2592000 } },
    { method: 'PUT', path: '/api/v2/guardian/factors/otp', body: { enabled: true } },
    { method: 'PATCH', path: `/api/v2/organizations/${encodeURIComponent(tenant.organizations[3].id)}`, body: { display_name: 'Renamed' } },
  ];
}

function cli(argv, cwd, secret) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, AUTH0_CLIENT_SECRET: secret }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve({ out, err, wallMs: performance.now() - started }) : reject(new Error(`auth0-scan ${argv[0]} exited ${code}: ${err.slice(-800)}`))));
  });
}

/** Requests the mock served under /api/v2 since `before`, all of them and without the users' (list, export job). */
function served(mock, before) {
  const now = mock.stats().byPath;
  let all = 0;
  let users = 0;
  for (const [path, n] of Object.entries(now)) {
    if (!path.startsWith('/api/v2')) continue;
    const d = n - (before[path] ?? 0);
    all += d;
    if (/^\/api\/v2\/(users|jobs)(\/|$)/.test(path)) users += d;
  }
  return { all, nonUser: all - users };
}

const keys = (report) => report.findings.map((f) => `${f.ruleId} ${f.resource.type}:${f.resource.id} ${f.fingerprint}`).sort();
const same = (a, b) => a.length === b.length && a.every((k, i) => k === b[i]);
const pct = (a, b) => `${((100 * a) / b).toFixed(1)} %`;

const tenant = buildBenchTenant(sizeName);
const CHANGES = changesFor(tenant);
const m2m = tenant.m2m[0];
const mock = await startMockServer({ tenant, rateLimit: { burst: rate, perSecond: rate } });
const cwd = mkdtempSync(join(tmpdir(), 'auth0-scan-bench-incremental-'));
const base = ['--domain', mock.url, '--audience', MGMT, '--client-id', m2m.client_id, '--no-progress', '--quiet'];
const scan = ['scan', '--format', 'json', '--fail-on', 'never', ...base];
try {
  console.log(machineLine());
  console.log(`tenant (${sizeName}): ${describeTenant(tenant)}; mock rate ${rate} req/s`);
  const measure = async (label, argv) => {
    const before = { ...mock.stats().byPath };
    const run = await cli(argv, cwd, m2m.client_secret);
    const counts = served(mock, before);
    return { label, run, counts, report: JSON.parse(run.out) };
  };
  const full1 = await measure('full scan (saves the base)', [...scan, '--save-snapshot', 'base.ndjson.gz']);
  mock.change(...CHANGES);
  const inc = await measure(`incremental after ${CHANGES.length} changes`, [...scan, '--since', 'base.ndjson.gz', '--save-snapshot', 'next.ndjson.gz']);
  const full2 = await measure('full scan of the changed tenant', scan);
  const idle = await measure('incremental, nothing changed', [...scan, '--since', 'next.ndjson.gz']);
  const full3 = await measure('full scan of the same tenant', scan);
  const rows = [
    [full1, undefined],
    [full2, undefined],
    [inc, full2],
    [full3, undefined],
    [idle, full3],
  ];
  console.log('\nrun                                      requests  non-user   wall     findings');
  for (const [r, against] of rows) {
    const ratio = against ? ` (${pct(r.counts.nonUser, against.counts.nonUser)} of the full scan's non-user requests)` : '';
    const equal = against ? (same(keys(r.report), keys(against.report)) ? ', equal to the full scan' : ', DIFFERENT from the full scan') : '';
    console.log(`${r.label.padEnd(40)} ${String(r.counts.all).padStart(8)}  ${String(r.counts.nonUser).padStart(8)}  ${(r.run.wallMs / 1000).toFixed(1).padStart(6)} s  ${r.report.findings.length}${equal}${ratio}`);
  }
  const fallback = [inc, idle].map((r) => r.report.collection.incremental?.fallback).filter(Boolean);
  if (fallback.length > 0) console.log(`fell back: ${fallback.join(', ')}`);
  const reread = inc.report.collection.incremental?.reread ?? [];
  console.log(`\nre-read after the changes: ${reread.map((r) => `${r.kind} ${r.ids === 'all' ? 'all' : `${r.ids.length} ids`}`).join(', ')}`);
  const okChanged = inc.counts.nonUser <= 0.15 * full2.counts.nonUser;
  const okIdle = idle.counts.nonUser <= 0.02 * full3.counts.nonUser;
  console.log(`targets: ${CHANGES.length} changes <= 15 %: ${okChanged ? 'met' : 'MISSED'}; unchanged <= 2 %: ${okIdle ? 'met' : 'MISSED'}`);
  if (!same(keys(inc.report), keys(full2.report)) || !same(keys(idle.report), keys(full3.report))) process.exitCode = 1;
} finally {
  await mock.close();
  rmSync(cwd, { recursive: true, force: true });
}
