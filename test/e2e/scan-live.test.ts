import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO_AUDIENCE, demoScanner, loadDemoTenant, withLimitedClient, useMockTenant } from './demo-mock.js';
import { expectOneLineError, STACK_FRAME } from './expect-cli.js';
import { reportSchemaErrors } from './report-schemas.js';
import { describeRun, REPO_ROOT, runCli, type CliResult } from './run-cli.js';
import { listFiles } from './temp-dir.js';
import { watchFile } from './watch-file.js';

/** A loopback port nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface Finding {
  ruleId: string;
  resource: { type: string; id: string };
  fingerprint: string;
  count?: number;
}
interface JsonReport {
  tenant: { domain: string };
  summary: { total: number; rulesEvaluated: number; rulesSkipped: number; gate: { failOn: string; passed: boolean } };
  findings: Finding[];
  skipped: { ruleId: string; reason: string; missingScopes?: string[] }[];
  collection: { source: string; kinds: Record<string, { status: string; missingScopes?: string[] }> };
}

const LIMITED = { client_id: 'e2e-limited-scanner', client_secret: 'E2E-LIMITED-a8f3c1d9e7b2', withhold: ['read:users', 'read:log_streams'] };
const tenant = withLimitedClient(loadDemoTenant(), LIMITED);
const scanner = demoScanner(tenant);

/**
 * Rules that compare dates with the scan time. `scan --demo` pins the scan time to the recording, a live scan uses
 * the clock, so their findings legitimately differ between the two and are left out of that comparison.
 */
const DATE_BASED_RULES = ruleIdsMatching(/\b(older_than|newer_than)\b/);

const fixture = useMockTenant(tenant, 'live');

const freshDir = fixture.dir;

function live(args: readonly string[], env: Record<string, string> = {}, cwd = freshDir()): Promise<CliResult> {
  return runCli(['scan', '--domain', fixture.mock().url, '--audience', DEMO_AUDIENCE, ...args], { cwd, env: { AUTH0_CLIENT_SECRET: scanner.client_secret, ...env } });
}

/** One live JSON scan with the full-scope client, shared by the tests that compare against it. */
let liveRun: Promise<CliResult> | undefined;
const liveScan = (): Promise<CliResult> => (liveRun ??= live(['--client-id', scanner.client_id, '--format', 'json']));

function report(r: CliResult): JsonReport {
  const doc = JSON.parse(r.stdout) as JsonReport;
  expect(reportSchemaErrors(doc)).toEqual([]);
  return doc;
}

const key = (f: Finding): string => `${f.ruleId} ${f.resource.type}/${f.resource.id}`;
const fullKey = (f: Finding): string => `${key(f)} ${f.fingerprint} ${f.count ?? '-'}`;

/** A gzipped snapshot that decompresses and ends with its end record. */
function isWholeSnapshot(bytes: Buffer): boolean {
  try {
    const last = gunzipSync(bytes).toString('utf8').trimEnd().split('\n').at(-1) ?? '';
    return (JSON.parse(last) as { end?: unknown }).end === true;
  } catch {
    return false;
  }
}

function ruleIdsMatching(pattern: RegExp): Set<string> {
  const ids = new Set<string>();
  const dir = join(REPO_ROOT, 'rules');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    const id = /^id: (\S+)$/m.exec(text)?.[1];
    if (id && pattern.test(text)) ids.add(id);
  }
  return ids;
}

