import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchemaErrors, sarifSchemaErrors } from './report-schemas.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

// A demo scan takes about a second; the bound only has to hold on a busy CI machine.
const CLI_TIMEOUT_MS = 60_000;

// Two tenant rules of the demo: one high finding (the only one at or above the default fail-on) and one low.
const ONLY = ['--only', 'tenant-legacy-ro-grant,tenant-session-lifetime-long'];
const HIGH_RULE = 'tenant-legacy-ro-grant';

interface Finding {
  ruleId: string;
  severity: string;
  suppression?: { reason: string; expires: string; entry: string };
}
interface EntryRef {
  entry: string;
  rule: string;
  expires: string;
}
interface Report {
  summary: { total: number; suppressed?: number; bySeverity: Record<string, number>; gate: { passed: boolean } };
  findings: Finding[];
  suppressions?: { sources: string[]; entries: number; expired: EntryRef[]; unused: EntryRef[] };
}
interface Sarif {
  runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[];
}

// The demo's scan time is its recording time, 2026-11-20T09:00:00Z: 2026-11-20 is the last day an entry applies.
const entry = (rule: string, resource: string, expires: string, reason = 'legacy clients migrate in Q1') =>
  `  - rule: ${rule}\n    resource: ${JSON.stringify(resource)}\n    reason: ${reason}\n    expires: ${expires}\n`;
const FILES: Record<string, string> = {
  '.auth0-scan-ignore.yaml': `suppressions:\n${entry(HIGH_RULE, 'tenant', '2026-11-20')}`,
  'expired.yaml': `suppressions:\n${entry(HIGH_RULE, 'tenant', '2026-11-19')}`,
  // "/tenan/" would match "tenant" as a substring; it must not.
  'unused.yaml': `suppressions:\n${entry('tenant-legacy-*', '/tenant/', '2099-12-31')}${entry(HIGH_RULE, '/tenan/', '2099-12-31')}`,
  'bad.yaml': `suppressions:\n  - rule: ${HIGH_RULE}\n    resource: tenant\n    expires: 2099-12-31\n`,
};

let root: string;
let cwd: string;
let configDir: string;
beforeAll(() => {
  root = makeTempDir('gate-suppressions');
  cwd = join(root, 'work');
  configDir = join(root, 'config');
  mkdirSync(cwd);
  mkdirSync(configDir);
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(cwd, name), text);
  writeFileSync(join(configDir, 'auth0-scan.config.yaml'), `failOn: high\nsuppressions:\n${entry('tenant-legacy-*', '/ten.nt/', '2099-12-31')}`);
});
afterAll(() => {
  removeTempDir(root);
});

const scan = (args: readonly string[], dir = cwd): Promise<CliResult> => runCli(['scan', '--demo', ...ONLY, ...args], { cwd: dir, timeoutMs: CLI_TIMEOUT_MS });
const json = (r: CliResult): Report => JSON.parse(r.stdout) as Report;
const expectValid = (r: CliResult) => expect(reportSchemaErrors(JSON.parse(r.stdout))).toEqual([]);

