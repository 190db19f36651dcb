import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { DEMO_AUDIENCE, demoScanner, loadDemoTenant } from './demo-mock.js';
import { reportSchemaErrors } from './report-schemas.js';
import { REPO_ROOT } from './run-cli.js';

/** docker or podman, when its daemon (or service) answers; this machine has only the docker client. */
function containerEngine(): string | undefined {
  for (const engine of ['docker', 'podman']) {
    const info = spawnSync(engine, ['info'], { stdio: 'ignore', timeout: 15_000 });
    if (info.status === 0) return engine;
  }
  return undefined;
}

const engine = containerEngine();
if (!engine) console.log('container-image: no container engine answers here (docker/podman info), so the image is only linted (dockerfile.test.ts).');
const IMAGE = `auth0-scan:test-${process.pid}`;

function run(args: readonly string[], timeout = 120_000) {
  const r = spawnSync(engine ?? 'docker', args, { cwd: REPO_ROOT, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

describe.skipIf(!engine)('the container image, built and run against the mock on loopback', () => {
  let mock: MockServer;
  const tenant = loadDemoTenant();
  const scanner = demoScanner(tenant);

  /** Why the image cannot be built here though an engine answers: its base image cannot be pulled (no registry). */
  let noBase: string | undefined;

  beforeAll(async () => {
    const base = /^FROM\s+(\S+)/m.exec(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'))?.[1] ?? 'node:24-alpine';
    if (run(['image', 'inspect', base]).code !== 0 && run(['pull', base], 600_000).code !== 0) {
      noBase = `the base image ${base} is not here and cannot be pulled`;
      console.log(`container-image: ${noBase}, so the image is only linted (dockerfile.test.ts).`);
      return;
    }
    const built = run(['build', '-t', IMAGE, '.'], 900_000);
    if (built.code !== 0) throw new Error(`image build failed:\n${built.stderr.slice(-4000)}`);
    mock = await startMockServer({ tenant });
  }, 1_600_000);
  afterAll(async () => {
    await mock?.close();
    run(['rmi', '-f', IMAGE]);
  });

  it('runs as a non-root user from a read-only root filesystem, with auth0-scan as the entrypoint', (ctx) => {
    if (noBase) ctx.skip();
    const id = run(['run', '--rm', '--read-only', '--entrypoint', 'id', IMAGE, '-u']);
    expect(id.code).toBe(0);
    expect(id.stdout.trim()).not.toBe('0');
    const version = run(['run', '--rm', '--read-only', IMAGE, '--version']);
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('scans the mock tenant over the host loopback and prints a schema-valid JSON report (exit 1: the demo fails the gate)', (ctx) => {
    if (noBase) ctx.skip();
    const scan = run([
      'run', '--rm', '--read-only', '--network', 'host',
      '-e', `AUTH0_CLIENT_SECRET=${scanner.client_secret}`,
      IMAGE, 'scan', '--domain', mock.url, '--client-id', scanner.client_id, '--audience', DEMO_AUDIENCE, '--format', 'json', '--quiet', '--no-progress',
    ]);
    expect(scan.code, scan.stderr).toBe(1);
    const report: unknown = JSON.parse(scan.stdout);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(scan.stdout).not.toContain(scanner.client_secret);
  });

  it('holds no dev dependency and no source', (ctx) => {
    if (noBase) ctx.skip();
    const listing = run(['run', '--rm', '--entrypoint', 'sh', IMAGE, '-c', 'ls /opt/auth0-scan /opt/auth0-scan/node_modules']);
    expect(listing.code, listing.stderr).toBe(0);
    for (const absent of ['typescript', 'vitest', 'src', 'test']) expect(listing.stdout.split(/\s+/)).not.toContain(absent);
  });
});
