import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { BIN, type CliResult } from '../e2e/run-cli.js';

/**
 * The executable the file-handling tests spawn: the package's own bin (which runs dist/, built by `npm test`), or
 * AUTH0_SCAN_BIN, a private build's bin, so these tests can run while dist/ is not rebuilt.
 */
export const CLI_BIN = process.env['AUTH0_SCAN_BIN'] ?? BIN;

export interface StartedCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  done: Promise<CliResult>;
}

/** Spawns the CLI and hands back the child too, so a test can signal it mid-run. */
export function startCli(args: readonly string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): StartedCli {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: options.cwd, ...options.env };
  const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const done = new Promise<CliResult>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 45_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    });
  });
  return { child, done };
}

export function runBuiltCli(args: readonly string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<CliResult> {
  return startCli(args, options).done;
}

/** Resolves once `check` holds, polling; rejects after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
