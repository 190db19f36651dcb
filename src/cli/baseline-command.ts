import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT, InputError } from '../errors.js';
import { formatOfPath } from '../report/plan-outputs.js';
import { scanCommand } from './scan-command.js';
import type { Terminal } from './terminal.js';

/**
 * `baseline create|update -o FILE`: a scan written as a JSON report, which `scan --baseline FILE` then compares
 * with. The gate is off (a baseline records findings, it does not judge them) and no suppression applies, so the
 * baseline holds every finding. `create` refuses to replace a file; `update` is the same run, overwriting.
 */
export async function baselineCommand(mode: 'create' | 'update', raw: Record<string, unknown>, term: Terminal): Promise<number> {
  const output = raw['output'];
  if (typeof output !== 'string' || output === '') throw new InputError('USAGE', '--output: name the baseline file to write');
  // A baseline is always a JSON report: a name that says another format is a mistake, not a request.
  const named = formatOfPath(output);
  if (named !== undefined && named.format !== 'json') throw new InputError('USAGE', `a baseline is a JSON report: give it a .json name (not ${named.ending})`, output);
  if (mode === 'create' && existsSync(resolve(term.cwd, output))) {
    throw new InputError('OUTPUT', 'the baseline already exists: use `baseline update` to replace it', output);
  }
  const code = await scanCommand({ ...raw, output, format: 'json', failOn: 'never', ignores: false }, term);
  if (code !== EXIT.input && raw['quiet'] !== true) term.stderr(`auth0-scan: ${mode === 'create' ? 'wrote' : 'updated'} baseline ${output}\n`);
  return code;
}
