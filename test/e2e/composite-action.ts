import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { evaluateExpressions, type ExpressionContexts } from './action-expressions.js';
import { parseGithubOutput } from './github-output-file.js';

const usesStep = z.object({ name: z.string().optional(), uses: z.string(), with: z.record(z.string(), z.string()).optional() }).strict();
const runStep = z
  .object({
    name: z.string().optional(),
    id: z.string().optional(),
    shell: z.literal('bash'),
    run: z.string(),
    env: z.record(z.string(), z.string()).optional(),
    'working-directory': z.string().optional(),
  })
  .strict();
const actionSchema = z.object({
  name: z.string(),
  description: z.string(),
  inputs: z.record(z.string(), z.object({ description: z.string(), required: z.boolean().optional(), default: z.string().optional() }).strict()),
  outputs: z.record(z.string(), z.object({ description: z.string(), value: z.string() }).strict()),
  runs: z.object({ using: z.literal('composite'), steps: z.array(z.union([usesStep, runStep])) }).strict(),
});

export type CompositeAction = z.infer<typeof actionSchema>;
export type RunStep = z.infer<typeof runStep>;
export type UsesStep = z.infer<typeof usesStep>;

/** action.yml, checked against the subset of the metadata syntax this simulation understands (no `if:` on steps). */
export function loadCompositeAction(file: string): CompositeAction {
  return actionSchema.parse(parse(readFileSync(file, 'utf8')));
}

export const isRunStep = (step: RunStep | UsesStep): step is RunStep => 'run' in step;

export interface Simulation {
  /** The `with:` of the workflow step; the rest come from the inputs' defaults. */
  with: Record<string, string>;
  actionPath: string;
  workspace: string;
  /** The job's environment on top of PATH and HOME (as a workflow's `env:` sets it). */
  env?: Record<string, string>;
  /** Which run: steps to execute, in order; the others are left out (their outputs stay empty). */
  select: (step: RunStep) => boolean;
}

export interface StepResult {
  step: RunStep;
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionResult {
  steps: StepResult[];
  /** The action's outputs, evaluated from its steps' outputs like the runner does after the last step. */
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs the selected `run:` steps of a composite action the way a GitHub runner does: each script in a file, run by
 * `bash --noprofile --norc -eo pipefail`, with the step's `env:` evaluated, a fresh GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY per step, and no step after a failing one. `uses:` steps are not run (the caller checks them):
 * `node` and `npm` come from PATH instead of actions/setup-node.
 */
export async function runCompositeAction(action: CompositeAction, sim: Simulation): Promise<ActionResult> {
  const runnerTemp = mkdtempSync(join(sim.workspace, '..', 'runner-temp-'));
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, sim.with[name] ?? spec.default ?? '']));
  for (const name of Object.keys(sim.with)) if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  const contexts: ExpressionContexts = { inputs, github: { action_path: sim.actionPath, workspace: sim.workspace }, runner: { temp: runnerTemp }, steps: {} };
  const results: StepResult[] = [];
  for (const [index, step] of action.runs.steps.entries()) {
    if (!isRunStep(step) || !sim.select(step)) continue;
    const result = await runOneStep(step, index, contexts, sim, runnerTemp);
    results.push(result);
    if (step.id !== undefined) (contexts.steps as Record<string, { outputs: Record<string, string> }>)[step.id] = { outputs: result.outputs };
    if (result.code !== 0) break;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, spec]) => [name, evaluateExpressions(spec.value, contexts)]));
  return { steps: results, outputs, summary: results.map((r) => r.summary).join('') };
}

async function runOneStep(step: RunStep, index: number, contexts: ExpressionContexts, sim: Simulation, runnerTemp: string): Promise<StepResult> {
  const script = join(runnerTemp, `step-${index}.sh`);
  const outputFile = join(runnerTemp, `output-${index}`);
  const summaryFile = join(runnerTemp, `summary-${index}`);
  writeFileSync(script, step.run);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluateExpressions(v, contexts)]));
  const env: Record<string, string> = {
    PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
    HOME: runnerTemp,
    // The runner's npm cache, read first: the packages of `npm ci` are there after the project's own install.
    npm_config_cache: process.env['npm_config_cache'] ?? join(homedir(), '.npm'),
    npm_config_prefer_offline: 'true',
    npm_config_update_notifier: 'false',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: sim.workspace,
    GITHUB_ACTION_PATH: sim.actionPath,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...sim.env,
    ...stepEnv,
  };
  const cwd = step['working-directory'] === undefined ? sim.workspace : evaluateExpressions(step['working-directory'], contexts);
  const { code, stdout, stderr } = await spawnBash(script, cwd, env);
  return { step, code, stdout, stderr, outputs: parseGithubOutput(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}

const STEP_TIMEOUT_MS = 240_000;

function spawnBash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
