import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './run-cli.js';

/**
 * A folder holding an `auth0-scan` command that runs the built CLI, to put first on PATH: an example's shell script
 * then runs as written, as it would where the image or the package provides the command.
 */
export function makeCliShim(root: string): string {
  const dir = join(root, 'shim-bin');
  mkdirSync(dir, { recursive: true });
  const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;
  writeFileSync(join(dir, 'auth0-scan'), `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(BIN)} "$@"\n`);
  chmodSync(join(dir, 'auth0-scan'), 0o755);
  return dir;
}
