import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_AUDIENCE, demoScanner, loadDemoTenant, useMockTenant } from './demo-mock.js';
import { expectOneLineError } from './expect-cli.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { listFiles } from './temp-dir.js';

const tenant = loadDemoTenant();
const scanner = demoScanner(tenant);

const fixture = useMockTenant(tenant, 'outputs');

/** A live run against the mock, in a fresh folder; resolves with the result and how many requests the mock saw. */
async function live(args: readonly string[]): Promise<{ r: CliResult; cwd: string; requests: number }> {
  const cwd = fixture.dir();
  const before = fixture.mock().stats().requests;
  const connection = ['--domain', fixture.mock().url, '--audience', DEMO_AUDIENCE, '--client-id', scanner.client_id];
  const r = await runCli([...args.slice(0, 1), ...connection, ...args.slice(1)], { cwd, env: { AUTH0_CLIENT_SECRET: scanner.client_secret } });
  return { r, cwd, requests: fixture.mock().stats().requests - before };
}

// One file at a time: the mock's request counter is shared, so runs that count requests must not overlap.
describe('outputs are checked before collection starts', { timeout: 60_000 }, () => {
  it('a missing folder for any output fails at once with exit 2 and one sentence, before a single request', async () => {
    for (const args of [
      ['scan', '--json-output', 'missing/r.json'],
      ['scan', '-o', 'nope/report.sarif'],
      ['collect', '-o', 'gone/snap.ndjson.gz'],
    ]) {
      const { r, cwd, requests } = await live(args);
      const flag = args[1] ?? '';
      const path = args[2] ?? '';
      const line = expectOneLineError(r, 2, [`${flag} ${path}`, `the folder ${path.split('/')[0] ?? ''} does not exist`]);
      expect(line).toBe(`auth0-scan: ${flag} ${path}: the folder ${path.split('/')[0] ?? ''} does not exist: create it first`);
      expect(requests, describeRun(r)).toBe(0);
      expect(listFiles(cwd)).toEqual([]);
    }
  });

  it('a --format that contradicts the -o name, two outputs on one file, two on stdout: refused before any request', async () => {
    const cases: Array<[string[], string]> = [
      [['scan', '--format', 'json', '-o', 'report.sarif'], 'auth0-scan: -o report.sarif: the name ends in .sarif (sarif) but --format is json: drop --format, or end the name in .json'],
      [['scan', '-o', 'r.json', '--json-output', './r.json'], 'auth0-scan: --json-output and -o both name ./r.json and r.json: one would overwrite the other, so give each its own file'],
      [['scan', '--sarif-output', '-'], 'auth0-scan: --sarif-output - and the table report would both go to stdout: write one of them to a file (-o FILE)'],
      [['collect', '-o', '-'], 'auth0-scan: -o -: a snapshot is written to a file, not to stdout: name one, e.g. -o tenant.ndjson.gz'],
    ];
    for (const [args, message] of cases) {
      const { r, cwd, requests } = await live(args);
      expect(expectOneLineError(r, 2)).toBe(message);
      expect(requests).toBe(0);
      expect(listFiles(cwd)).toEqual([]);
    }
  });

  it('-o report.sarif without --format writes SARIF; -o - writes to stdout', async () => {
    const cwd = fixture.dir();
    mkdirSync(join(cwd, 'out'));
    const secret = { AUTH0_CLIENT_SECRET: scanner.client_secret };
    const connection = ['--domain', fixture.mock().url, '--audience', DEMO_AUDIENCE, '--client-id', scanner.client_id, '--fail-on', 'never', '--quiet'];
    const written = await runCli(['scan', ...connection, '-o', 'out/report.sarif', '--json-output', 'out/report.json'], { cwd, env: secret });
    expect(written.code, describeRun(written)).toBe(0);
    expect(written.stdout).toBe('');
    const doc = JSON.parse(readFileSync(join(cwd, 'out/report.sarif'), 'utf8')) as { version?: string; runs?: unknown[] };
    expect(doc.version).toBe('2.1.0');
    expect(JSON.parse(readFileSync(join(cwd, 'out/report.json'), 'utf8'))).toHaveProperty('summary');
    const toStdout = await runCli(['scan', ...connection, '--format', 'json', '-o', '-'], { cwd: fixture.dir(), env: secret });
    expect(toStdout.code, describeRun(toStdout)).toBe(0);
    expect(JSON.parse(toStdout.stdout)).toHaveProperty('findings');
  });
});
