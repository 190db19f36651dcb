import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the tests that run a system program (a shell, a browser) cannot run here, or undefined when they can: `tool` is
 * a command on PATH or an absolute path. CI (.ci/run) installs these programs and sets AUTH0_SCAN_REQUIRE_BROWSER=1:
 * there a missing one is a failure, never a silent skip.
 */
export function systemToolMissing(tool: string, install: string): string | undefined {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '');
  const found = isAbsolute(tool) ? executable(tool) : dirs.some((d) => executable(join(d, tool)));
  if (found) return undefined;
  const why = `${tool} is not installed (${install})`;
  if (process.env['AUTH0_SCAN_REQUIRE_BROWSER'] === '1') throw new Error(`these tests must run here, but ${why}`);
  return why;
}
