import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkXml } from '../check-xml.js';
import { expectOneLineError, STACK_FRAME } from './expect-cli.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

interface Finding {
  ruleId: string;
  severity: string;
  fingerprint: string;
  resource: { type: string; id: string; name?: string };
}
interface Report {
  summary: { total: number; bySeverity: Record<string, number>; rulesEvaluated: number; gate: { passed: boolean } };
  findings: Finding[];
  notJudged?: { ruleId: string; withheld?: true }[];
}

const SECRET_MARK = 'DEMO-SECRET-';
const AT_LEAST_HIGH = new Set(['critical', 'high']);

let dir: string;
let oldReport: Report;
let newReport: Report;
/** stdout of `scan --demo --format <format>`; the markdown run also wrote new.json, r.xml and r.csv. */
const out = { markdown: '', junit: '', csv: '' };

const cli = (args: readonly string[]) => runCli(args, { cwd: dir, timeoutMs: 50_000 });
const file = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(file(name), 'utf8');

function scanned(r: CliResult): string {
  // Exit 1: the demo tenant fails the default gate, which is the point of it.
  expect(r.code, describeRun(r)).toBe(1);
  return r.stdout;
}

// Each `--demo` run serves its own mock tenant; two at a time keeps a busy CI machine from timing out.
beforeAll(async () => {
  dir = makeTempDir('diff');
  const [junit, markdown] = await Promise.all([
    cli(['scan', '--demo', '--only', 'client-*', '--format', 'junit', '--json-output', 'old.json']),
    cli(['scan', '--demo', '--only', 'client-*,grant-*', '--format', 'markdown', '--json-output', 'new.json', '--junit-output', 'r.xml', '--csv-output', 'r.csv']),
  ]);
  const [csv, collected] = await Promise.all([
    cli(['scan', '--demo', '--only', 'client-*,grant-*', '--format', 'csv']),
    cli(['collect', '--demo', '-o', 'a.ndjson']),
  ]);
  out.junit = scanned(junit);
  out.markdown = scanned(markdown);
  out.csv = scanned(csv);
  expect(collected.code, describeRun(collected)).toBe(0);
  oldReport = JSON.parse(read('old.json')) as Report;
  newReport = JSON.parse(read('new.json')) as Report;
}, 120_000);

afterAll(() => {
  removeTempDir(dir);
});

describe('diff of two reports', { timeout: 30_000 }, () => {
  it('lists the findings only NEW has and fails --fail-on-new high on them (exit 1)', async () => {
    const before = new Set(oldReport.findings.map((f) => f.fingerprint));
    const added = newReport.findings.filter((f) => !before.has(f.fingerprint));
    const failing = added.filter((f) => AT_LEAST_HIGH.has(f.severity));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((f) => f.ruleId.startsWith('grant-'))).toBe(true);
    expect(failing.length).toBeGreaterThan(0);

    const r = await cli(['diff', 'old.json', 'new.json', '--fail-on-new', 'high']);
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`New findings (${added.length})`);
    expect(r.stdout).not.toContain('Fixed findings');
    const last = r.stdout.trimEnd().split('\n').at(-1);
    expect(last).toMatch(new RegExp(`^${added.length} new \\(.+\\), 0 fixed, 0 changed, ${oldReport.findings.length} unchanged · fail-on-new high: FAILED \\(${failing.length} new at or above high\\)$`));
  });

  it('passes the other way round (only fixed findings) and agrees in JSON', async () => {
    const back = await cli(['diff', 'new.json', 'old.json', '--fail-on-new', 'high', '--format', 'json']);
    expect(back.code, describeRun(back)).toBe(0);
    const diff = JSON.parse(back.stdout) as { type: string; added: unknown[]; fixed: Finding[]; unchanged: number; gate: { passed: boolean; failing: number } };
    expect(diff.type).toBe('report-diff');
    expect(diff.added).toEqual([]);
    expect(diff.fixed.length).toBe(newReport.findings.length - oldReport.findings.length);
    expect(diff.unchanged).toBe(oldReport.findings.length);
    expect(diff.gate).toEqual({ failOnNew: 'high', passed: true, failing: 0 });
  });

  it('exits 0 without --fail-on-new and renders Markdown', async () => {
    const r = await cli(['diff', 'old.json', 'new.json', '--format', 'markdown']);
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toMatch(/^## auth0-scan diff: northwind-demo\.eu\.auth0\.com\n/);
    expect(r.stdout).toContain('### New findings (');
  });
});

