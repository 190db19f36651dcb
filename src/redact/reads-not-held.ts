import type { RuleFile } from '../rules/rule-schema.js';
import type { AllowList } from './allow-list.js';
import { formatPathSpec } from './path-spec.js';
import { ruleReadPaths } from './rule-read-paths.js';

/**
 * The paths a rule reads that data redacted with every one of `lists` cannot answer (`clients addons.wams.x`),
 * sorted; [] when it can judge. A rule reading a path a snapshot dropped would otherwise see "absent" and pass.
 */
export function readsNotHeld(file: RuleFile, lists: readonly AllowList[]): string[] {
  const out = new Set<string>();
  for (const [kind, specs] of ruleReadPaths(file)) {
    for (const spec of specs) if (!lists.every((l) => l.covers(kind, spec))) out.add(`${kind} ${formatPathSpec(spec).replace(/\?$/, '')}`);
  }
  return [...out].sort();
}
