import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './run-cli.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

const FILE = join(REPO_ROOT, 'examples/github-actions-deploy-cli.yml');
const FIXTURE = fileURLToPath(new URL('../fixtures/deploy-cli/yaml/', import.meta.url));
const KEYWORDS = JSON.stringify({ SPA_CALLBACKS: ['https://app.acme.example/callback'] });

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
const workflow = parse(readFileSync(FILE, 'utf8')) as { env: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
const steps = workflow.jobs['scan-config']?.steps ?? [];
const script = (name: string): string => steps.find((s) => s.name === name)?.run ?? '';

let root: string;
beforeAll(() => {
  root = makeTempDir('deploy-cli-workflow');
  // The tool's checkout: this repository, built (dist is what bin/ runs).
  mkdirSync(join(root, 'tools'));
  symlinkSync(REPO_ROOT, join(root, 'tools/auth0-scan'));
});
afterAll(() => removeTempDir(root));

/** Runs the workflow's two scan steps as the runner would, with base/ and head/ holding the given exports. */
function runScans(dir: string, head: (tenantYaml: string) => string): { base: number | null; head: number | null; sarif: string } {
  for (const side of ['base', 'head']) cpSync(FIXTURE, join(dir, side, 'auth0'), { recursive: true });
  const yaml = join(dir, 'head/auth0/tenant.yaml');
  writeFileSync(yaml, head(readFileSync(yaml, 'utf8')));
  symlinkSync(join(root, 'tools'), join(dir, 'tools'));
  const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, EXPORT: workflow.env['EXPORT'] ?? '', AUTH0_KEYWORD_REPLACE_MAPPINGS: KEYWORDS };
  const run = (name: string) => spawnSync('bash', ['-e', '-c', script(name)], { cwd: dir, env, encoding: 'utf8' }).status;
  const base = run("Scan the base branch's export");
  const result = run("Scan the pull request's export");
  const sarif = join(dir, 'auth0-config.sarif');
  return { base, head: result, sarif: existsSync(sarif) ? readFileSync(sarif, 'utf8') : '' };
}

describe('examples/github-actions-deploy-cli.yml', { timeout: 60_000 }, () => {
  it('is a valid workflow for @action-validator, uploading SARIF after a failed gate too', () => {
    expect(validateWorkflow(readFileSync(FILE, 'utf8')).errors).toEqual([]);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.['sarif_file']).toBe('auth0-config.sarif');
  });

  it('scans the Terraform plan against the deployed state as the baseline: nothing new passes', () => {
    const plan = workflow.jobs['scan-plan']?.steps.find((s) => s.name === 'Scan the plan')?.run ?? '';
    const dir = join(root, 'terraform');
    mkdirSync(dir);
    symlinkSync(join(root, 'tools'), join(dir, 'tools'));
    // The state and the plan of one unchanged configuration: every finding is in the baseline.
    cpSync(fileURLToPath(new URL('../fixtures/terraform/state.json', import.meta.url)), join(dir, 'state.json'));
    cpSync(fileURLToPath(new URL('../fixtures/terraform/plan.json', import.meta.url)), join(dir, 'plan.json'));
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, RUNNER_TEMP: dir };
    const run = spawnSync('bash', ['-e', '-c', plan], { cwd: dir, env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'auth0-plan.sarif'))).toBe(true);
  });

  it('passes a pull request that adds nothing, and fails one that adds a high finding, annotating its line', () => {
    const same = runScans(join(root, 'same'), (t) => t);
    expect([same.base, same.head]).toEqual([0, 0]);
    const added = (t: string) => t.replace(/("Clean SPA"[\s\S]*?grant_types:\n)/, '$1      - "implicit"\n');
    const worse = runScans(join(root, 'worse'), added);
    expect([worse.base, worse.head]).toEqual([0, 1]);
    const results = (JSON.parse(worse.sarif) as { runs: { results: { ruleId: string; baselineState?: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }).runs[0]?.results ?? [];
    const fresh = results.filter((r) => r.baselineState === 'new');
    expect(fresh.map((r) => r.ruleId)).toContain('client-implicit-grant');
    expect(fresh[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('auth0/tenant.yaml');
  });
});
