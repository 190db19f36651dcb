import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AUDIENCE, demoScanner, loadDemoTenant } from './demo-mock.js';
import { BIN, describeRun, runCli } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

let cwd: string;
beforeAll(() => {
  cwd = makeTempDir('mock-server');
});
afterAll(() => {
  removeTempDir(cwd);
});

/** Starts `auth0-scan mock-server --port 0` and resolves with its URL once it says where it listens. */
function startMockServerProcess() {
  const child = spawn(process.execPath, [BIN, 'mock-server', '--port', '0', '--rate', 'off'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString('utf8');
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stderr);
      if (m?.[1]) resolve(m[1]);
    });
    void closed.then(() => reject(new Error(`mock-server exited before listening:\n${stderr}`)));
  });
  return { child, url, closed, stderr: () => stderr };
}

describe('auth0-scan mock-server', { timeout: 60_000 }, () => {
  it('serves the demo tenant to a live scan and, on Ctrl-C, says what it served and exits 0', async () => {
    const server = startMockServerProcess();
    const url = await server.url;
    const scanner = demoScanner(loadDemoTenant());
    const scan = await runCli(['scan', '--domain', url, '--audience', DEMO_AUDIENCE, '--client-id', scanner.client_id, '--format', 'json', '--fail-on', 'never'], {
      cwd,
      env: { AUTH0_CLIENT_SECRET: scanner.client_secret },
    });
    server.child.kill('SIGINT');
    const code = await server.closed;
    expect(scan.code, describeRun(scan)).toBe(0);
    const requests = (JSON.parse(scan.stdout) as { collection: { requests: number } }).collection.requests;
    expect(code, server.stderr()).toBe(0);
    // The only non-200 answers are the API's "not configured" 404s of e-mail templates never customised.
    const notConfigured = 13 - (loadDemoTenant().email_templates ?? []).length;
    expect(server.stderr()).toContain(
      `served ${requests + 1} requests (tokens issued: 1; answered 429: 0; by status 200: ${requests + 1 - notConfigured}, 404: ${notConfigured}; at most `,
    );
    expect(server.stderr()).not.toContain(scanner.client_secret);
    // The banner teaches the env var: a secret on the command line is visible to every process on the machine.
    expect(server.stderr()).toContain('try: AUTH0_CLIENT_SECRET=');
    expect(server.stderr()).not.toContain('--client-secret');
  });

  it('--help says to prefer the env vars for the client secret and the token', async () => {
    const help = await runCli(['scan', '--help'], { cwd });
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--client-secret <secret>.*prefer the env var/);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--token <token>.*prefer the env var/);
  });
});
