import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSI, STACK_FRAME } from './expect-cli.js';
import { reportSchemaErrors, sarifSchemaErrors } from './report-schemas.js';
import { describeRun, REPO_ROOT, runCli, type CliResult } from './run-cli.js';
import { listFiles, makeTempDir, removeTempDir } from './temp-dir.js';

interface JsonReport {
  tenant: { domain: string };
  summary: { total: number; bySeverity: Record<string, number>; rulesEvaluated: number; rulesSkipped: number; gate: { failOn: string; passed: boolean } };
  findings: { ruleId: string; resource: { id: string } }[];
  skipped: unknown[];
  collection: { source: string };
}
interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; properties: { 'security-severity': unknown } }[] } };
    results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  }[];
}

const packageVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const SUMMARY_LINE = /^auth0-scan: Score \d+\/100 · (\d+) findings? \(.+\) · (\d+) rules evaluated, 0 skipped · gate: FAILED \(fail-on high\)$/;

/** The table's summary: its last paragraph, wrapped at its ` · ` parts, as one line. */
function summaryOf(table: string): string {
  return (table.trimEnd().split('\n\n').at(-1) ?? '').split('\n').join(' ');
}

let root: string;
beforeAll(() => {
  root = makeTempDir('demo');
});
afterAll(() => {
  removeTempDir(root);
});

/** Each run gets its own directory, so a test can list exactly what that run wrote. */
let runs = 0;
async function demo(args: readonly string[], env: Record<string, string> = {}): Promise<{ r: CliResult; cwd: string }> {
  const cwd = join(root, `run-${++runs}`);
  mkdirSync(cwd);
  return { r: await runCli(['scan', '--demo', ...args], { cwd, env }), cwd };
}

function stderrLines(r: CliResult): string[] {
  return r.stderr.split('\n').filter((l) => l !== '');
}

describe.concurrent('scan --demo', { timeout: 60_000 }, () => {
  it('prints the table and its summary on stdout, nothing on stderr, and fails the default gate (exit 1)', async () => {
    const { r } = await demo([]);
    expect(r.code, describeRun(r)).toBe(1);
    // Not a TTY: no progress line, and the summary belongs to the table on stdout.
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain(`auth0-scan ${packageVersion} · northwind-demo.eu.auth0.com (demo)`);
    expect(r.stdout).toContain('client-implicit-grant');
    expect(r.stdout).toContain('Patient Portal');
    const sections = [...r.stdout.matchAll(/^(CRITICAL|HIGH|MEDIUM|LOW|INFO) · (\d+) findings?$/gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(sections.map(([sev]) => sev)).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']);
    const lastLine = summaryOf(r.stdout);
    const m = /^Score \d+\/100 · (\d+) findings \((\d+) critical, (\d+) high, (\d+) medium, (\d+) low, (\d+) info\) · (\d+) rules evaluated, 0 skipped · gate: FAILED \(fail-on high\)$/.exec(lastLine);
    expect(m, lastLine).not.toBeNull();
    const [total, ...bySeverity] = (m ?? []).slice(1, 7).map(Number);
    expect(sections.map(([, n]) => n)).toEqual(bySeverity);
    expect(bySeverity.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Number(m?.[7])).toBe(203);
  });

  it('--fail-on never passes the gate (exit 0); --no-color wins over FORCE_COLOR', async () => {
    const { r } = await demo(['--fail-on', 'never', '--no-color'], { FORCE_COLOR: '1' });
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('CRITICAL · ');
    expect(r.stdout).not.toMatch(ANSI);
    expect(summaryOf(r.stdout)).toMatch(/^Score \d+\/100 · \d+ findings \(\d+ critical, .*\) · 203 rules evaluated, 0 skipped · gate: (off|passed \(fail-on never\))$/);
  });

  it('--format json prints a schema-valid report on stdout and the one-line summary on stderr', async () => {
    const { r } = await demo(['--format', 'json']);
    expect(r.code, describeRun(r)).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.tenant.domain).toBe('northwind-demo.eu.auth0.com');
    expect(report.collection.source).toBe('demo');
    expect(report.skipped).toEqual([]);
    expect(report.summary.gate).toEqual({ failOn: 'high', passed: false });
    expect(report.summary.total).toBe(report.findings.length);
    expect(report.summary.bySeverity['critical']).toBeGreaterThan(0);
    const lines = stderrLines(r);
    expect(lines).toHaveLength(1);
    const m = SUMMARY_LINE.exec(lines[0] ?? '');
    expect(m, lines[0]).not.toBeNull();
    expect(Number(m?.[1])).toBe(report.findings.length);
    expect(Number(m?.[2])).toBe(report.summary.rulesEvaluated);
  });

  it('--format sarif prints a SARIF 2.1.0 log that validates against the official schema; --quiet silences stderr', async () => {
    const { r } = await demo(['--format', 'sarif', '--quiet']);
    expect(r.code, describeRun(r)).toBe(1);
    const sarif = JSON.parse(r.stdout) as SarifLog;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const run = sarif.runs[0];
    expect(run?.results.length).toBeGreaterThan(0);
    const ruleIds = new Set(run?.tool.driver.rules.map((x) => x.id));
    for (const res of run?.results ?? []) {
      expect(ruleIds.has(res.ruleId), res.ruleId).toBe(true);
      expect(res.locations[0]?.physicalLocation.artifactLocation.uri).toMatch(/^auth0\/northwind-demo\.eu\.auth0\.com\/[a-z_]+\/.+\.json$/);
    }
    for (const rule of run?.tool.driver.rules ?? []) expect(typeof rule.properties['security-severity']).toBe('string');
    // Without --quiet a SARIF run prints the summary line on stderr (see the JSON case); with it, nothing.
    expect(r.stderr).toBe('');
  });

  it('-o, --json-output and --sarif-output write plain files atomically and leave stdout empty', async () => {
    // FORCE_COLOR must not colour a file: files are for machines and diffs.
    const { r, cwd } = await demo(['-o', 'report.txt', '--json-output', 'report.json', '--sarif-output', 'report.sarif'], { FORCE_COLOR: '1' });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toBe('');
    expect(listFiles(cwd)).toEqual(['report.json', 'report.sarif', 'report.txt']);
    const table = readFileSync(join(cwd, 'report.txt'), 'utf8');
    expect(table).not.toMatch(ANSI);
    expect(table).toMatch(/gate: FAILED \(fail-on high\)\n?$/);
    const report = JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')) as JsonReport;
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(sarifSchemaErrors(JSON.parse(readFileSync(join(cwd, 'report.sarif'), 'utf8')))).toEqual([]);
    expect(table).toContain(`${report.summary.total} findings`);
    const lines = stderrLines(r);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(SUMMARY_LINE);
    expect(lines[0]).toContain(` · ${report.summary.total} findings`);
  });


  // FORCE_COLOR is set in the colour-off cases, so they fail if the opt-out is ignored (a pipe alone is no proof).
  it('NO_COLOR turns colours off even when FORCE_COLOR asks for them', async () => {
    const { r } = await demo([], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toContain('CRITICAL · ');
    expect(r.stdout).not.toMatch(ANSI);
  });


  it('FORCE_COLOR=1 colours the table even on a pipe', async () => {
    const { r } = await demo([], { FORCE_COLOR: '1' });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stdout).toMatch(ANSI);
    expect(r.stderr).not.toContain(STACK_FRAME);
    const plain = r.stdout.replace(new RegExp(ANSI.source, 'g'), '');
    expect(summaryOf(plain)).toMatch(/ · 203 rules evaluated, 0 skipped · gate: FAILED \(fail-on high\)$/);
  });
});
