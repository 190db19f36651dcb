import type { KindName } from '../model/kinds.js';
import type { RuleFile } from '../rules/rule-schema.js';
import { AllowList } from './allow-list.js';
import { ruleReadPaths } from './rule-read-paths.js';

/** The paths a set of rules reads, as one allow-list (without the fields reports need). */
export function readPathsOfRules(files: readonly RuleFile[]): AllowList {
  const out = new AllowList();
  for (const file of files) for (const [kind, specs] of ruleReadPaths(file)) for (const spec of specs) out.add(kind as KindName, spec);
  return out;
}
