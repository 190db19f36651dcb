// SLOW (about 30-60 s on two cores): the build step runs `npm ci` (from the npm cache, the registry only for a
// package missing there), `npm run build` and `npm prune` in a staged copy of the repository, once for the file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAction } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/index.js';
import { hasExpression } from './action-expressions.js';
import { isRunStep, loadCompositeAction, runCompositeAction, type ActionResult, type RunStep } from './composite-action.js';
import { DEMO_SECRET_PREFIX, demoScanner, loadDemoTenant, withLimitedClient } from './demo-mock.js';
import { reportSchemaErrors, sarifSchemaErrors } from './report-schemas.js';
import { REPO_ROOT } from './run-cli.js';
import { stageCheckout } from './stage-checkout.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';

const ACTION_FILE = join(REPO_ROOT, 'action.yml');
const action = loadCompositeAction(ACTION_FILE);
const runSteps = action.runs.steps.filter(isRunStep);
const scanStep = runSteps.find((s) => s.id === 'scan');

describe('action.yml', () => {
  it('is valid action metadata for @action-validator (the schema GitHub actions are checked against)', () => {
    expect(validateAction(readFileSync(ACTION_FILE, 'utf8')).errors).toEqual([]);
  });

  it('sets up Node 24 with actions/setup-node@v6 (the one step the simulation below skips) and runs bash otherwise', () => {
    const uses = action.runs.steps.filter((s) => !isRunStep(s));
    expect(uses).toEqual([{ uses: 'actions/setup-node@v6', with: { 'node-version': '${{ inputs.node-version }}' } }]);
    expect(action.inputs['node-version']?.default).toBe('24');
    expect(runSteps.map((s) => s.shell)).toEqual(['bash', 'bash']);
  });

  it('has the inputs and outputs the docs promise', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['args', 'baseline', 'client-id', 'client-secret', 'domain', 'fail-on', 'html', 'job-summary', 'json', 'markdown', 'node-version', 'sarif'].sort(),
    );
    expect(Object.keys(action.outputs).sort()).toEqual(['exit-code', 'html-file', 'json-file', 'markdown-file', 'result', 'sarif-file']);
  });

  it('pastes no expression into a script: inputs reach the shell as environment variables only', () => {
    for (const step of runSteps) expect(hasExpression(step.run), step.name).toBe(false);
  });

  it('gives the client secret to the scan step only, in its environment, and never puts a secret on a command line', () => {
    const holders = runSteps.filter((s) => Object.values(s.env ?? {}).some((v) => v.includes('inputs.client-secret')));
    expect(holders.map((s) => s.id)).toEqual(['scan']);
    expect(scanStep?.run).toContain('export AUTH0_CLIENT_SECRET="$INPUT_CLIENT_SECRET"');
    for (const step of runSteps) expect(step.run).not.toMatch(/--client-secret|--token|AUTH0_CLIENT_SECRET"? *\)|\$AUTH0_CLIENT_SECRET/);
  });
});

const LIMITED = { client_id: 'action-limited-scanner', client_secret: 'DEMO-SECRET-action-limited-5c1e9a', withhold: ['read:users'] };
const tenant = withLimitedClient(loadDemoTenant(), LIMITED);
const scanner = demoScanner(tenant);

let root: string;
let actionPath: string;
let mock: MockServer;
let build: ActionResult;
beforeAll(async () => {
  root = makeTempDir('action');
  actionPath = stageCheckout(root, 'action-checkout');
  mock = await startMockServer({ tenant });
  build = await runCompositeAction(action, { with: {}, actionPath, workspace: workspace(), select: (s) => s.id !== 'scan' });
}, 300_000);
afterAll(async () => {
  await mock?.close();
  if (root) removeTempDir(root);
});