describe('diff of two snapshots', { timeout: 30_000 }, () => {
  it('shows the field that changed in an edited line, and users by count and id', async () => {
    const lines = read('a.ndjson').split('\n');
    const at = lines.findIndex((l) => l.includes('"kind":"clients"') && l.includes('"name":"Patient Portal"'));
    expect(at).toBeGreaterThan(0);
    const record = JSON.parse(lines[at] ?? '') as { data: { client_id: string; grant_types: string[] } };
    record.data.grant_types = [...record.data.grant_types, 'implicit'];
    lines[at] = JSON.stringify(record);
    const firstUser = lines.findIndex((l) => l.includes('"kind":"users"'));
    const removedUser = (JSON.parse(lines[firstUser] ?? '') as { data: { user_id: string } }).data.user_id;
    lines.splice(firstUser, 1);
    // Keep the file's own account in step with the edit (a count that disagrees is a damaged snapshot).
    const endAt = lines.findIndex((l) => l.startsWith('{"end":true'));
    const end = JSON.parse(lines[endAt] ?? '') as { coverage: { users: { count: number } } };
    end.coverage.users.count -= 1;
    lines[endAt] = JSON.stringify(end);
    writeFileSync(file('b.ndjson'), lines.join('\n'));

    const r = await cli(['diff', 'a.ndjson', 'b.ndjson']);
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout).toContain(`~ clients/Patient Portal (${record.data.client_id})\n    grant_types: +"implicit"\n`);
    expect(r.stdout).toContain(`users: 60 → 59 (+0, −1; compared by id only)\n  removed: ${removedUser}`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 resource changed, 0 added, 0 removed · users 60 → 59 (+0, −1)');

    const json = await cli(['diff', 'a.ndjson', 'b.ndjson', '--format', 'json']);
    const diff = JSON.parse(json.stdout) as { type: string; changed: { kind: string; fields: { path: string; addedItems: string[] }[] }[] };
    expect(diff.type).toBe('snapshot-diff');
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.fields).toEqual([expect.objectContaining({ path: 'grant_types', addedItems: ['implicit'] })]);
  });

  it('reports no change between a snapshot and itself, and never prints secret-like values that changed', async () => {
    const same = await cli(['diff', 'a.ndjson', 'a.ndjson', '--format', 'markdown']);
    expect(same.code, describeRun(same)).toBe(0);
    expect(same.stdout).toContain('No configuration changes.');

    const lines = read('a.ndjson').split('\n');
    const at = lines.findIndex((l) => l.includes('"kind":"actions"') && l.includes('"code":'));
    const action = JSON.parse(lines[at] ?? '') as { data: { id: string; code: string; secrets?: unknown } };
    action.data.code += `\nconst token = "${SECRET_MARK}edited-in-code";`;
    action.data.secrets = [{ name: 'API_KEY', value: `${SECRET_MARK}action-secret` }];
    lines[at] = JSON.stringify(action);
    writeFileSync(file('c.ndjson'), lines.join('\n'));
    for (const format of ['table', 'json', 'markdown']) {
      const r = await cli(['diff', 'a.ndjson', 'c.ndjson', '--format', format]);
      expect(r.code, describeRun(r)).toBe(0);
      expect(r.stdout).toContain(action.data.id);
      expect(r.stdout).not.toContain(SECRET_MARK);
    }
    const table = await cli(['diff', 'a.ndjson', 'c.ndjson']);
    expect(table.stdout).toMatch(/ {4}code: changed \(value hidden\)\n/);
    // The access model reads an action's secret names (never values): the change is named, its value hidden.
    expect(table.stdout).toMatch(/ {4}secrets: changed \(value hidden\)\n/);
  });

  it('rejects --fail-on-new, a report against a snapshot, and unreadable input with one line (exit 2)', async () => {
    const [gate, mixed, missing, garbage] = await Promise.all([
      cli(['diff', 'a.ndjson', 'a.ndjson', '--fail-on-new', 'high']),
      cli(['diff', 'old.json', 'a.ndjson']),
      cli(['diff', 'nope.json', 'old.json']),
      (writeFileSync(file('garbage.txt'), 'not json at all\n'), cli(['diff', 'garbage.txt', 'old.json'])),
    ]);
    expectOneLineError(gate, 2, ['--fail-on-new']);
    expectOneLineError(mixed, 2, ['cannot compare a report (old.json) with a snapshot (a.ndjson)']);
    expectOneLineError(missing, 2, ['nope.json', 'ENOENT']);
    expectOneLineError(garbage, 2, ['garbage.txt', 'neither an auth0-scan JSON report nor a snapshot']);
  });
});

