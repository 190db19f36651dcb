import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { CronJob } from 'kubernetes-models/batch/v1';
import { PersistentVolumeClaim } from 'kubernetes-models/v1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { makeCliShim } from './cli-shim.js';
import { loadCompositeAction } from './composite-action.js';
import { demoScanner, loadDemoTenant } from './demo-mock.js';
import { REPO_ROOT } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

const EXAMPLES = join(REPO_ROOT, 'examples');
const text = (name: string): string => readFileSync(join(EXAMPLES, name), 'utf8');
/** The image the Dockerfile is built as in every example's instructions. */
const IMAGE = 'registry.example.com/security/auth0-scan:0.1.0';

interface Step {
  uses?: string;
  id?: string;
  if?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}
interface GitlabJob {
  image: string | { name: string; entrypoint: string[] };
  script: string[];
  before_script?: string[];
  artifacts: { paths: string[]; reports: { junit: string } };
}

let root: string;
let mock: MockServer;
let shimPath: string;
const scanner = demoScanner(loadDemoTenant());
beforeAll(async () => {
  root = makeTempDir('examples');
  mock = await startMockServer({ tenant: loadDemoTenant() });
  shimPath = makeCliShim(root);
});
afterAll(async () => {
  await mock?.close();
  if (root) removeTempDir(root);
});

/** Runs a shell script from an example with `auth0-scan` on PATH and the scanner's credentials for the mock. */
function sh(script: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { PATH: `${shimPath}:${process.env['PATH'] ?? '/usr/bin:/bin'}`, HOME: cwd, AUTH0_DOMAIN: mock.url, AUTH0_CLIENT_ID: scanner.client_id, AUTH0_CLIENT_SECRET: scanner.client_secret };
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-e', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('every example', () => {
  it('installs nothing from the npm registry under the unpublished name, and uses a supported Node', () => {
    const files = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((n) => /\.(ya?ml|service|timer)$/.test(n));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const name of files) {
      // What runs, not the comments that warn against it.
      const body = text(name).split('\n').filter((l) => !l.trim().startsWith('#')).join('\n');
      expect(body, name).not.toMatch(/npm (install|i|add)\b[^\n]*\bauth0-scan(@|\s|$)/);
      expect(body, name).not.toMatch(/npx (--yes |-y )?auth0-scan/);
      expect(body, name).not.toMatch(/node:(1\d|20|21|23)\b|node-version: '?(1\d|20)\b/);
    }
  });
});

