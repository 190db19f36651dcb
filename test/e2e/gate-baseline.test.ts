import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchemaErrors, sarifSchemaErrors } from './report-schemas.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

// A demo scan takes about a second; the bound only has to hold on a busy CI machine.
const CLI_TIMEOUT_MS = 60_000;

const BOTH = ['--only', 'tenant-legacy-ro-grant,tenant-session-lifetime-long'];
const LOW_ONLY = ['--only', 'tenant-session-lifetime-long'];

interface Finding {
  ruleId: string;
  resource: { type: string; id: string };
  fingerprint: string;
  baselineState?: string;
}
interface Report {
  summary: { total: number; gate: { failOn: string; passed: boolean } };
  findings: Finding[];
  baseline?: { path: string; new: number; unchanged: number; fixed: { ruleId: string; resource: { id: string }; fingerprint: string }[] };
}
interface Sarif {
  runs: { results: { ruleId: string; baselineState?: string }[] }[];
}

let cwd: string;
let created: { both: CliResult; low: CliResult };
beforeAll(async () => {
  cwd = makeTempDir('gate-baseline');
  writeFileSync(join(cwd, 'log.sarif'), JSON.stringify({ version: '2.1.0', runs: [] }));
  const [both, low] = await Promise.all([
    runCli(['baseline', 'create', '--demo', ...BOTH, '-o', 'baseline.json'], { cwd, timeoutMs: CLI_TIMEOUT_MS }),
    runCli(['baseline', 'create', '--demo', ...LOW_ONLY, '-o', 'baseline-low.json'], { cwd, timeoutMs: CLI_TIMEOUT_MS }),
  ]);
  created = { both, low };
}, 90_000);
afterAll(() => {
  removeTempDir(cwd);
});

const read = (name: string): Report => JSON.parse(readFileSync(join(cwd, name), 'utf8')) as Report;
const scan = (args: readonly string[]): Promise<CliResult> => runCli(['scan', '--demo', ...BOTH, ...args], { cwd, timeoutMs: CLI_TIMEOUT_MS });

describe.concurrent('baselines', { timeout: 90_000 }, () => {
  it('baseline create writes a valid JSON report of every finding, with the gate off (exit 0)', () => {
    expect(created.both.code, describeRun(created.both)).toBe(0);
    expect(created.both.stdout).toBe('');
    expect(created.both.stderr).toContain('auth0-scan: wrote baseline baseline.json');
    const doc = read('baseline.json');
    expect(reportSchemaErrors(doc)).toEqual([]);
    expect(doc.summary.gate).toEqual({ failOn: 'never', passed: true });
    expect(doc.findings.map((f) => f.ruleId).sort()).toEqual(['tenant-legacy-ro-grant', 'tenant-session-lifetime-long']);
  });

  it('scan --baseline with nothing new passes the gate (exit 0) and says every finding is unchanged', async () => {
    const r = await scan(['--baseline', 'baseline.json', '--format', 'json', '--sarif-output', 'b.sarif']);
    expect(r.code, describeRun(r)).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.summary.gate.passed).toBe(true);
    expect(report.summary.total).toBe(2);
    expect(report.findings.map((f) => f.baselineState)).toEqual(['unchanged', 'unchanged']);
    expect(report.baseline).toEqual({ path: 'baseline.json', new: 0, unchanged: 2, fixed: [] });
    const sarif = JSON.parse(readFileSync(join(cwd, 'b.sarif'), 'utf8')) as Sarif;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]?.results.map((x) => x.baselineState)).toEqual(['unchanged', 'unchanged']);
  });

  it('a finding missing from the baseline is new and fails the gate (exit 1); the table marks it', async () => {
    const [r, details] = await Promise.all([scan(['--baseline', 'baseline-low.json', '--no-color']), scan(['--baseline', 'baseline-low.json', '--no-color', '--details'])]);
    expect(created.low.code, describeRun(created.low)).toBe(0);
    expect(r.code, describeRun(r)).toBe(1);
    expect(details.code, describeRun(details)).toBe(1);
    for (const out of [r.stdout, details.stdout]) {
      expect(out).toContain('Baseline baseline-low.json: 1 new · 1 unchanged · 0 fixed (the gate counts new findings only)');
      expect(out).toContain('gate: FAILED (fail-on high, new findings only)');
    }
    // The grouped table counts the new one under its rule; --details marks the finding itself.
    expect(r.stdout).toMatch(/│ tenant-legacy-ro-grant\s+│\s+1 │[^\n]*\n│[^│]*│ \(1 new\) │/);
    expect(details.stdout).toMatch(/│ tenant-legacy-ro-grant(\s+│[^\n]*\n│)? \(new\)/);
    expect(details.stdout.match(/\(new\)/g)).toHaveLength(1);
  });

  it('lists a baseline finding that is gone as fixed, but not one of a rule that did not run', async () => {
    const doc = read('baseline.json');
    const first = doc.findings[0];
    if (!first) throw new Error('empty baseline');
    const gone = { ...first, resource: { ...first.resource, id: 'gone' }, fingerprint: 'f'.repeat(32) };
    const otherRule = { ...first, ruleId: 'client-implicit-grant', resource: { type: 'clients', id: 'c1' }, fingerprint: 'e'.repeat(32) };
    writeFileSync(join(cwd, 'baseline-fixed.json'), JSON.stringify({ ...doc, findings: [...doc.findings, gone, otherRule] }));
    const r = await scan(['--baseline', 'baseline-fixed.json', '--format', 'json']);
    expect(r.code, describeRun(r)).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.baseline?.fixed).toEqual([{ ruleId: first.ruleId, resource: gone.resource, fingerprint: 'f'.repeat(32) }]);
    expect(reportSchemaErrors(report)).toEqual([]);
  });

  it('baseline create refuses an existing file (exit 2); baseline update replaces it (exit 0)', async () => {
    writeFileSync(join(cwd, 'to-update.json'), '{}');
    const again = await runCli(['baseline', 'create', '--demo', ...BOTH, '-o', 'to-update.json'], { cwd, timeoutMs: CLI_TIMEOUT_MS });
    expect(again.code, describeRun(again)).toBe(2);
    expect(again.stderr.trim()).toBe('auth0-scan: to-update.json: the baseline already exists: use `baseline update` to replace it');
    const update = await runCli(['baseline', 'update', '--demo', ...LOW_ONLY, '-o', 'to-update.json', '--quiet'], { cwd, timeoutMs: CLI_TIMEOUT_MS });
    expect(update.code, describeRun(update)).toBe(0);
    expect(update.stderr).toBe('');
    expect(read('to-update.json').findings.map((f) => f.ruleId)).toEqual(['tenant-session-lifetime-long']);
  });

  it('baseline create refuses a name that says another format (exit 2), and writes nothing', async () => {
    const r = await runCli(['baseline', 'create', '--demo', ...BOTH, '-o', 'base.sarif'], { cwd, timeoutMs: CLI_TIMEOUT_MS });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr.trim()).toBe('auth0-scan: base.sarif: a baseline is a JSON report: give it a .json name (not .sarif)');
    expect(existsSync(join(cwd, 'base.sarif'))).toBe(false);
  });

  it('an invalid baseline is a one-line error before scanning (exit 2)', async () => {
    const r = await scan(['--baseline', 'log.sarif']);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('auth0-scan: log.sarif: this is a SARIF log; --baseline takes a JSON report (scan --format json, or baseline create)');
  });
});
