import { InputError } from '../errors.js';
import { planSnapshotOutput, type PlannedOutput } from '../report/plan-outputs.js';
import { checkOutputPath } from '../util/output-path-check.js';
import type { ScanOptions } from './scan-options.js';

/**
 * `scan --since`, `--full-every` and `--save-snapshot`, checked before anything is read: they need a live (or demo)
 * tenant, and the snapshot must go to a writable file that no report also names.
 */
export function checkIncrementalOptions(o: ScanOptions, outputs: readonly PlannedOutput[], cwd: string): void {
  const offline = o.snapshot !== undefined || o.deployCli !== undefined || o.terraform !== undefined;
  if (offline && (o.since !== undefined || o.saveSnapshot !== undefined || o.fullEvery !== undefined)) {
    throw new InputError('USAGE', '--since, --full-every and --save-snapshot read a live (or demo) tenant: drop --snapshot, --deploy-cli and --terraform');
  }
  if (o.fullEvery !== undefined && o.since === undefined) throw new InputError('USAGE', '--full-every applies to --since runs only');
  if (o.saveSnapshot === undefined) return;
  const identify = (path: string, flag: string): string => checkOutputPath(path, cwd, flag).key;
  const snapshot = identify(planSnapshotOutput(o.saveSnapshot, (path, flag) => checkOutputPath(path, cwd, flag), '--save-snapshot'), '--save-snapshot');
  const clash = outputs.find((out) => out.path !== undefined && identify(out.path, out.flag) === snapshot);
  if (clash) throw new InputError('USAGE', `--save-snapshot and ${clash.flag} name the same file: give each its own`, `--save-snapshot ${o.saveSnapshot}`);
}
