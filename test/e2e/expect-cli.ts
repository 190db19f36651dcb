import { expect } from 'vitest';
import { describeRun, type CliResult } from './run-cli.js';

export const ANSI = /\u001b\[[0-9;]*m/;
export const STACK_FRAME = '    at ';

/** A usage/input/collection failure: the exit code, exactly one stderr line `auth0-scan: …` naming what is given, no stack. */
export function expectOneLineError(r: CliResult, code: number, mentions: readonly string[] = []): string {
  expect(r.code, describeRun(r)).toBe(code);
  expect(r.stderr).not.toContain(STACK_FRAME);
  // Failures before a report exists must not leave a half document on stdout for a pipeline to consume.
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, describeRun(r)).toHaveLength(1);
  const line = lines[0] ?? '';
  expect(line.startsWith('auth0-scan: '), line).toBe(true);
  for (const m of mentions) expect(line).toContain(m);
  return line;
}
