import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { DEMO_AUDIENCE, demoScanner, loadDemoTenant } from '../e2e/demo-mock.js';
import { describeRun } from '../e2e/run-cli.js';
import { runBuiltCli, startCli, waitFor } from './files-cli.js';

const tenant = loadDemoTenant();
const scanner = demoScanner(tenant);
const tempFiles = (d: string) => readdirSync(d).filter((f) => f.endsWith('.tmp'));

const root = mkdtempSync(join(tmpdir(), 'auth0-scan-signals-'));
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ tenant });
  // Every API answer takes a second and a half: the collection is still running when the signal comes.
  mock.setFaults({ delays: { probability: 1, ms: 1500 } });
});
afterAll(async () => {
  await mock.close();
  rmSync(root, { recursive: true, force: true });
});

const env = () => ({ AUTH0_DOMAIN: mock.url, AUTH0_CLIENT_ID: scanner.client_id, AUTH0_CLIENT_SECRET: scanner.client_secret, AUTH0_AUDIENCE: DEMO_AUDIENCE });

describe('an interrupted collect leaves no temporary file', { timeout: 60_000 }, () => {
  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    for (const output of ['snap.ndjson', 'snap.ndjson.gz']) {
      it(`${signal} during collect -o ${output}: the temp file is removed and the process dies of ${signal} (shell status ${status})`, async () => {
        const cwd = mkdtempSync(join(root, 'signal-'));
        const run = startCli(['collect', '--all-kinds', '--no-progress', '-o', output], { cwd, env: env() });
        await waitFor(() => tempFiles(cwd).length === 1);
        run.child.kill(signal);
        const r = await run.done;
        expect(r.signal, describeRun(r)).toBe(signal);
        expect(tempFiles(cwd)).toEqual([]);
        expect(readdirSync(cwd)).toEqual([]);
      });
    }
  }

  it('a usage error after the temp file is opened discards it', async () => {
    const cwd = mkdtempSync(join(root, 'usage-'));
    const r = await runBuiltCli(['collect', '--demo', '--domain', 'acme.eu.auth0.com', '-o', 'snap.ndjson'], { cwd });
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr).toBe('auth0-scan: --demo scans the bundled demo tenant: drop --domain and --token\n');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
