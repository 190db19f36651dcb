import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO_SECRET_PREFIX, DEMO_TENANT_FILE, demoScanner, loadDemoTenant, useMockTenant } from './demo-mock.js';
import { describeRun, runCli, type CliResult } from './run-cli.js';
import { listFiles } from './temp-dir.js';

const tenant = loadDemoTenant();
const scanner = demoScanner(tenant);

const fixture = useMockTenant(tenant, 'secrets');

const freshDir = fixture.dir;

/** Everything a run exposed: its two streams and every file in its directory (gzip files decompressed). */
function exposed(r: CliResult, cwd: string): Map<string, string> {
  const texts = new Map<string, string>([
    ['stdout', r.stdout],
    ['stderr', r.stderr],
  ]);
  for (const file of listFiles(cwd)) {
    const bytes = readFileSync(join(cwd, file));
    texts.set(file, (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'));
  }
  return texts;
}

/** `where: needle` for every needle found; [] when nothing leaked. */
function leaks(texts: Map<string, string>, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const [where, text] of texts) for (const needle of needles) if (text.includes(needle)) found.push(`${where}: ${needle}`);
  return found;
}

async function issueToken(): Promise<string> {
  const res = await fetch(`${fixture.mock().url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: scanner.client_id, client_secret: scanner.client_secret, audience: fixture.mock().audience }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { access_token: string };
  expect(body.access_token.length).toBeGreaterThan(8);
  return body.access_token;
}

const needles = [scanner.client_secret, DEMO_SECRET_PREFIX];

describe.concurrent('secrets never reach stdout, stderr or any file', { timeout: 60_000 }, () => {
  it('the demo tenant is full of secrets to leak (so a clean grep means something)', () => {
    const raw = readFileSync(DEMO_TENANT_FILE, 'utf8');
    expect(raw.split(DEMO_SECRET_PREFIX).length - 1).toBeGreaterThanOrEqual(5);
    expect(scanner.client_secret.startsWith(DEMO_SECRET_PREFIX)).toBe(true);
  });

  it('scan --verbose with client credentials (secret from the environment), all three formats', async () => {
    const cwd = freshDir();
    const r = await runCli(['scan', '--domain', fixture.mock().url, '--client-id', scanner.client_id, '--verbose', '--json-output', 'r.json', '--sarif-output', 'r.sarif'], {
      cwd,
      env: { AUTH0_CLIENT_SECRET: scanner.client_secret },
    });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stderr).toMatch(/^GET \/clients\S* 200 \d+ms$/m);
    const texts = exposed(r, cwd);
    expect([...texts.keys()].sort()).toEqual(['r.json', 'r.sarif', 'stderr', 'stdout']);
    expect(leaks(texts, needles)).toEqual([]);
  });

  it('collect --all-kinds --verbose (secret as a flag), then scan --snapshot --verbose of that file', { timeout: 90_000 }, async () => {
    const cwd = freshDir();
    const collected = await runCli(['collect', '--all-kinds', '--verbose', '-o', 'snap.ndjson.gz', '--domain', fixture.mock().url, '--client-id', scanner.client_id, '--client-secret', scanner.client_secret], { cwd });
    expect(collected.code, describeRun(collected)).toBe(0);
    const afterCollect = exposed(collected, cwd);
    const snapshot = afterCollect.get('snap.ndjson.gz') ?? '';
    // The kinds that carry secrets in the tenant file were collected, so their absence is redaction, not omission.
    for (const kind of ['clients', 'connections', 'log_streams', 'resource_servers', 'actions']) expect(snapshot).toContain(`{"kind":"${kind}","data":`);
    expect(leaks(afterCollect, needles)).toEqual([]);

    const scanned = await runCli(['scan', '--snapshot', 'snap.ndjson.gz', '--verbose', '--format', 'json', '-o', 'r.json', '--sarif-output', 'r.sarif'], { cwd });
    expect(scanned.code, describeRun(scanned)).toBe(1);
    const texts = exposed(scanned, cwd);
    expect([...texts.keys()].sort()).toEqual(['r.json', 'r.sarif', 'snap.ndjson.gz', 'stderr', 'stdout']);
    expect(leaks(texts, needles)).toEqual([]);
  });

  it('scan --verbose with a pre-issued token (AUTH0_ACCESS_TOKEN) never prints the token', async () => {
    const token = await issueToken();
    const cwd = freshDir();
    const r = await runCli(['scan', '--domain', fixture.mock().url, '--verbose', '--format', 'sarif', '--json-output', 'r.json'], { cwd, env: { AUTH0_ACCESS_TOKEN: token } });
    expect(r.code, describeRun(r)).toBe(1);
    expect(r.stderr).toMatch(/^GET \/clients\S* 200 \d+ms$/m);
    expect(leaks(exposed(r, cwd), [token, ...needles])).toEqual([]);
  });
});
