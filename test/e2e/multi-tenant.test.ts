import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { demoScanner, loadDemoTenant } from './demo-mock.js';
import { expectOneLineError, STACK_FRAME } from './expect-cli.js';
import { reportSchemaErrors, sarifSchemaErrors } from './report-schemas.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

// Two copies of the demo tenant under two canonical domains, each behind its own mock Management API.
const ALPHA = 'alpha-demo.eu.auth0.com';
const BETA = 'beta-demo.eu.auth0.com';
const ALPHA_SECRET = 'E2E-ALPHA-7c1e9b3f5a';
const BETA_SECRET = 'E2E-BETA-2d8f4a6c0e';
// Tenant settings and applications: findings on both kinds (a singleton and resources with ids), quickly. The
// mocks are on loopback, which a config file may only send credentials to when the user allows it.
const ONLY = ['--only', 'tenant-*,client-*', '--allow-config-host', '127.0.0.1'];

interface Finding {
  ruleId: string;
  severity: string;
  resource: { type: string; id: string };
  fingerprint: string;
  tenant?: string;
  suppression?: { entry: string };
}
interface TenantReport {
  tenant: { domain: string; name?: string };
  summary: { total: number; rulesEvaluated: number; gate: { passed: boolean } };
  findings: Finding[];
  skipped: unknown[];
}
interface MultiReport {
  summary: { total: number; rulesEvaluated: number; bySeverity: Record<string, number>; gate: { failOn: string; passed: boolean } };
  tenants: TenantReport[];
  failed: { tenant: { domain: string; name?: string }; code: string; message: string }[];
}
interface Sarif {
  runs: { automationDetails: { id: string }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

let alpha: MockServer;
let beta: MockServer;
let root: string;
let dirs = 0;

const demo = loadDemoTenant();
const scanner = demoScanner(demo);

beforeAll(async () => {
  alpha = await startMockServer({ tenant: { ...demo, domain: ALPHA, m2m: [{ ...scanner, client_secret: ALPHA_SECRET }] } });
  beta = await startMockServer({ tenant: { ...demo, domain: BETA, m2m: [{ ...scanner, client_secret: BETA_SECRET }] } });
  root = makeTempDir('multi-tenant');
});
afterAll(async () => {
  await Promise.all([alpha.close(), beta.close()]);
  removeTempDir(root);
});

function configText(): string {
  const entry = (name: string, server: MockServer, domain: string, env: string) =>
    `  - name: ${name}\n    domain: ${server.url}\n    audience: https://${domain}/api/v2/\n    client_id: ${scanner.client_id}\n    client_secret_env: ${env}\n`;
  return `failOn: high\ntenants:\n${entry('alpha', alpha, ALPHA, 'AUTH0_ALPHA_SECRET')}${entry('beta', beta, BETA, 'AUTH0_BETA_SECRET')}`;
}

/** A fresh working directory holding the config file (and any extra files). */
function workDir(extra: Record<string, string> = {}): string {
  const dir = join(root, `run-${++dirs}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'auth0-scan.config.yaml'), configText());
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

const SECRETS = { AUTH0_ALPHA_SECRET: ALPHA_SECRET, AUTH0_BETA_SECRET: BETA_SECRET };
function scan(args: readonly string[], env: Record<string, string> = SECRETS, cwd = workDir()): Promise<CliResult> {
  return runCli(['scan', ...ONLY, ...args], { cwd, env });
}

function expectNoSecrets(r: CliResult): void {
  for (const secret of [ALPHA_SECRET, BETA_SECRET]) {
    expect(r.stdout).not.toContain(secret);
    expect(r.stderr).not.toContain(secret);
  }
}

function multi(r: CliResult): MultiReport {
  const doc = JSON.parse(r.stdout) as MultiReport;
  expect(reportSchemaErrors(doc)).toEqual([]);
  return doc;
}

const key = (f: Finding) => `${f.ruleId} ${f.resource.type}/${f.resource.id}`;

describe('scan over the tenants of a config file', () => {
  it('writes SARIF with one run per tenant, each with its own automation id and artifact paths', async () => {
    const r = await scan(['--format', 'sarif', '--fail-on', 'never']);
    expect(r.code, describeRun(r)).toBe(0);
    const sarif = JSON.parse(r.stdout) as Sarif;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(sarif.runs.map((run) => run.automationDetails.id)).toEqual([`auth0-scan/${ALPHA}/`, `auth0-scan/${BETA}/`]);
    for (const [i, domain] of [ALPHA, BETA].entries()) {
      const results = sarif.runs[i]?.results ?? [];
      expect(results.length).toBeGreaterThan(0);
      for (const res of results) expect(res.locations[0]?.physicalLocation.artifactLocation.uri.startsWith(`auth0/${domain}/`)).toBe(true);
    }
    expectNoSecrets(r);
  });

  it('writes one JSON document holding both tenants, every finding naming its tenant', async () => {
    const [r, single] = await Promise.all([
      scan(['--format', 'json', '--fail-on', 'never']),
      runCli(['scan', ...ONLY, '--domain', alpha.url, '--audience', `https://${ALPHA}/api/v2/`, '--client-id', scanner.client_id, '--format', 'json', '--fail-on', 'never'], {
        cwd: workDir(),
        env: { AUTH0_CLIENT_SECRET: ALPHA_SECRET },
      }),
    ]);
    expect(r.code, describeRun(r)).toBe(0);
    const doc = multi(r);
    expect(doc.failed).toEqual([]);
    expect(doc.tenants.map((t) => t.tenant)).toEqual([
      { domain: ALPHA, name: 'alpha' },
      { domain: BETA, name: 'beta' },
    ]);
    const [a, b] = doc.tenants;
    if (!a || !b) throw new Error('two tenant reports expected');
    expect(a.findings.length).toBeGreaterThan(0);
    for (const t of doc.tenants) for (const f of t.findings) expect(f.tenant).toBe(t.tenant.domain);
    // Same data, different tenants: the same findings, never the same fingerprints.
    expect(b.findings.map(key)).toEqual(a.findings.map(key));
    const alphaPrints = new Set(a.findings.map((f) => f.fingerprint));
    expect(b.findings.some((f) => alphaPrints.has(f.fingerprint))).toBe(false);
    expect(doc.summary.total).toBe(a.summary.total + b.summary.total);
    expect(doc.summary.rulesEvaluated).toBe(a.summary.rulesEvaluated + b.summary.rulesEvaluated);
    expect(doc.summary.gate).toEqual({ failOn: 'never', passed: true });

    // A tenant's part of the multi-tenant report is what a single-tenant scan of it reports.
    expect(single.code, describeRun(single)).toBe(0);
    const alone = JSON.parse(single.stdout) as TenantReport;
    expect(reportSchemaErrors(alone)).toEqual([]);
    expect(alone.findings.map((f) => `${key(f)} ${f.fingerprint} ${f.tenant}`)).toEqual(a.findings.map((f) => `${key(f)} ${f.fingerprint} ${f.tenant}`));
    expectNoSecrets(r);
  });

  it('gates over all tenants (exit 1) and --tenant picks one', async () => {
    const [all, one] = await Promise.all([scan(['--format', 'json']), scan(['--format', 'json', '--tenant', 'beta'])]);
    expect(all.code, describeRun(all)).toBe(1);
    expect(multi(all).summary.gate.passed).toBe(false);
    expect(one.code, describeRun(one)).toBe(1);
    expect(multi(one).tenants.map((t) => t.tenant.domain)).toEqual([BETA]);
  });

  it.each([
    ['its domain', BETA],
    ['its config name', 'beta'],
  ])('applies a suppression entry with a tenant only to that tenant, named by %s', async (_how, tenantRef) => {
    const ignore = `suppressions:\n  - rule: tenant-legacy-ro-grant\n    resource: tenant\n    tenant: ${tenantRef}\n    reason: accepted on beta\n    expires: 2099-12-31\n`;
    const r = await scan(['--format', 'json', '--fail-on', 'never'], SECRETS, workDir({ '.auth0-scan-ignore.yaml': ignore }));
    expect(r.code, describeRun(r)).toBe(0);
    const [a, b] = multi(r).tenants;
    const ro = (t: TenantReport | undefined) => t?.findings.find((f) => f.ruleId === 'tenant-legacy-ro-grant');
    expect(ro(a)).toBeDefined();
    expect(ro(a)?.suppression).toBeUndefined();
    expect(ro(b)?.suppression?.entry).toBe('.auth0-scan-ignore.yaml:2');
    expect(r.stderr).not.toContain('matched no finding');
  });

  it('diff compares two multi-tenant reports, and one tenant alone against them', async () => {
    const dir = workDir();
    const [all, one] = await Promise.all([
      scan(['--format', 'json', '--fail-on', 'never', '-o', 'all.json'], SECRETS, dir),
      scan(['--format', 'json', '--fail-on', 'never', '--tenant', 'alpha', '-o', 'alpha.json'], SECRETS, dir),
    ]);
    for (const r of [all, one]) expect(r.code, describeRun(r)).toBe(0);
    const same = await runCli(['diff', 'all.json', 'all.json', '--fail-on-new', 'info'], { cwd: dir });
    expect(same.code, describeRun(same)).toBe(0);
    expect(same.stdout).toContain('No differences in findings.');
    const saved = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as MultiReport;
    const betaCount = saved.tenants.find((t) => t.tenant.domain === BETA)?.findings.length ?? 0;
    expect(betaCount).toBeGreaterThan(0);
    // alpha.json did not read beta: beta's findings are not re-checked, never "fixed".
    const narrowed = await runCli(['diff', 'all.json', 'alpha.json', '--format', 'json'], { cwd: dir });
    expect(narrowed.code, describeRun(narrowed)).toBe(0);
    const d = JSON.parse(narrowed.stdout) as { fixed: unknown[]; added: unknown[]; notRechecked: { tenant: string }[] };
    expect(d.fixed).toEqual([]);
    expect(d.added).toEqual([]);
    expect(d.notRechecked).toHaveLength(betaCount);
    expect(new Set(d.notRechecked.map((f) => f.tenant))).toEqual(new Set([BETA]));
  });

  it('refuses to start when a secret variable is unset, naming it (exit 2)', async () => {
    const before = alpha.stats().requests + beta.stats().requests;
    const r = await scan(['--format', 'json'], { AUTH0_ALPHA_SECRET: ALPHA_SECRET });
    const line = expectOneLineError(r, 2, ['BETA_SECRET', 'auth0-scan.config.yaml:12', 'beta']);
    expect(line).not.toContain(ALPHA_SECRET);
    // Checked before any request: the other tenant was not scanned either.
    expect(alpha.stats().requests + beta.stats().requests).toBe(before);
  });

  it('reports the other tenant when one cannot authenticate, and exits 3', async () => {
    const wrong = 'E2E-WRONG-SECRET-9f0a1b';
    const r = await scan(['--format', 'json', '--fail-on', 'never'], { AUTH0_ALPHA_SECRET: ALPHA_SECRET, AUTH0_BETA_SECRET: wrong });
    expect(r.code, describeRun(r)).toBe(3);
    expect(r.stderr).not.toContain(STACK_FRAME);
    const doc = multi(r);
    expect(doc.tenants.map((t) => t.tenant.domain)).toEqual([ALPHA]);
    expect(doc.tenants[0]?.findings.length).toBeGreaterThan(0);
    expect(doc.failed).toEqual([{ tenant: { domain: BETA, name: 'beta' }, code: 'AUTH', message: expect.any(String) as string }]);
    expect(r.stderr).toMatch(new RegExp(`auth0-scan: beta \\(${BETA.replace(/\./g, '\\.')}\\): `));
    expect(r.stdout + r.stderr).not.toContain(wrong);
    expectNoSecrets(r);
  });
});
