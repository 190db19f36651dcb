import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { mockServerBanner } from '../../src/cli/mock-server-command.js';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { DEMO_AUDIENCE, demoScanner, loadDemoTenant } from '../e2e/demo-mock.js';
import { fakeTerminal } from '../fake-terminal.js';

// A command line is readable by every process on the machine (ps, /proc/PID/cmdline); the environment is not.
const tenant = loadDemoTenant();
const scanner = demoScanner(tenant);
let mock: MockServer;
let cwd: string;

beforeAll(async () => {
  mock = await startMockServer({ tenant, rateLimit: { burst: 50, perSecond: 200 } });
  cwd = mkdtempSync(join(tmpdir(), 'auth0-scan-argv-'));
});
afterAll(async () => {
  await mock.close();
  rmSync(cwd, { recursive: true, force: true });
});

async function run(args: readonly string[], env: Record<string, string> = {}) {
  const term = fakeTerminal(cwd, env);
  const code = await main(['node', 'auth0-scan', ...args], term);
  return { code, out: term.out, err: term.err };
}

const SCAN = ['scan', '--domain', '', '--audience', DEMO_AUDIENCE, '--only', 'tenant-*', '--format', 'json', '--fail-on', 'never', '--no-progress'];
const scanArgs = (...extra: string[]) => [...SCAN.map((a) => (a === '' ? mock.url : a)), ...extra];

describe('secrets belong in the environment, not on the command line', () => {
  it('the mock-server banner teaches AUTH0_CLIENT_SECRET=… and never --client-secret', () => {
    const banner = mockServerBanner('acme.eu.auth0.com', 'http://127.0.0.1:4010', 'scanner-id');
    expect(banner).toContain('try: AUTH0_CLIENT_SECRET=<from the tenant file\'s m2m> auth0-scan scan --domain http://127.0.0.1:4010 --client-id scanner-id');
    expect(banner).not.toContain('--client-secret');
    expect(banner).not.toContain('--token');
  });

  it('--help of every connecting command says to prefer the env var for --client-secret and --token', async () => {
    for (const command of [['scan'], ['check'], ['collect'], ['baseline', 'create']]) {
      const help = (await run([...command, '--help'])).out.replace(/\s+/g, ' ');
      expect(help).toMatch(/--client-secret <secret> .*?AUTH0_CLIENT_SECRET; prefer the env var/);
      expect(help).toMatch(/--token <token> .*?AUTH0_ACCESS_TOKEN; prefer the env var/);
      expect(help).toMatch(/--allow-config-host <host> .*?AUTH0_SCAN_ALLOW_CONFIG_HOSTS/);
    }
  });

  it('a client secret given as a flag works, with one warning on stderr that names the variable and not the secret', async () => {
    const r = await run(scanArgs('--client-id', scanner.client_id, '--client-secret', scanner.client_secret));
    expect(r.code, r.err).toBe(0);
    const warnings = r.err.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toEqual(['auth0-scan: warning: --client-secret puts the secret on the command line, where every process on this machine can read it: set AUTH0_CLIENT_SECRET instead']);
    expect(r.out + r.err).not.toContain(scanner.client_secret);
  });

  it('a token given as a flag is warned about too, naming AUTH0_ACCESS_TOKEN', async () => {
    const r = await run(['check', '--domain', mock.url, '--token', 'argv-test-token', '--format', 'json']);
    expect(r.err).toContain('auth0-scan: warning: --token puts the secret on the command line');
    expect(r.err).toContain('set AUTH0_ACCESS_TOKEN instead');
    expect(r.err).not.toContain('argv-test-token');
  });

  it('no warning when the secret comes from the environment, nor under --quiet', async () => {
    const fromEnv = await run(scanArgs('--client-id', scanner.client_id), { AUTH0_CLIENT_SECRET: scanner.client_secret });
    expect(fromEnv.code, fromEnv.err).toBe(0);
    expect(fromEnv.err).not.toContain('warning');
    const quiet = await run(scanArgs('--client-id', scanner.client_id, '--client-secret', scanner.client_secret, '--quiet'));
    expect(quiet.code, quiet.err).toBe(0);
    expect(quiet.err).toBe('');
  });
});
