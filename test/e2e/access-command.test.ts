import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessSchemaErrors } from './report-schemas.js';
import { describeRun, REPO_ROOT, runCli, type CliResult } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

interface AccessDoc {
  principals: { id: string; name?: string; takeover: boolean; capabilities: string[]; paths: { via: string; organizationId?: string }[]; traits: Record<string, unknown> }[];
  gaps: { kind: string; status: string }[];
  unclassifiedScopes: unknown[];
}

const demo = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/demo-tenant.json'), 'utf8')) as { m2m: { client_secret: string }[] };
const DEMO_SECRET = demo.m2m[0]?.client_secret ?? 'missing';

let dir: string;
let json: CliResult;
let doc: AccessDoc;

beforeAll(async () => {
  dir = makeTempDir('access-e2e');
  json = await runCli(['access', '--demo', '--format', 'json', '--quiet'], { cwd: dir });
  doc = JSON.parse(json.stdout) as AccessDoc;
});
afterAll(() => removeTempDir(dir));

const ids = (d: AccessDoc, takeover?: boolean) => d.principals.filter((p) => takeover === undefined || p.takeover === takeover).map((p) => p.name ?? p.id);

describe('auth0-scan access --demo', () => {
  it('prints a schema-valid JSON document and exits 0', () => {
    expect(json.code, describeRun(json)).toBe(0);
    expect(accessSchemaErrors(doc)).toEqual([]);
    expect(doc.gaps).toEqual([]);
    expect(doc.unclassifiedScopes).toEqual([]);
  });

  it('lists every planted takeover principal, and none of the look-alikes', () => {
    const takeover = ids(doc, true);
    for (const name of ['Legacy Deploy Script', 'CareLink Partner Integration', 'Terraform CI', 'Assign clinic role on signup', 'Sync roles to CRM (legacy)', 'add-patient-to-default-org']) {
      expect(takeover).toContain(name);
    }
    const all = ids(doc);
    for (const lookAlike of ['Sync patient to CRM', 'Send SMS via Twilio', 'Add email to access token']) expect(all).not.toContain(lookAlike);
    expect(ids(doc, true)).not.toContain('auth0-scan (read-only)');
  });

  it('finds users through tenant roles and through organization roles', () => {
    const users = doc.principals.filter((p) => p.id.startsWith('user:') && p.takeover);
    expect(users.some((u) => u.paths.some((x) => x.via === 'role'))).toBe(true);
    expect(users.some((u) => u.paths.some((x) => x.via === 'organization_role' && x.organizationId !== undefined))).toBe(true);
    expect(users.some((u) => u.traits['mfaEnrolled'] === false)).toBe(true);
    expect(users.some((u) => u.traits['mfaEnrolled'] === true)).toBe(true);
  });

  it('never prints a secret value', () => {
    expect(json.stdout).not.toContain(DEMO_SECRET);
    expect(json.stdout).not.toMatch(/DEMO-SECRET/);
  });

  it('answers "who can take over" first in the table', async () => {
    const r = await runCli(['access', '--demo', '--no-color'], { cwd: dir, env: { COLUMNS: '100' } });
    expect(r.code, describeRun(r)).toBe(0);
    const first = r.stdout.split('\n')[0] ?? '';
    expect(first).toMatch(/^Who can take over northwind-demo\.eu\.auth0\.com: \d+ principals/);
    expect(r.stdout).toContain('Tenant takeover ·');
    expect(r.stdout).toContain('via client grant');
    expect(r.stdout).toContain('no MFA');
  });

  it('filters by capability and by principal', async () => {
    const takeover = await runCli(['access', '--demo', '--format', 'json', '--capability', 'tenant_takeover', '--quiet'], { cwd: dir });
    const t = JSON.parse(takeover.stdout) as AccessDoc;
    expect(t.principals.length).toBeGreaterThan(0);
    expect(t.principals.every((p) => p.capabilities.includes('tenant_takeover'))).toBe(true);
    expect(t.principals.length).toBe(doc.principals.filter((p) => p.takeover).length);
    const one = doc.principals[0]?.id ?? '';
    const only = await runCli(['access', '--demo', '--format', 'json', '--principal', one, '--quiet'], { cwd: dir });
    expect((JSON.parse(only.stdout) as AccessDoc).principals.map((p) => p.id)).toEqual([one]);
  });

  it('refuses an unknown capability with a suggestion (exit 2)', async () => {
    const r = await runCli(['access', '--demo', '--capability', 'tenant_takeovr'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean tenant_takeover?');
  });

  it('writes graphs named by the -o ending', async () => {
    const dot = await runCli(['access', '--demo', '-o', 'access.dot', '--quiet'], { cwd: dir });
    expect(dot.code, describeRun(dot)).toBe(0);
    expect(readFileSync(join(dir, 'access.dot'), 'utf8')).toMatch(/^digraph /m);
    const mmd = await runCli(['access', '--demo', '-o', 'access.mmd', '--quiet'], { cwd: dir });
    expect(mmd.code, describeRun(mmd)).toBe(0);
    expect(readFileSync(join(dir, 'access.mmd'), 'utf8')).toMatch(/^flowchart LR/);
    const sarif = await runCli(['access', '--demo', '-o', 'access.sarif'], { cwd: dir });
    expect(sarif.code).toBe(2);
  });

  it('reads a saved snapshot the same way as the live demo', async () => {
    const collected = await runCli(['collect', '--demo', '-o', 'demo.ndjson', '--quiet'], { cwd: dir });
    expect(collected.code, describeRun(collected)).toBe(0);
    const fromFile = await runCli(['access', '--snapshot', 'demo.ndjson', '--format', 'json', '--quiet'], { cwd: dir });
    expect(fromFile.code, describeRun(fromFile)).toBe(0);
    expect((JSON.parse(fromFile.stdout) as AccessDoc).principals).toEqual(doc.principals);
  });

  it('says the model is a lower bound, exit 3, when a kind it needs is not in the snapshot', async () => {
    const partial = await runCli(['collect', '--demo', '--only', 'tenant-*', '-o', 'partial.ndjson', '--quiet'], { cwd: dir });
    expect(partial.code, describeRun(partial)).toBe(0);
    const r = await runCli(['access', '--snapshot', 'partial.ndjson', '--format', 'json'], { cwd: dir });
    expect(r.code, describeRun(r)).toBe(3);
    expect(r.stderr).toContain('access model incomplete: client_grants not collected');
    expect((JSON.parse(r.stdout) as AccessDoc).gaps.map((g) => g.kind)).toContain('client_grants');
    const accepted = await runCli(['access', '--snapshot', 'partial.ndjson', '--format', 'json', '--allow-partial', '--quiet'], { cwd: dir });
    expect(accepted.code).toBe(0);
  });
});
