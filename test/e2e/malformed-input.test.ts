import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT_FILE } from './demo-mock.js';
import { expectOneLineError, STACK_FRAME } from './expect-cli.js';
import { describeRun, REPO_ROOT, runCli } from './run-cli.js';
import { dirWithFiles, listFiles, makeTempDir, removeTempDir } from './temp-dir.js';

const DEMO_SNAPSHOT = join(REPO_ROOT, 'examples', 'demo-snapshot.ndjson');
const snapshotText = readFileSync(DEMO_SNAPSHOT, 'utf8');
const snapshotLines = snapshotText.split('\n');

let root: string;
beforeAll(() => {
  root = makeTempDir('malformed');
});
afterAll(() => {
  removeTempDir(root);
});


/**
 * Runs `scan … -o report.json`, expects exit 2 with one `auth0-scan: ` line naming `mentions`, and checks the run
 * created nothing: no report, no temporary file.
 */
async function expectRejected(files: Record<string, string | Buffer>, args: readonly string[], mentions: readonly string[]): Promise<string> {
  const cwd = dirWithFiles(root, files);
  const before = listFiles(cwd);
  const r = await runCli(['scan', ...args, '-o', 'report.json', '--json-output', 'also.json'], { cwd });
  const line = expectOneLineError(r, 2, mentions);
  expect(listFiles(cwd)).toEqual(before);
  return line;
}

const rule = (id: string, condition: string): string =>
  [
    `id: ${id}`,
    'version: 1',
    'title: An e2e test rule',
    'severity: low',
    'category: applications',
    'resource: clients',
    'description: Checks a client field.',
    'rationale: Tests that bad rule files are rejected.',
    'remediation: None.',
    condition,
    'message: Application {{$name}} fails.',
    '',
  ].join('\n');

describe.concurrent('malformed inputs: exit 2, one line naming the file, no stack trace, no output file', { timeout: 60_000 }, () => {
  it('a snapshot cut in the middle of a line names the file and the line', async () => {
    // Past the header, which holds the whole redaction record: a cut inside a resource line.
    const cut = snapshotText.indexOf('\n', snapshotText.indexOf('\n') + 3000) - 40;
    const line = snapshotText.slice(0, cut).split('\n').length;
    expect(line).toBeGreaterThan(1);
    await expectRejected({ 'cut.ndjson': snapshotText.slice(0, cut) }, ['--snapshot', 'cut.ndjson'], [`cut.ndjson:${line}`]);
  });

  it('a gzipped snapshot cut short names the file', async () => {
    const gz = gzipSync(snapshotText);
    await expectRejected({ 'cut.ndjson.gz': gz.subarray(0, Math.floor(gz.length / 2)) }, ['--snapshot', 'cut.ndjson.gz'], ['cut.ndjson.gz']);
  });

  it('a snapshot without its end record is reported as truncated', async () => {
    const kept = snapshotLines.slice(0, 20).join('\n') + '\n';
    const msg = await expectRejected({ 'short.ndjson': kept }, ['--snapshot', 'short.ndjson'], ['short.ndjson:20']);
    expect(msg).toMatch(/end record|truncated/);
  });

  it('a snapshot resource whose id has the wrong type is left out and named; the rest is scanned', async () => {
    const lineNo = snapshotLines.findIndex((l) => l.includes('"client_id":"demo-scanner-client"')) + 1;
    expect(lineNo).toBeGreaterThan(1);
    const broken = snapshotLines.map((l, i) => (i === lineNo - 1 ? l.replace('"client_id":"demo-scanner-client"', '"client_id":42') : l)).join('\n');
    const cwd = dirWithFiles(root, { 'types.ndjson': broken });
    const r = await runCli(['scan', '--snapshot', 'types.ndjson', '--format', 'json'], { cwd });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stderr).not.toContain(STACK_FRAME);
    expect(r.stderr).toMatch(/clients: 1 of \d+ not understood: #\d+ "auth0-scan \(read-only\)" client_id a number \(expected a string\) \(a scanner limitation: please report it\)/);
    const doc = JSON.parse(r.stdout) as { collection: { kinds: Record<string, { status: string; notUnderstoodCount?: number }> } };
    expect(doc.collection.kinds['clients']).toMatchObject({ status: 'partial', notUnderstoodCount: 1 });
  });

  it('a file that is not a snapshot (the mock tenant JSON) is named at line 1', async () => {
    const cwd = dirWithFiles(root, {});
    copyFileSync(DEMO_TENANT_FILE, join(cwd, 'tenant.json'));
    const r = await runCli(['scan', '--snapshot', 'tenant.json', '-o', 'report.json'], { cwd });
    const msg = expectOneLineError(r, 2, ['tenant.json:1']);
    expect(msg).toContain('snapshot');
    expect(listFiles(cwd)).toEqual(['tenant.json']);
  });

  it('a rule file with an invalid regex names the file and line', async () => {
    await expectRejected(
      { 'my-rules/bad-regex.yaml': rule('e2e-bad-regex', "assert: { path: name, matches: '([a-z' }") },
      ['--snapshot', DEMO_SNAPSHOT, '--rules', 'my-rules'],
      ['bad-regex.yaml:10', 'matches'],
    );
  });

  it('a rule file with an unknown operator names the file, line and operator', async () => {
    await expectRejected(
      { 'my-rules/unknown-op.yaml': rule('e2e-unknown-op', 'assert: { path: name, resembles: web }') },
      ['--snapshot', DEMO_SNAPSHOT, '--rules', 'my-rules'],
      ['unknown-op.yaml:10', 'resembles'],
    );
  });

  it('a rule path through __proto__ is refused at load time', async () => {
    await expectRejected(
      { 'my-rules/proto.yaml': rule('e2e-proto', 'assert: { path: __proto__.polluted, equals: true }') },
      ['--snapshot', DEMO_SNAPSHOT, '--rules', 'my-rules'],
      ['proto.yaml:10', '__proto__'],
    );
  });

  it('a bad --config file names the file, line and key', async () => {
    await expectRejected({ 'scan.yaml': 'failOn: high\nminSeverity: severe\n' }, ['--snapshot', DEMO_SNAPSHOT, '--config', 'scan.yaml'], ['scan.yaml:2', 'minSeverity']);
  });

  it('the default config file in the working directory is validated too (unknown rule id)', async () => {
    await expectRejected(
      { 'auth0-scan.config.yaml': 'failOn: high\nrules:\n  no-such-rule: { enabled: false }\n' },
      ['--snapshot', DEMO_SNAPSHOT],
      ['auth0-scan.config.yaml:3', 'no-such-rule'],
    );
  });
});