describe('examples/github-actions.yml', () => {
  const workflow = parse(text('github-actions.yml')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const scanStep = steps.find((s) => s.uses?.startsWith('auth0-scan/auth0-scan@'));

  it('is a valid workflow for @action-validator', () => {
    expect(validateWorkflow(text('github-actions.yml')).errors).toEqual([]);
  });

  it("uses this repository's action, with inputs the action has", () => {
    expect(scanStep?.uses).toBe('auth0-scan/auth0-scan@v0');
    const inputs = Object.keys(loadCompositeAction(join(REPO_ROOT, 'action.yml')).inputs);
    expect(Object.keys(scanStep?.with ?? {}).filter((k) => !inputs.includes(k))).toEqual([]);
  });

  it('uploads the SARIF file with upload-sarif@v4, and the HTML and JSON reports as an artifact, after a failed gate too', () => {
    expect(workflow.permissions['security-events']).toBe('write');
    const sarif = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(sarif?.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(sarif?.with?.['sarif_file']).toBe(scanStep?.with?.['sarif']);
    const artifact = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(artifact?.uses).toBe('actions/upload-artifact@v7');
    const paths = (artifact?.with?.['path'] ?? '').split('\n').map((p) => p.trim()).filter(Boolean);
    expect(paths).toEqual([scanStep?.with?.['html'], scanStep?.with?.['json']]);
    for (const s of [sarif, artifact]) expect(s?.if).toContain('!cancelled()');
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.uses).toBe('actions/checkout@v6');
  });
});

describe('examples/gitlab-ci.yml', () => {
  const jobs = parse(text('gitlab-ci.yml')) as Record<string, GitlabJob>;

  it('runs the image the Dockerfile builds, with a shell as entrypoint', () => {
    expect(jobs['auth0-scan']?.image).toEqual({ name: IMAGE, entrypoint: [''] });
  });

  it('builds from source on Node 24 in the alternative job, without dev dependencies at scan time', () => {
    const job = jobs['.auth0-scan-from-source'];
    expect(job?.image).toBe('node:24-slim');
    expect(job?.before_script?.join('\n')).toContain('npm ci --ignore-scripts --no-audit --no-fund && npm run build && npm prune --omit=dev --ignore-scripts');
  });

  it('writes the JUnit report it declares, and fails on the demo findings (its script run against the mock)', async () => {
    const job = jobs['auth0-scan'] as GitlabJob;
    const dir = join(root, 'gitlab');
    mkdirSync(dir);
    const r = await sh(job.script.join('\n'), dir);
    expect(r.code, r.stderr).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([...job.artifacts.paths].sort());
    expect(readFileSync(join(dir, job.artifacts.reports.junit), 'utf8')).toMatch(/^<\?xml[^>]*>\s*<testsuites/);
  });
});

describe('examples/cronjob.yaml', () => {
  const docs = parseAllDocuments(text('cronjob.yaml')).map((d) => d.toJS() as { kind: string });
  const cronjob = docs.find((d) => d.kind === 'CronJob') as ConstructorParameters<typeof CronJob>[0];
  const pod = cronjob?.spec?.jobTemplate.spec?.template.spec;
  const container = pod?.containers[0];
  const script = container?.args?.[0] ?? '';

  it('holds a PersistentVolumeClaim and a CronJob that the Kubernetes API schemas accept (kubernetes-models)', () => {
    expect(docs.map((d) => d.kind)).toEqual(['PersistentVolumeClaim', 'CronJob']);
    expect(() => new PersistentVolumeClaim(docs[0] as ConstructorParameters<typeof PersistentVolumeClaim>[0]).validate()).not.toThrow();
    expect(() => new CronJob(cronjob).validate()).not.toThrow();
  });

  it('runs the image of the Dockerfile as a non-root user on a read-only root filesystem', () => {
    expect(container?.image).toBe(IMAGE);
    expect(pod?.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(container?.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(container?.volumeMounts?.find((m) => m.mountPath === '/baseline')).toMatchObject({ name: 'baseline', readOnly: true });
    expect(pod?.volumes?.find((v) => v.name === 'baseline')?.configMap).toEqual({ name: 'auth0-scan-baseline', optional: true });
  });

  /** The container's script with its two mounts moved into a temporary folder, run with `auth0-scan` on PATH. */
  async function night(dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return sh(script.replaceAll('/baseline/', `${join(dir, 'baseline')}/`).replace('cd /data', `cd ${join(dir, 'data')}`), dir);
  }

  it('fails every night while a new high finding is not in the reviewed baseline, and passes once it is', async () => {
    const dir = join(root, 'cron');
    mkdirSync(join(dir, 'data'), { recursive: true });
    mkdirSync(join(dir, 'baseline'));
    expect(script).not.toMatch(/\bcp\b|latest/);

    const first = await night(dir);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toContain('no reviewed baseline');
    const reportName = readdirSync(join(dir, 'data/reports'))[0] ?? '';
    const report = JSON.parse(readFileSync(join(dir, 'data/reports', reportName), 'utf8')) as { findings: { ruleId: string; severity: string }[] };

    // A baseline reviewed before the tenant gained one high finding: that finding is new, tonight and tomorrow.
    const index = report.findings.findIndex((f) => f.severity === 'high');
    const added = report.findings[index]?.ruleId ?? '';
    writeFileSync(join(dir, 'baseline/reviewed-baseline.json'), JSON.stringify({ ...report, findings: report.findings.filter((_, i) => i !== index) }));
    for (let n = 0; n < 2; n += 1) {
      const r = await night(dir);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toContain(added);
    }

    writeFileSync(join(dir, 'baseline/reviewed-baseline.json'), JSON.stringify(report));
    const reviewed = await night(dir);
    expect(reviewed.code, `${reviewed.stderr}\n${reviewed.stdout}`).toBe(0);
  });
});

describe('examples/systemd', () => {
  const unit = text('systemd/auth0-scan.service');

  it('gates on the reviewed baseline handed in as a credential, and never writes it', () => {
    expect(unit).toContain('LoadCredential=reviewed-baseline.json:/etc/auth0-scan/reviewed-baseline.json');
    expect(unit).toMatch(/^ExecStart=\/usr\/local\/bin\/auth0-scan diff %d\/reviewed-baseline\.json report\.json --fail-on-new high$/m);
    expect(unit).not.toMatch(/^Exec[^\n]*(cp|mv)\b[^\n]*report\.json/m);
  });

  it('passes systemd-analyze verify (the binary path pointed at the built CLI)', () => {
    const dir = join(root, 'systemd');
    mkdirSync(dir);
    writeFileSync(join(dir, 'auth0-scan.service'), unit.replaceAll('/usr/local/bin/auth0-scan', join(shimPath, 'auth0-scan')));
    copyFileSync(join(EXAMPLES, 'systemd/auth0-scan.timer'), join(dir, 'auth0-scan.timer'));
    const r = spawnSync('systemd-analyze', ['verify', './auth0-scan.service', './auth0-scan.timer'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.error, 'systemd-analyze (Debian package systemd) is needed for this test').toBeUndefined();
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
