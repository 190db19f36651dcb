import type { LoadedConfig } from '../config/load-config.js';
import type { Baseline } from './baseline-schema.js';
import { loadBaseline } from './load-baseline.js';
import { loadSuppressions, type LoadedSuppressions } from './load-suppressions.js';

export interface GateInputs {
  suppressions?: LoadedSuppressions;
  baseline?: { path: string; doc: Baseline };
}

/** Reads what the gate filters need before any scanning, so a bad file fails fast (exit 2) without touching the API. */
export function loadGateInputs(options: { ignores: boolean; ignoreFile?: string; baseline?: string }, config: LoadedConfig, cwd: string): GateInputs {
  // --no-ignores is for audits: the files are not even read, so nothing in them can change the result.
  const suppressions = options.ignores ? loadSuppressions({ ignoreFile: options.ignoreFile, cwd, config }) : undefined;
  const baseline = options.baseline === undefined ? undefined : { path: options.baseline, doc: loadBaseline(options.baseline, cwd) };
  return { ...(suppressions ? { suppressions } : {}), ...(baseline ? { baseline } : {}) };
}