describe.concurrent('scan against a live mock Management API', { timeout: 60_000 }, () => {
  it('finds what `scan --demo` finds (date-based rules aside)', async () => {
    const [liveResult, demoResult] = await Promise.all([liveScan(), runCli(['scan', '--demo', '--format', 'json'], { cwd: freshDir() })]);
    expect(liveResult.code, describeRun(liveResult)).toBe(1);
    expect(demoResult.code, describeRun(demoResult)).toBe(1);
    const liveReport = report(liveResult);
    const demoReport = report(demoResult);
    expect(liveReport.collection.source).toBe('live');
    expect(liveReport.tenant.domain).toBe(demoReport.tenant.domain);
    expect(liveReport.skipped).toEqual([]);
    expect(liveReport.summary.rulesEvaluated).toBe(demoReport.summary.rulesEvaluated);
    expect([...DATE_BASED_RULES]).toEqual(expect.arrayContaining(['signing-key-old', 'user-dormant', 'user-never-logged-in']));
    const stable = (r: JsonReport) => r.findings.filter((f) => !DATE_BASED_RULES.has(f.ruleId)).map(fullKey).sort();
    expect(stable(demoReport).length).toBeGreaterThan(50);
    expect(stable(liveReport)).toEqual(stable(demoReport));
  });

  it('collect -o snap.ndjson.gz then scan --snapshot gives the live scan its findings, and collect leaves no temp file', { timeout: 90_000 }, async () => {
    const cwd = freshDir();
    const env = { AUTH0_DOMAIN: fixture.mock().url, AUTH0_CLIENT_ID: scanner.client_id, AUTH0_CLIENT_SECRET: scanner.client_secret, AUTH0_AUDIENCE: DEMO_AUDIENCE };
    const watcher = watchFile(join(cwd, 'snap.ndjson.gz'), isWholeSnapshot);
    const [collected, liveResult] = await Promise.all([runCli(['collect', '-o', 'snap.ndjson.gz'], { cwd, env }), liveScan()]);
    expect(watcher.stop().partial).toEqual([]);
    expect(collected.code, describeRun(collected)).toBe(0);
    expect(collected.stdout).toBe('');
    expect(collected.stderr).toMatch(/^auth0-scan: wrote snap\.ndjson\.gz: \d+ kinds, 60 users, \d+ requests in [\d.]+ s\n$/);
    expect(listFiles(cwd)).toEqual(['snap.ndjson.gz']);
    expect([...readFileSync(join(cwd, 'snap.ndjson.gz')).subarray(0, 2)]).toEqual([0x1f, 0x8b]);

    // No AUTH0_* here: a snapshot scan must need no credentials and no network.
    const fromFile = await runCli(['scan', '--snapshot', 'snap.ndjson.gz', '--format', 'json'], { cwd });
    expect(fromFile.code, describeRun(fromFile)).toBe(1);
    const snapReport = report(fromFile);
    const liveReport = report(liveResult);
    expect(snapReport.collection.source).toBe('snapshot');
    expect(snapReport.tenant.domain).toBe(liveReport.tenant.domain);
    expect(snapReport.skipped).toEqual([]);
    // Both use the clock, seconds apart, so even the date-based rules agree.
    expect(snapReport.findings.map(fullKey)).toEqual(liveReport.findings.map(fullKey));
    expect(snapReport.summary).toEqual(liveReport.summary);
  });

  it('a wrong client secret ends with exit 3 and one line, no stack trace, no echo of the secret', async () => {
    const r = await live(['--client-id', scanner.client_id], { AUTH0_CLIENT_SECRET: 'wrong-secret-3f9a7c' });
    const line = expectOneLineError(r, 3);
    expect(line).not.toContain('wrong-secret-3f9a7c');
  });

  it('a rejected pre-issued token is an error naming the 401, not a report of 87 skipped rules', async () => {
    // The token in the environment: on the command line it would add a warning line (argv is visible to others).
    const r = await runCli(['scan', '--domain', fixture.mock().url, '--format', 'json'], { cwd: freshDir(), env: { AUTH0_ACCESS_TOKEN: 'not-a-token-the-tenant-issued' } });
    expectOneLineError(r, 3, ['rejected the access token', '401']);
  });

  it('a host that refuses the connection is an error naming the cause, with no report', async () => {
    const port = await closedPort();
    const r = await runCli(['scan', '--domain', `http://127.0.0.1:${port}`, '--format', 'sarif'], { cwd: freshDir(), env: { AUTH0_ACCESS_TOKEN: 'any-token' } });
    expectOneLineError(r, 3, [`Cannot reach 127.0.0.1:${port}`, 'ECONNREFUSED']);
  });

  it('refuses plain HTTP to a non-loopback host before any network use (exit 2)', async () => {
    const r = await runCli(['scan', '--domain', 'http://example.com', '--client-id', 'x'], { cwd: freshDir(), env: { AUTH0_CLIENT_SECRET: 's3cret-value' } });
    const line = expectOneLineError(r, 2, ['http://example.com', 'loopback']);
    // A network attempt would end as a collection error (exit 3, "could not reach", DNS codes), not a usage error.
    expect(line).not.toMatch(/reach|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/i);
  });

  it('a missing client id is a usage error (exit 2)', async () => {
    const r = await runCli(['scan'], { cwd: freshDir(), env: { AUTH0_DOMAIN: fixture.mock().url, AUTH0_CLIENT_SECRET: scanner.client_secret } });
    expectOneLineError(r, 2, ['client id']);
  });

  it('a token without some scopes exits 3 and the report skips the rules that need them, naming the scopes', async () => {
    const r = await live(['--client-id', LIMITED.client_id, '--format', 'json'], { AUTH0_CLIENT_SECRET: LIMITED.client_secret });
    expect(r.code, describeRun(r)).toBe(3);
    expect(r.stderr).not.toContain(STACK_FRAME);
    const doc = report(r);
    expect(doc.collection.kinds['users']).toMatchObject({ status: 'forbidden', missingScopes: ['read:users'] });
    expect(doc.collection.kinds['log_streams']).toMatchObject({ status: 'forbidden', missingScopes: ['read:log_streams'] });
    const skippedIds = doc.skipped.map((s) => s.ruleId);
    expect(skippedIds).toEqual(expect.arrayContaining(['user-dormant', 'user-email-unverified', 'user-privileged-without-mfa', 'log-streams-none-active']));
    for (const s of doc.skipped) {
      expect(s.missingScopes?.length, s.ruleId).toBeGreaterThan(0);
      expect(s.reason, s.ruleId).toMatch(/forbidden \(missing read:/);
    }
    expect(doc.summary.rulesSkipped).toBe(doc.skipped.length);
    // A skipped rule neither passes nor produces findings from empty data.
    expect(doc.findings.filter((f) => skippedIds.includes(f.ruleId))).toEqual([]);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    // The advice follows the cause: these kinds are forbidden, so it names the scopes to grant.
    expect(lines.at(-1)).toMatch(/^auth0-scan: \d+ rules skipped because data is missing: .*users.* need .*read:users.*: grant them to the scanner's application\. .*--allow-partial/);
    expect(lines.at(-1)).not.toMatch(/not available|scanner limitation/);
    expect(doc.summary.gate).toEqual({ failOn: 'high', passed: false, incomplete: true });
    // "Missing" must mean missing: a scope the token holds is not one the user has to grant.
    const grantedButReported = [
      ...Object.entries(doc.collection.kinds).flatMap(([kind, c]) => (c.missingScopes ?? []).map((scope) => `collection.kinds.${kind}: ${scope}`)),
      ...doc.skipped.flatMap((s) => (s.missingScopes ?? []).map((scope) => `skipped ${s.ruleId}: ${scope}`)),
    ].filter((entry) => !LIMITED.withhold.some((scope) => entry.endsWith(`: ${scope}`)));
    expect(grantedButReported).toEqual([]);
  });

  it('--allow-partial gates on what could be checked (exit 1: high findings remain)', async () => {
    const r = await live(['--client-id', LIMITED.client_id, '--format', 'json', '--allow-partial'], { AUTH0_CLIENT_SECRET: LIMITED.client_secret });
    expect(r.code, describeRun(r)).toBe(1);
    const doc = report(r);
    expect(doc.summary.gate).toEqual({ failOn: 'high', passed: false, incomplete: true });
    expect(doc.findings.some((f) => f.ruleId === 'client-implicit-grant')).toBe(true);
    expect(doc.skipped.map((s) => s.ruleId)).toContain('user-dormant');
    expect(r.stderr).not.toContain('--allow-partial');
  });
});
