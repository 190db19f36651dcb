import type { RuleFile } from '../rules/rule-schema.js';
import type { AllowList } from './allow-list.js';
import { builtinAllowList } from './builtin-allow-list.js';
import { readPathsOfRules } from './read-paths-of-rules.js';

/**
 * The allow-list of a run: the built-in one (so a snapshot serves every built-in rule later, whatever
 * --only/--skip chose) plus every path the run's rules read, which adds what custom rules (--rules DIR) read.
 */
export function allowListForRules(files: readonly RuleFile[]): AllowList {
  return builtinAllowList().union(readPathsOfRules(files));
}