describe('scan --demo in markdown, junit and csv', () => {
  it('writes every format from the same run, none with a secret or a stack trace', () => {
    for (const text of [out.markdown, out.junit, out.csv, read('r.xml'), read('r.csv')]) {
      expect(text.length).toBeGreaterThan(100);
      expect(text).not.toContain(SECRET_MARK);
      expect(text).not.toContain(STACK_FRAME);
    }
  });

  it('markdown: gate, a severity table that matches the JSON counts, one row per finding', () => {
    const r = newReport;
    const md = out.markdown;
    expect(md).toMatch(/^## auth0-scan: northwind-demo\.eu\.auth0\.com \(demo\)\n\n\*\*Gate: ❌ failed\*\* \(fail-on `high`\)/);
    for (const [sev, n] of Object.entries(r.summary.bySeverity)) expect(md).toContain(`| ${sev[0]?.toUpperCase()}${sev.slice(1)} | ${n} |`);
    expect(md).toContain(`| **Total** | **${r.summary.total}** |`);
    const findingRows = md.split('### Not judged')[0] ?? md;
    expect(findingRows.split('\n').filter((l) => /^\| `[a-z0-9-]+` \| /.test(l))).toHaveLength(r.findings.length);
  });

  it('junit: well-formed, one suite per evaluated rule (and a skipped one per rule an optional scope withheld), failures = findings, on stdout and in --junit-output', () => {
    for (const [xml, r] of [[out.junit, oldReport], [read('r.xml'), newReport]] as const) {
      const names = checkXml(xml);
      const withheld = (r.notJudged ?? []).filter((n) => n.withheld === true).length;
      expect(names.filter((n) => n === 'testsuite')).toHaveLength(r.summary.rulesEvaluated + withheld);
      expect(names.filter((n) => n === 'failure')).toHaveLength(r.findings.length);
      expect(xml).toMatch(new RegExp(`<testsuites name="auth0-scan northwind-demo\\.eu\\.auth0\\.com" tests="\\d+" failures="${r.findings.length}" errors="0"[ >]`));
      const tests = Number(/<testsuites [^>]*tests="(\d+)"/.exec(xml)?.[1]);
      expect(tests).toBe(names.filter((n) => n === 'testcase').length);
    }
  });

  it('csv: a header and one CRLF row per finding, fingerprints as in the JSON', () => {
    for (const csv of [read('r.csv'), out.csv]) {
      const lines = csv.split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines[0]).toBe('severity,ruleId,resourceType,resourceId,resourceName,message,fingerprint,count');
      expect(lines.length - 2).toBe(newReport.findings.length);
    }
    const fingerprints = read('r.csv').split('\r\n').slice(1, -1).map((l) => /,([0-9a-f]{32}),\d*$/.exec(l)?.[1]);
    expect(fingerprints).toEqual(newReport.findings.map((f) => f.fingerprint));
  });
});
