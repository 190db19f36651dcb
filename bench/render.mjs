// Rendering cost: every report format for a large ordinary report (1,235 findings), for the recorded real tenant
// (../shared/real-api, evaluated in memory with every built-in rule: about 1,245 findings) and for hostile tenant
// text (one resource whose name and message are 2 KB, 8 KB and 1 MB). `table` is the default grouped table,
// `table-details` the per-finding one (--details); both at the default width (100). Each render runs in its own
// process under a deadline, so a renderer that hangs is reported as such instead of hanging the bench.
//
//   node bench/render.mjs [--dist DIR] [--timeout SECONDS] [--formats table,table-details,markdown,...]
//     --dist     the built package to measure (default ../dist; a private build or an older commit's build)
//     --timeout  per render (default 60)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineLine } from './machine.mjs';

const SELF = fileURLToPath(import.meta.url);
const FORMATS = ['table', 'table-details', 'markdown', 'csv', 'junit', 'json', 'sarif'];
const REAL_TENANT = fileURLToPath(new URL('../../shared/real-api/real-tenant.json', import.meta.url));
const SCENARIOS = ['findings-1235', ...(existsSync(REAL_TENANT) ? ['real-tenant'] : []), 'name-2k', 'name-8k', 'name-1m'];

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];

function finding(i, name, message) {
  const id = `client${String(i).padStart(6, '0')}xYz`;
  return {
    ruleId: `rule-${i % 37}`,
    ruleVersion: 1,
    title: 'A rule title',
    severity: SEVERITIES[i % SEVERITIES.length],
    category: 'applications',
    resource: { type: 'clients', id, name },
    message,
    remediation: 'Change the setting.',
    evidence: {},
    fingerprint: String(i).padStart(32, '0'),
  };
}

function findingsFor(scenario) {
  if (scenario === 'findings-1235') {
    return Array.from({ length: 1235 }, (_, i) =>
      finding(i, `Storefront application number ${i}`, `Application Storefront application number ${i} allows the implicit grant and refresh tokens that never expire.`),
    );
  }
  const size = { 'name-2k': 2_000, 'name-8k': 8_000, 'name-1m': 1_000_000 }[scenario];
  return [finding(0, 'N'.repeat(size), 'M'.repeat(size))];
}

/**
 * The recorded tenant as the collectors would hand it on (the sub-lists folded into their parents, as
 * test/real-tenant-mock.ts does for the mock), evaluated with every built-in rule: the findings a scan reports.
 */