describe.concurrent('scan --demo with suppressions', { timeout: 90_000 }, () => {
  it('--no-ignores applies nothing: the high finding fails the gate (exit 1)', async () => {
    const r = await scan(['--no-ignores', '--format', 'json']);
    expect(r.code, describeRun(r)).toBe(1);
    const report = json(r);
    expect(report.summary.gate.passed).toBe(false);
    expect(report.summary.bySeverity['high']).toBe(1);
    expect(report.findings.some((f) => f.suppression !== undefined)).toBe(false);
    expect(report).not.toHaveProperty('suppressions');
    expect(r.stderr).not.toContain('warning');
    expectValid(r);
  });

  it('.auth0-scan-ignore.yaml suppresses the only high finding on its last day: the gate passes (exit 0)', async () => {
    const r = await scan(['--format', 'json', '--sarif-output', 'suppressed.sarif']);
    expect(r.code, describeRun(r)).toBe(0);
    const report = json(r);
    expect(report.summary.gate.passed).toBe(true);
    expect(report.summary.total).toBe(1);
    expect(report.summary.suppressed).toBe(1);
    expect(report.summary.bySeverity['high']).toBe(0);
    const high = report.findings.find((f) => f.ruleId === HIGH_RULE);
    expect(high?.suppression).toEqual({ reason: 'legacy clients migrate in Q1', expires: '2026-11-20', entry: '.auth0-scan-ignore.yaml:2' });
    expect(report.suppressions).toEqual({ sources: ['.auth0-scan-ignore.yaml'], entries: 1, expired: [], unused: [] });
    expect(r.stderr).not.toContain('warning');
    expectValid(r);
    const sarif = JSON.parse(readFileSync(join(cwd, 'suppressed.sarif'), 'utf8')) as Sarif;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const results = sarif.runs[0]?.results ?? [];
    expect(results.find((x) => x.ruleId === HIGH_RULE)?.suppressions).toEqual([
      { kind: 'external', justification: 'legacy clients migrate in Q1 (until 2026-11-20; .auth0-scan-ignore.yaml:2)' },
    ]);
    expect(results.find((x) => x.ruleId !== HIGH_RULE)?.suppressions).toBeUndefined();
  });

  it('an expired entry suppresses nothing, says so on stderr and in the report (exit 1)', async () => {
    const r = await scan(['--ignore-file', 'expired.yaml', '--format', 'json']);
    expect(r.code, describeRun(r)).toBe(1);
    const report = json(r);
    expect(report.findings.some((f) => f.suppression !== undefined)).toBe(false);
    expect(report.summary.suppressed).toBe(0);
    expect(report.suppressions?.expired.map((e) => [e.entry, e.expires])).toEqual([['expired.yaml:2', '2026-11-19']]);
    expect(r.stderr).toContain(`auth0-scan: warning: suppression expired.yaml:2 (rule ${HIGH_RULE}, resource tenant) expired (expires 2026-11-19)`);
    expectValid(r);
  });

  it('an unused entry is a warning, and the table counts what was suppressed; a regex never matches a substring', async () => {
    const r = await scan(['--ignore-file', 'unused.yaml', '--no-color']);
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toContain('Suppressions: 1 finding suppressed (not listed, not gated) · entries 1 unused');
    expect(r.stdout).not.toMatch(new RegExp(`│ ${HIGH_RULE}`));
    expect(r.stdout).toContain('│ tenant-session-lifetime-');
    expect(r.stderr.trim().split('\n')).toEqual([
      `auth0-scan: warning: suppression unused.yaml:6 (rule ${HIGH_RULE}, resource /tenan/) matched no finding`,
    ]);
  });

  it('--strict-suppressions turns an unused entry into exit 2, after writing the report', async () => {
    const r = await scan(['--ignore-file', 'unused.yaml', '--strict-suppressions', '--format', 'json', '--quiet']);
    expect(r.code, describeRun(r)).toBe(2);
    expect(json(r).suppressions?.unused.map((e) => e.entry)).toEqual(['unused.yaml:6']);
    expect(r.stderr.trim()).toBe('auth0-scan: --strict-suppressions: 1 suppression entry is expired or unused (unused.yaml:6)');
  });

  it('an invalid suppressions file is a one-line error naming file:line and field (exit 2, nothing scanned)', async () => {
    const r = await scan(['--ignore-file', 'bad.yaml', '--format', 'json']);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(/^auth0-scan: bad\.yaml:2: suppressions\[0\]\.reason: .+$/);
  });

  it("reads the config file's suppressions section", async () => {
    const r = await scan(['--format', 'json'], configDir);
    expect(r.code, describeRun(r)).toBe(0);
    const report = json(r);
    expect(report.findings.find((f) => f.ruleId === HIGH_RULE)?.suppression?.entry).toBe('auth0-scan.config.yaml:3');
    expect(report.suppressions?.sources).toEqual(['auth0-scan.config.yaml']);
    expectValid(r);
  });
});
