import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package root and the real binary: the e2e tests run what `npm test` built into dist/. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/auth0-scan.js', import.meta.url));

export interface CliResult {
  /** null when the process was killed (by the timeout or a signal). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface RunOptions {
  cwd: string;
  /** The only variables the child sees besides PATH and HOME: no AUTH0_*, NO_COLOR or FORCE_COLOR leaks in. */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Close our end of the child's stdout once this many bytes arrived (0: at once), like `| head` does. */
  closeStdoutAfterBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 45_000;

/**
 * Spawns `node bin/auth0-scan.js ...args` and resolves (never rejects) with what it printed and how it ended. It is
 * asynchronous on purpose: the mock API the CLI talks to runs in the test process and must keep serving meanwhile.
 */
export function runCli(args: readonly string[], options: RunOptions): Promise<CliResult> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: options.cwd, ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    let received = 0;
    if (options.closeStdoutAfterBytes === 0) child.stdout.destroy();
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      received += b.length;
      if (options.closeStdoutAfterBytes !== undefined && received >= options.closeStdoutAfterBytes) child.stdout.destroy();
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
}

/** A readable summary for assertion messages, so a failing exit-code check shows what the CLI said. */
export function describeRun(r: CliResult): string {
  const clip = (s: string) => (s.length > 2000 ? `${s.slice(0, 2000)}…` : s);
  return `exit ${String(r.code)}${r.signal ? ` (${r.signal})` : ''}${r.timedOut ? ' TIMED OUT' : ''}\n--- stderr ---\n${clip(r.stderr)}\n--- stdout ---\n${clip(r.stdout)}`;
}