async function realTenantInput(dist) {
  const { createEvaluator } = await import(pathToFileURL(`${dist}/engine/create-evaluator.js`).href);
  const { loadRuleSet } = await import(pathToFileURL(`${dist}/rules/load-rule-set.js`).href);
  const { KIND_NAMES, KINDS } = await import(pathToFileURL(`${dist}/model/kinds.js`).href);
  const file = JSON.parse(readFileSync(REAL_TENANT, 'utf8'));
  const items = (path) => file.routes[path]?.items ?? [];
  const body = (path) => file.routes[path]?.body;
  const ids = (path, field) => items(path).map((x) => x[field]).filter((v) => typeof v === 'string');
  const bound = new Map();
  for (const path of Object.keys(file.routes).filter((p) => /^\/actions\/triggers\/[^/]+\/bindings$/.test(p))) {
    for (const b of items(path)) if (typeof b.action?.id === 'string') bound.set(b.action.id, [...(bound.get(b.action.id) ?? []), path.split('/')[3]]);
  }
  const lists = {
    clients: items('/clients'),
    client_grants: items('/client-grants'),
    resource_servers: items('/resource-servers'),
    connections: items('/connections').map((c) => ({ ...c, enabled_clients: ids(`/connections/${c.id}/clients`, 'client_id') })),
    roles: items('/roles').map((r) => ({ ...r, permissions: items(`/roles/${r.id}/permissions`), users: ids(`/roles/${r.id}/users`, 'user_id') })),
    organizations: items('/organizations').map((o) => ({ ...o, members: ids(`/organizations/${o.id}/members`, 'user_id'), enabled_connections: items(`/organizations/${o.id}/enabled_connections`) })),
    users: items('/users'),
    actions: items('/actions/actions').map((a) => ({ ...a, bound_triggers: bound.get(a.id) ?? [] })),
    rules: items('/rules'),
    hooks: items('/hooks'),
    log_streams: items('/log-streams'),
    custom_domains: items('/custom-domains'),
  };
  const singletons = {
    tenant: body('/tenants/settings'),
    email_provider: { configured: body('/emails/provider') != null, ...body('/emails/provider') },
    signing_keys: body('/keys/signing'),
    guardian_factors: body('/guardian/factors'),
    guardian_policies: { policies: body('/guardian/policies') },
    brute_force_protection: body('/attack-protection/brute-force-protection'),
    suspicious_ip_throttling: body('/attack-protection/suspicious-ip-throttling'),
    breached_password_detection: body('/attack-protection/breached-password-detection'),
    bot_detection: body('/attack-protection/bot-detection'),
    risk_assessment: body('/risk-assessments/settings'),
  };
  const resources = Object.fromEntries(
    KIND_NAMES.map((k) => [k, KINDS[k].singleton ? (singletons[k] === undefined ? [] : [singletons[k]]) : (lists[k] ?? singletons[k] ?? [])]),
  );
  const rules = loadRuleSet();
  const { users, ...inMemory } = resources;
  const ev = createEvaluator({ tenant: { domain: file.meta.tenantHost }, now: '2026-06-01T00:00:00Z', resources: inMemory, rules: rules.map(({ file: f }) => ({ file: f })) });
  for (const u of users) ev.add('users', u);
  const kinds = Object.fromEntries(KIND_NAMES.map((k) => [k, { status: 'ok', count: resources[k].length }]));
  return {
    evaluation: ev.finish(kinds),
    rules: rules.map(({ file: f }) => ({ id: f.id, severity: f.severity, category: f.category })),
    collection: { source: 'live', requests: 1, retries: 0, throttled: 0, durationMs: 1, kinds },
  };
}

/** The child: one scenario, one format; prints the milliseconds and the output size as JSON. */
async function child(dist, scenario, format) {
  const { buildReport } = await import(pathToFileURL(`${dist}/report/build-report.js`).href);
  const { REPORTERS } = await import(pathToFileURL(`${dist}/report/reporters.js`).href);
  const input =
    scenario === 'real-tenant'
      ? await realTenantInput(dist)
      : {
          evaluation: { tenant: { domain: 'acme.eu.auth0.com' }, findings: findingsFor(scenario), skipped: [], rulesEvaluated: 40 },
          rules: [],
          collection: { source: 'live', requests: 1, retries: 0, throttled: 0, durationMs: 1, kinds: { clients: { status: 'ok', count: 1 } } },
        };
  const report = buildReport({ ...input, toolVersion: 'bench', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:01.000Z', failOn: 'high' });
  const details = format === 'table-details';
  const t = performance.now();
  const out = REPORTERS[details ? 'table' : format](report, { color: false, rules: new Map(), details });
  process.stdout.write(JSON.stringify({ ms: performance.now() - t, bytes: Buffer.byteLength(out), findings: report.findings.length }));
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], process.argv[5]);
} else {
  const dist = resolve(flag('--dist', fileURLToPath(new URL('../dist', import.meta.url))));
  const timeoutMs = Number(flag('--timeout', '60')) * 1000;
  const formats = flag('--formats', FORMATS.join(',')).split(',');
  console.log(machineLine());
  console.log(`render: ${dist}, deadline ${timeoutMs / 1000} s per render`);
  for (const scenario of SCENARIOS) {
    const cells = [];
    let count;
    for (const format of formats) {
      const r = spawnSync(process.execPath, [SELF, '--child', dist, scenario, format], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1024 * 1024 });
      if (r.error?.code === 'ETIMEDOUT' || r.signal) cells.push(`${format} > ${timeoutMs / 1000} s (killed)`);
      else if (r.status !== 0) cells.push(`${format} crashed: ${(r.stderr.trim().split('\n').pop() ?? '').slice(0, 120)}`);
      else {
        const { ms, bytes, findings } = JSON.parse(r.stdout);
        count = findings;
        cells.push(`${format} ${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KiB)`);
      }
    }
    console.log(`render ${scenario}${count === undefined ? '' : ` (${count.toLocaleString('en-US')} findings)`}: ${cells.join(' · ')}`);
  }
}
