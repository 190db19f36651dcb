import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchemaErrors } from './report-schemas.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

interface JsonReport {
  findings: { ruleId: string; fingerprint: string; fix?: { request?: unknown }; suppression?: unknown }[];
  groups?: Record<string, string[]>;
}

let root: string;
let runs = 0;
beforeAll(() => {
  root = makeTempDir('review-flags');
});
afterAll(() => {
  removeTempDir(root);
});

// --allow-partial: the demo tenant may lag behind new kinds; these tests are about the reports, not coverage.
async function demo(args: readonly string[], files: Record<string, string> = {}): Promise<{ r: CliResult; cwd: string }> {
  const cwd = join(root, `run-${++runs}`);
  mkdirSync(cwd);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  return { r: await runCli(['scan', '--demo', '--fail-on', 'never', '--allow-partial', '--no-progress', ...args], { cwd }), cwd };
}

describe('scan --format fix-plan', () => {
  it('writes a reviewable plan that agrees with the JSON report of the same run', async () => {
    const { r, cwd } = await demo(['--format', 'fix-plan', '-o', 'fixes.md', '--json-output', 'report.json']);
    expect(r.code, describeRun(r)).toBe(0);
    const plan = readFileSync(join(cwd, 'fixes.md'), 'utf8');
    const report = JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')) as JsonReport;
    expect(plan).toMatch(/^# Fix plan: northwind-demo\.eu\.auth0\.com\n/);
    expect(plan).toContain('**Nothing was sent**');
    const withRequest = report.findings.filter((f) => f.suppression === undefined && f.fix?.request !== undefined);
    expect(withRequest.length).toBeGreaterThan(0);
    expect(plan).toContain(`- With a Management API request: ${withRequest.length}\n`);
    expect(plan.split('\n```http\n').length - 1).toBe(withRequest.length);
    expect(plan).toContain(`- Findings: ${report.findings.filter((f) => f.suppression === undefined).length}\n`);
  });

  it('is also an extra output, and refuses a name of another format', async () => {
    const { r, cwd } = await demo(['--format', 'json', '--fix-plan-output', 'plan.fix-plan.md']);
    expect(r.code, describeRun(r)).toBe(0);
    expect(readFileSync(join(cwd, 'plan.fix-plan.md'), 'utf8')).toContain('# Fix plan:');
    const wrong = await demo(['--format', 'fix-plan', '-o', 'fixes.json']);
    expect(wrong.r.code, describeRun(wrong.r)).toBe(2);
  });
});

describe('scan --group-by control', () => {
  it('JSON gains groups of the chosen framework covering every finding; the table is grouped', async () => {
    const [json, table, bad] = await Promise.all([
      demo(['--group-by', 'control', '--framework', 'cis', '--format', 'json']),
      demo(['--group-by', 'control', '--framework', 'cis', '--no-color']),
      demo(['--group-by', 'rule']),
    ]);
    expect(json.r.code, describeRun(json.r)).toBe(0);
    const report = JSON.parse(json.r.stdout) as JsonReport;
    expect(reportSchemaErrors(report)).toEqual([]);
    const keys = Object.keys(report.groups ?? {});
    expect(keys.length).toBeGreaterThan(1);
    for (const key of keys) expect(key).toMatch(/^(cis:\d+\.\d+|unmapped)$/);
    const grouped = new Set(Object.values(report.groups ?? {}).flat());
    expect(report.findings.filter((f) => !grouped.has(f.fingerprint))).toEqual([]);
    expect(table.r.stdout).toMatch(/^▌ cis:\d+\.\d+ · \d+ findings?$/m);
    expect(bad.r.code).toBe(2);
  });
});

describe('scan --profile', () => {
  const ids = (r: CliResult) => new Set((JSON.parse(r.stdout) as JsonReport).findings.map((f) => f.ruleId));

  it('regulated reports what baseline does not, and the config file overrides the profile', async () => {
    const keepDefault = 'profile: regulated\nrules:\n  tenant-session-cookie-persistent: { params: { allowedModes: [persistent, non-persistent] } }\n';
    const [baseline, regulated, configured, bad] = await Promise.all([
      demo(['--format', 'json']),
      demo(['--profile', 'regulated', '--format', 'json']),
      demo(['--format', 'json'], { 'auth0-scan.config.yaml': keepDefault }),
      demo(['--profile', 'lax']),
    ]);
    for (const { r } of [baseline, regulated, configured]) expect(r.code, describeRun(r)).toBe(0);
    expect(ids(baseline.r).has('tenant-session-cookie-persistent')).toBe(false);
    expect(ids(regulated.r).has('tenant-session-cookie-persistent')).toBe(true);
    expect(ids(regulated.r).has('tenant-idle-session-lifetime-long')).toBe(true);
    expect(ids(configured.r).has('tenant-session-cookie-persistent')).toBe(false);
    expect(ids(configured.r).has('tenant-idle-session-lifetime-long')).toBe(true);
    expect(bad.r.code).toBe(2);
  });
});
