import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { DEMO_AUDIENCE, demoScanner, loadDemoTenant } from '../e2e/demo-mock.js';
import { fakeTerminal } from '../fake-terminal.js';

// A pull request edits auth0-scan.config.yaml; the CI job that scans it holds GITHUB_TOKEN and the scanner's
// secret in its environment. The "attacker" is a listener on loopback that records whatever reaches it.
const GITHUB_TOKEN = 'ghp_E2Econfigexfil0000000000000000000000';
const tenant = loadDemoTenant();
const scanner = demoScanner(tenant);
const ONLY = ['--only', 'tenant-*', '--no-progress'];

let attacker: Server;
let attackerUrl: string;
const received: string[] = [];
let mock: MockServer;
const dirs: string[] = [];

beforeAll(async () => {
  attacker = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push(`${req.method ?? ''} ${req.url ?? ''} ${body}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'x', token_type: 'Bearer', expires_in: 86400 }));
    });
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  mock = await startMockServer({ tenant, rateLimit: { burst: 50, perSecond: 200 } });
});
afterAll(async () => {
  await new Promise<void>((resolve) => attacker.close(() => resolve()));
  await mock.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workDir(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'auth0-scan-exfil-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'auth0-scan.config.yaml'), config);
  return dir;
}

async function run(args: readonly string[], config: string, env: Record<string, string>) {
  const term = fakeTerminal(workDir(config), env);
  const code = await main(['node', 'auth0-scan', ...args], term);
  return { code, out: term.out, err: term.err };
}

const tenantsAt = (domain: string, secretEnv: string, extra = '') => `failOn: high\ntenants:\n  - name: prod\n    domain: ${domain}\n    client_id: ${scanner.client_id}\n    client_secret_env: ${secretEnv}\n${extra}`;
const CI_ENV = { GITHUB_TOKEN, AUTH0_CLIENT_ID: scanner.client_id, AUTH0_CLIENT_SECRET: scanner.client_secret, AUTH0_PROD_SECRET: scanner.client_secret };

/** Refused as a config error on one line, before any request: the attacker saw nothing, no secret was printed. */
function expectRefused(r: { code: number; out: string; err: string }, mentions: readonly string[]): void {
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe('');
  const lines = r.err.split('\n').filter((l) => l !== '');
  expect(lines, r.err).toHaveLength(1);
  for (const m of mentions) expect(lines[0]).toContain(m);
  for (const secret of [GITHUB_TOKEN, scanner.client_secret]) expect(r.err).not.toContain(secret);
  expect(received).toEqual([]);
}

describe('a config file cannot send a secret to a host of its choosing', () => {
  it('tenants: at a listener with client_secret_env: GITHUB_TOKEN is refused, even with loopback allowed', async () => {
    for (const allow of [[], ['--allow-config-host', '127.0.0.1']]) {
      const r = await run(['scan', ...ONLY, ...allow], tenantsAt(attackerUrl, 'GITHUB_TOKEN'), CI_ENV);
      expectRefused(r, ['auth0-scan.config.yaml:6', 'tenants[0].client_secret_env', 'AUTH0_']);
    }
  });

  it('tenants: at a listener with the real secret variable is refused until the user allows the host', async () => {
    const r = await run(['scan', ...ONLY], tenantsAt(attackerUrl, 'AUTH0_CLIENT_SECRET'), CI_ENV);
    expectRefused(r, ['auth0-scan.config.yaml:4', 'tenants[0].domain', 'is not an Auth0 domain', '--allow-config-host 127.0.0.1:']);
  });

  it('tenants: with a custom domain is refused before any DNS lookup', async () => {
    const r = await run(['scan', ...ONLY], tenantsAt('https://login.attacker.example', 'AUTH0_PROD_SECRET'), CI_ENV);
    expectRefused(r, ['tenants[0].domain', '--allow-config-host login.attacker.example']);
  });

  it('an audience on another host is refused, even when the domain is allowed', async () => {
    const config = tenantsAt(mock.url, 'AUTH0_PROD_SECRET', '    audience: https://attacker.example/api/v2/\n');
    const r = await run(['scan', ...ONLY, '--allow-config-host', '127.0.0.1'], config, CI_ENV);
    expectRefused(r, ['auth0-scan.config.yaml:7', 'tenants[0].audience', 'Management API of an Auth0 domain']);
    expect(mock.stats().requests).toBe(0);
  });

  it.each(['scan', 'check', 'collect'])('%s: the single domain: at a listener is refused with the environment\'s secret', async (command) => {
    const extra = command === 'collect' ? ['-o', 'snap.ndjson'] : [];
    const r = await run([command, ...ONLY, ...extra], `domain: ${attackerUrl}\n`, CI_ENV);
    expectRefused(r, ['auth0-scan.config.yaml:1', 'domain: ', 'is not an Auth0 domain']);
  });
});

describe('flags and the environment win over the config file', () => {
  it('AUTH0_DOMAIN is scanned instead of the tenants a pull request added, and says so', async () => {
    const env = { ...CI_ENV, AUTH0_DOMAIN: mock.url, AUTH0_AUDIENCE: DEMO_AUDIENCE };
    const r = await run(['scan', ...ONLY, '--format', 'json', '--fail-on', 'never'], tenantsAt(attackerUrl, 'AUTH0_CLIENT_SECRET'), env);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { tenant: { domain: string } }).tenant.domain).toBe('northwind-demo.eu.auth0.com');
    expect(r.err).toContain('AUTH0_DOMAIN is set, so it is scanned and the tenants of');
    expect(received).toEqual([]);
  });

  it('--domain is scanned, and a config domain: that would be refused is not even judged', async () => {
    const r = await run(['scan', ...ONLY, '--domain', mock.url, '--audience', DEMO_AUDIENCE, '--format', 'json', '--fail-on', 'never'], `domain: ${attackerUrl}\n`, CI_ENV);
    expect(r.code, r.err).toBe(0);
    expect(received).toEqual([]);
  });
});

describe('the allowed forms still work', () => {
  it('tenants: on a local mock with --allow-config-host 127.0.0.1 and an AUTH0_ variable', async () => {
    const before = mock.stats().requests;
    const config = tenantsAt(mock.url, 'AUTH0_PROD_SECRET', `    audience: ${DEMO_AUDIENCE}\n`);
    const r = await run(['scan', ...ONLY, '--allow-config-host', '127.0.0.1', '--format', 'json', '--fail-on', 'never'], config, CI_ENV);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as { tenants: { tenant: { domain: string; name?: string } }[] };
    expect(doc.tenants.map((t) => t.tenant)).toEqual([{ domain: 'northwind-demo.eu.auth0.com', name: 'prod' }]);
    expect(mock.stats().requests).toBeGreaterThan(before);
    expect(r.out + r.err).not.toContain(scanner.client_secret);
  });

  it('the single domain: on a local mock allowed by AUTH0_SCAN_ALLOW_CONFIG_HOSTS, for check', async () => {
    const env = { ...CI_ENV, AUTH0_AUDIENCE: DEMO_AUDIENCE, AUTH0_SCAN_ALLOW_CONFIG_HOSTS: `${new URL(mock.url).host}` };
    const r = await run(['check', ...ONLY, '--format', 'json'], `domain: ${mock.url}\n`, env);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { ready: boolean }).ready).toBe(true);
  });

  it('an Auth0 domain passes the host check with nothing allowed', async () => {
    // Nothing leaves loopback in tests: the secret variable is left empty, so the run stops at it, after the host
    // check and still before any request.
    const r = await run(['scan', ...ONLY], tenantsAt('no-such-tenant-e2e.eu.auth0.com', 'AUTH0_PROD_SECRET'), { ...CI_ENV, AUTH0_PROD_SECRET: '' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('AUTH0_PROD_SECRET is not set');
    expect(received).toEqual([]);
  });
});