let workspaces = 0;
function workspace(files: Record<string, string> = {}): string {
  const dir = join(root, `workspace-${(workspaces += 1)}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

interface ScanRun extends ActionResult {
  dir: string;
  step: { code: number | null; stdout: string; stderr: string };
}

async function scan(inputs: Record<string, string>, dir = workspace(), env: Record<string, string> = {}): Promise<ScanRun> {
  const credentials = { domain: mock.url, 'client-id': scanner.client_id, 'client-secret': scanner.client_secret };
  const result = await runCompositeAction(action, { with: { ...credentials, ...inputs }, actionPath, workspace: dir, env, select: (s: RunStep) => s.id === 'scan' });
  const step = result.steps[0];
  if (!step) throw new Error('the scan step did not run');
  return { ...result, dir, step };
}

const read = (run: ScanRun, path: string): string => readFileSync(join(run.dir, path), 'utf8');
const describeStep = (run: ScanRun): string => `exit ${String(run.step.code)}\n--- stderr ---\n${run.step.stderr.slice(0, 3000)}\n--- stdout ---\n${run.step.stdout.slice(0, 1500)}`;

describe('the action, its run: steps in a simulated runner against the mock API on loopback', () => {
  it('builds from a plain checkout (no dist/, no node_modules) and keeps only runtime dependencies', () => {
    const [step] = build.steps;
    expect(step?.code, `${step?.stderr ?? ''}\n${step?.stdout ?? ''}`).toBe(0);
    expect(existsSync(join(actionPath, 'dist/cli/main.js'))).toBe(true);
    expect(existsSync(join(actionPath, 'dist/builtin-rules.json'))).toBe(true);
    expect(existsSync(join(actionPath, 'node_modules/zod'))).toBe(true);
    expect(existsSync(join(actionPath, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(join(actionPath, 'node_modules/vitest'))).toBe(false);
  });

  it('fails the step on findings at or above fail-on, after writing every report, the outputs and the job summary', async () => {
    const run = await scan({ html: 'reports/auth0-scan.html', sarif: 'reports/auth0-scan.sarif' }, workspace({}));
    expect(run.step.code, describeStep(run)).toBe(1);
    expect(run.outputs).toEqual({
      result: 'failed',
      'exit-code': '1',
      'sarif-file': 'reports/auth0-scan.sarif',
      'json-file': 'auth0-scan.json',
      'markdown-file': 'auth0-scan.md',
      'html-file': 'reports/auth0-scan.html',
    });
    expect(sarifSchemaErrors(JSON.parse(read(run, 'reports/auth0-scan.sarif')))).toEqual([]);
    const report = JSON.parse(read(run, 'auth0-scan.json')) as { summary: { gate: { failOn: string; passed: boolean } } };
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.summary.gate).toMatchObject({ failOn: 'high', passed: false });
    expect(read(run, 'reports/auth0-scan.html')).toMatch(/^<!doctype html>/i);
    expect(run.summary.length).toBeGreaterThan(0);
    expect(run.summary).toBe(read(run, 'auth0-scan.md'));
    expect(run.step.stdout).toContain('auth0-scan: gate failed (exit 1)');
    const everything = [run.step.stdout, run.step.stderr, run.summary, ...Object.values(run.outputs), ...['auth0-scan.json', 'auth0-scan.md', 'reports/auth0-scan.sarif', 'reports/auth0-scan.html'].map((p) => read(run, p))];
    for (const text of everything) expect(text).not.toContain(DEMO_SECRET_PREFIX);
  });

  it('passes with fail-on never, and writes no SARIF and no summary when those inputs are off', async () => {
    const run = await scan({ 'fail-on': 'never', sarif: '', 'job-summary': 'false' });
    expect(run.step.code, describeStep(run)).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'passed', 'exit-code': '0', 'sarif-file': '', 'json-file': 'auth0-scan.json', 'html-file': '' });
    expect(existsSync(join(run.dir, 'auth0-scan.sarif'))).toBe(false);
    expect(run.summary).toBe('');
  });

  it('counts only findings missing from the baseline, and keeps the job environment when an input is empty', async () => {
    const first = await scan({ 'fail-on': 'never', sarif: '', markdown: '' });
    expect(first.step.code, describeStep(first)).toBe(0);
    const dir = workspace({ 'reviewed-baseline.json': read(first, 'auth0-scan.json') });
    const run = await scan({ baseline: 'reviewed-baseline.json', domain: '', 'client-id': '' }, dir, { AUTH0_DOMAIN: mock.url, AUTH0_CLIENT_ID: scanner.client_id });
    expect(run.step.code, describeStep(run)).toBe(0);
    expect(run.outputs.result).toBe('passed');
  });

  it('reports incomplete (exit 3) when the client lacks a scope, with the reports still written', async () => {
    const run = await scan({ 'client-id': LIMITED.client_id, 'client-secret': LIMITED.client_secret, 'fail-on': 'never' });
    expect(run.step.code, describeStep(run)).toBe(3);
    expect(run.outputs).toMatchObject({ result: 'incomplete', 'exit-code': '3', 'json-file': 'auth0-scan.json' });
    expect(run.step.stderr).toContain('read:users');
  });

  it('reports error (exit 2) on a bad input, and names no report left over from an earlier run', async () => {
    const run = await scan({ 'fail-on': 'severe' }, workspace({ 'auth0-scan.json': '{}' }));
    expect(run.step.code, describeStep(run)).toBe(2);
    expect(run.outputs).toEqual({ result: 'error', 'exit-code': '2', 'sarif-file': '', 'json-file': '', 'markdown-file': '', 'html-file': '' });
    expect(run.summary).toBe('');
  });

  it('names only reports this run wrote: a file of an earlier run at that path counts when it is replaced', async () => {
    const stale = { 'auth0-scan.json': '{}', 'auth0-scan.md': 'old summary' };
    const refused = await scan({ 'client-secret': 'DEMO-SECRET-not-the-right-one' }, workspace(stale));
    expect(refused.step.code, describeStep(refused)).toBe(3);
    expect(refused.outputs).toMatchObject({ result: 'incomplete', 'json-file': '', 'markdown-file': '', 'sarif-file': '' });
    expect(refused.summary).toBe('');

    const replaced = await scan({ 'fail-on': 'never' }, workspace(stale));
    expect(replaced.step.code, describeStep(replaced)).toBe(0);
    expect(replaced.outputs).toMatchObject({ 'json-file': 'auth0-scan.json', 'markdown-file': 'auth0-scan.md' });
    expect(replaced.summary).not.toContain('old summary');
  });

  it('splits args at whitespace without expanding globs', async () => {
    // A file matching the pattern: with globbing on, bash would pass its name instead of `client-*`.
    const run = await scan({ args: '--only client-*\n  --min-severity high', 'fail-on': 'never' }, workspace({ 'client-glob-bait': '' }));
    expect(run.step.code, describeStep(run)).toBe(0);
    const report = JSON.parse(read(run, 'auth0-scan.json')) as { findings: { ruleId: string; severity: string }[] };
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.ruleId).toMatch(/^client-/);
    for (const f of report.findings) expect(['critical', 'high']).toContain(f.severity);
  });
});
